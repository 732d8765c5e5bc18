import { nextCheckIn, type CheckIn } from "./check-in";
import { reached } from "./clock";
import { gatherFacts, type Facts } from "./facts";
import type { GuidanceInput, HandledStep } from "./input";
import { compareRecommendations } from "./queue";
import type { Recommendation } from "./recommendation";
import { reflectAndUpdate, requestFeedback } from "./rules/decision";
import { negotiateAfterOffer, respondToOffer } from "./rules/offer";
import { preparationSteps, salaryWaitForOffer, secondRoundExpectations } from "./rules/preparation";
import { readTheSignals } from "./rules/signals";
import { sendThankYou } from "./rules/thank-you";
import { followUpAfterSilence, followUpOnApplication, keepSearching, moveOnNoResponse } from "./rules/waiting";

/**
 * Nothing is left to advise on once the user has taken or turned down the
 * job. (A rejection still brings feedback and reflection; a ghosted
 * application's rules simply no longer fire.)
 */
const NOTHING_TO_ADVISE = ["accepted", "withdrawn"];

const RULES: readonly ((facts: Facts) => Recommendation[])[] = [
  secondRoundExpectations,
  preparationSteps,
  salaryWaitForOffer,
  sendThankYou,
  followUpAfterSilence,
  followUpOnApplication,
  keepSearching,
  readTheSignals,
  moveOnNoResponse,
  requestFeedback,
  reflectAndUpdate,
  negotiateAfterOffer,
  respondToOffer,
];

/** Whether the user has put this step aside: done or dismissed for good, snoozed until its time. */
function isHandled(h: HandledStep, facts: Facts): boolean {
  return h.state !== "snoozed" || (h.until !== null && !reached(facts, h.until.getTime()));
}

/** A step the user put aside (snoozed or dismissed), with how. */
export type PutAside = { step: Recommendation; state: "snoozed" | "dismissed"; until: Date | null };

export type Guidance = {
  /** Open steps, in queue order. */
  steps: Recommendation[];
  /** Steps that would fire but are snoozed or dismissed (not done), in queue order. */
  putAside: PutAside[];
  /** When the next follow-up falls due, if still to come. */
  checkIn: CheckIn | null;
  /**
   * The first instant after `now` at which this answer may differ (ms since
   * the epoch), or Infinity when only a change to the input can change it.
   * A cache may serve the answer for any instant in [now, changesAt). Exact
   * for what is shown: a step falling due or turning overdue, a round
   * starting or ending, an event logged ahead coming due, a snooze ending,
   * "30 hours ago" becoming "31 hours ago", a date gaining its year at New
   * Year. (A step marked done still counts, though it is not shown: the
   * answer may then hold a little longer than said, never less.)
   */
  changesAt: number;
  /**
   * Whether the answer read how many other applications are in play
   * (keep-searching words it and ranks by it). When false, a change to that
   * number cannot change this answer.
   */
  readsOtherApplications: boolean;
};

/**
 * Everything the engine says about one application at `now`: its open
 * steps, the ones put aside, and its next check-in. Pure: the same input
 * and `now` always give the same answer.
 */
export function guide(input: GuidanceInput, now: Date): Guidance {
  if (NOTHING_TO_ADVISE.includes(input.application.status)) return { steps: [], putAside: [], checkIn: null, changesAt: Infinity, readsOtherApplications: false };
  const facts = gatherFacts(input, now);
  const handled = input.handled.length ? new Map(input.handled.map((h) => [h.key, h])) : null;
  const steps: Recommendation[] = [];
  const putAside: PutAside[] = [];
  for (const rule of RULES)
    for (const step of rule(facts)) {
      const h = handled?.get(step.key);
      if (!h || !isHandled(h, facts)) steps.push(step);
      else if (h.state !== "done") putAside.push({ step, state: h.state, until: h.until });
    }
  steps.sort(compareRecommendations);
  putAside.sort((a, b) => compareRecommendations(a.step, b.step));
  const checkIn = nextCheckIn(facts);
  return { steps, putAside, checkIn, changesAt: facts.changesAt, readsOtherApplications: facts.readsOthers };
}

/** Every rule that fires, less the steps the user has put aside, in queue order. */
export function recommend(input: GuidanceInput, now: Date): Recommendation[] {
  return guide(input, now).steps;
}

/** Like `recommend`, but also returns steps the user has put aside (for checking an action against). */
export function fired(input: GuidanceInput, now: Date, options: { includeHandled: boolean }): Recommendation[] {
  return options.includeHandled ? guide({ ...input, handled: [] }, now).steps : recommend(input, now);
}
