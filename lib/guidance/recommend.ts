import { gatherFacts, type Facts } from "./facts";
import type { GuidanceInput, HandledStep } from "./input";
import { compareRecommendations } from "./queue";
import type { Recommendation } from "./recommendation";
import { negotiateAfterOffer, reflectAndUpdate, requestFeedback } from "./rules/decision";
import { preparationSteps, salaryWaitForOffer, secondRoundExpectations } from "./rules/preparation";
import { readTheSignals } from "./rules/signals";
import { sendThankYou } from "./rules/thank-you";
import { followUpAfterSilence, keepSearching, moveOnNoResponse } from "./rules/waiting";

/** The user has closed these: nothing is left to advise on. */
const CLOSED = ["accepted", "withdrawn"];

const RULES: readonly ((facts: Facts) => Recommendation[])[] = [
  secondRoundExpectations,
  preparationSteps,
  salaryWaitForOffer,
  sendThankYou,
  followUpAfterSilence,
  keepSearching,
  readTheSignals,
  moveOnNoResponse,
  requestFeedback,
  reflectAndUpdate,
  negotiateAfterOffer,
];

/** Whether the user has put this step aside: done or dismissed for good, snoozed until its time. */
function isHandled(handled: ReadonlyMap<string, HandledStep> | null, key: string, now: Date): boolean {
  const h = handled?.get(key);
  if (!h) return false;
  return h.state !== "snoozed" || (h.until !== null && now.getTime() < h.until.getTime());
}

/**
 * Every rule that fires for every step the user has not put aside, in queue
 * order. Pure: the same input and `now` always give the same answer.
 */
export function recommend(input: GuidanceInput, now: Date): Recommendation[] {
  return fired(input, now, { includeHandled: false });
}

/** Like `recommend`, but also returns steps the user has put aside (for checking an action against). */
export function fired(input: GuidanceInput, now: Date, options: { includeHandled: boolean }): Recommendation[] {
  if (CLOSED.includes(input.application.status)) return [];
  const facts = gatherFacts(input, now);
  const handled = input.handled.length ? new Map(input.handled.map((h) => [h.key, h])) : null;
  const steps: Recommendation[] = [];
  for (const rule of RULES)
    for (const step of rule(facts)) if (options.includeHandled || !isHandled(handled, step.key, now)) steps.push(step);
  return steps.sort(compareRecommendations);
}
