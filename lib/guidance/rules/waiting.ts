import { WAITING_STATUSES } from "@/lib/vocabulary";
import { addDaysToDate, startOfDate } from "@/lib/time/zoned";
import { otherApplications, reached } from "../clock";
import {
  addDays,
  dayOf,
  eventsSince,
  firstPlanningTimeFrom,
  lastEndedRound,
  later,
  perCall,
  planningTimeOn,
  responsesSince,
  roundLabel,
  roundName,
  statedDecisionDate,
  type Facts,
  type RoundFact,
} from "../facts";
import { ago, calendarDate, plural } from "../phrases";
import type { Recommendation } from "../recommendation";
import type { RuleId } from "../rule-ids";
import { step } from "./step";

/** Fewer other applications than this in play makes searching on more urgent. */
export const FEW_OTHER_APPLICATIONS = 3;

/**
 * A wait for the company's answer, after the last round or, with no round
 * yet, after applying: what the follow-up and move-on rules share.
 */
export type Wait = {
  followUpRule: Extract<RuleId, "follow-up-after-silence" | "follow-up-on-application">;
  /** The round the silence follows; null before any interview. */
  round: RoundFact | null;
  /** What the steps' keys are about: the round, or the applied date. */
  about: string;
  /** When the wait began: the round's end, or the start of the applied date. */
  since: Date;
  /** Follow-ups sent since the wait began, oldest first. */
  followUps: Date[];
  /** When the first follow-up falls due. */
  firstDue: Date;
  /** Why the first follow-up falls due then, as a sentence; made only for a step that fires. */
  waitReason: () => string;
};

/**
 * The wait after the last round: it is over, its outcome is still pending,
 * and nothing has been heard since it started. A decision date the company
 * gave (on or after the day of that round) replaces the usual wait, whether
 * it is sooner or later: the follow-up is due the morning after it.
 */
function waitAfterRound(facts: Facts, round: RoundFact): Wait | undefined {
  if (responsesSince(facts, round.start).length > 0) return undefined;
  const { decisionWaitDays } = facts.input.settings;
  const stated = statedDecisionDate(facts);
  // Only a date given for this wait counts: one from before the last round was overtaken by it.
  const current = stated !== undefined && stated >= dayOf(facts, round.start) ? stated : undefined;
  const firstDue = current
    ? planningTimeOn(facts, addDaysToDate(current, 1))
    : firstPlanningTimeFrom(facts, addDays(round.end, decisionWaitDays));
  return {
    followUpRule: "follow-up-after-silence",
    round,
    about: round.round.id,
    since: round.end,
    followUps: eventsSince(facts, round.start, ["follow_up_sent"]).map((e) => e.occurredAt),
    firstDue,
    waitReason: () =>
      current
        ? `They said they would decide by ${calendarDate(current, facts.input)}; that day is over, and their date counts rather than the usual ${plural(decisionWaitDays, "day")}.`
        : `Companies usually take about ${plural(decisionWaitDays, "day")} to decide, and that has passed.`,
  };
}

/** The wait after applying, while no interview is logged and nothing has been heard. */
function waitAfterApplying(facts: Facts): Wait | undefined {
  const appliedOn = facts.input.application.appliedOn;
  if (facts.status !== "applied" || facts.rounds.length > 0 || !appliedOn) return undefined;
  const since = startOfDate(appliedOn, facts.input.timeZone);
  if (!since || !reached(facts, since.getTime()) || responsesSince(facts, since).length > 0) return undefined;
  const days = facts.input.settings.applicationFollowUpDays;
  return {
    followUpRule: "follow-up-on-application",
    round: null,
    about: `applied-${appliedOn}`,
    since,
    followUps: eventsSince(facts, since, ["follow_up_sent"]).map((e) => e.occurredAt),
    firstDue: planningTimeOn(facts, addDaysToDate(appliedOn, days)),
    waitReason: () => `You applied on ${calendarDate(appliedOn, facts.input)}, and ${plural(days, "day")} without an answer is a fair time to check in.`,
  };
}

/** The application's current wait, if it is waiting on the company at all. */
export const currentWait = (facts: Facts) => waitOf(facts, facts);
const waitOf = perCall(function findWait(_: Facts, facts: Facts): Wait | undefined {
  if (!WAITING_STATUSES.includes(facts.status)) return undefined;
  const round = lastEndedRound(facts);
  if (round) return round.round.outcome === "pending" ? waitAfterRound(facts, round) : undefined;
  return waitAfterApplying(facts);
});

/**
 * When the next follow-up falls due: the end of the wait, and the follow-up
 * spacing after the last one sent; undefined once the move-on point is
 * reached. It may be in the past (the step is open) or still to come (the
 * next check-in on the dashboard).
 */
export function nextFollowUpDue(facts: Facts, wait: Wait): Date | undefined {
  const { followUpSpacingDays, moveOnFollowUps } = facts.input.settings;
  if (wait.followUps.length >= moveOnFollowUps) return undefined;
  const last = wait.followUps.at(-1);
  return last ? later(wait.firstDue, firstPlanningTimeFrom(facts, addDays(last, followUpSpacingDays))) : wait.firstDue;
}

const FOLLOW_UP_DETAIL =
  "A short, friendly note asking how things stand keeps you in mind without pushing. Say you are still interested and offer anything that would help them decide.";

function followUpStep(facts: Facts, wait: Wait, dueAt: Date): Recommendation {
  const n = wait.followUps.length + 1;
  const lastFollowUp = wait.followUps.at(-1);
  const { round } = wait;
  const company = facts.company;
  const title = round
    ? n === 1
      ? `Follow up with ${company}`
      : `Send follow-up ${n} to ${company}`
    : n === 1
      ? `Follow up on your application to ${company}`
      : `Send follow-up ${n} on your application to ${company}`;
  return step(facts, wait.followUpRule, {
    about: `${wait.about}:${n}`,
    roundId: round?.round.id ?? null,
    title,
    detail: round
      ? FOLLOW_UP_DETAIL
      : "A short note to the recruiter or hiring manager saying you are still keen, with one line on why you fit, keeps your application in view without pushing.",
    priority: "medium",
    dueAt,
    since: wait.since,
    reasons: [
      round
        ? `${roundName(facts, round)} ended ${ago(facts, round.end)} and nothing has been heard since.`
        : `No interview is logged and nothing has been heard from ${company} since you applied.`,
      wait.waitReason(),
      ...(round?.round.noNextSteps ? [`No next steps were given at the end of your ${roundLabel(facts, round)}.`] : []),
      ...(lastFollowUp ? [`Your last follow-up went out ${ago(facts, lastFollowUp)}.`] : []),
    ],
    draft: round ? "follow-up" : "application-follow-up",
  });
}

export function followUpAfterSilence(facts: Facts): Recommendation[] {
  const wait = currentWait(facts);
  const dueAt = wait?.round ? nextFollowUpDue(facts, wait) : undefined;
  return wait && dueAt && reached(facts, dueAt.getTime()) ? [followUpStep(facts, wait, dueAt)] : [];
}

export function followUpOnApplication(facts: Facts): Recommendation[] {
  const wait = currentWait(facts);
  const dueAt = wait && !wait.round ? nextFollowUpDue(facts, wait) : undefined;
  return wait && dueAt && reached(facts, dueAt.getTime()) ? [followUpStep(facts, wait, dueAt)] : [];
}

export function moveOnNoResponse(facts: Facts): Recommendation[] {
  const wait = currentWait(facts);
  const { followUpSpacingDays, moveOnFollowUps } = facts.input.settings;
  const lastFollowUp = wait?.followUps.at(-1);
  if (!wait || !lastFollowUp || wait.followUps.length < moveOnFollowUps) return [];
  const waitedFrom = addDays(lastFollowUp, followUpSpacingDays);
  const dueAt = firstPlanningTimeFrom(facts, waitedFrom);
  if (!reached(facts, dueAt.getTime())) return [];
  const after = wait.round ? `after ${roundName(facts, wait.round, "your")}` : "since you applied";
  return [
    step(facts, "move-on-no-response", {
      about: wait.about,
      roundId: wait.round?.round.id ?? null,
      title: `Consider moving on from ${facts.company}`,
      detail:
        "You have checked in and heard nothing back. Marking it as ghosted takes it out of your waiting list without deleting anything, and it comes back if they reply.",
      priority: "medium",
      dueAt,
      since: waitedFrom,
      reasons: [
        `You sent ${plural(wait.followUps.length, "follow-up")} ${after} and none was answered.`,
        `The last one went out ${ago(facts, lastFollowUp)}.`,
      ],
    }),
  ];
}

export function keepSearching(facts: Facts): Recommendation[] {
  if (!WAITING_STATUSES.includes(facts.status)) return [];
  const round = lastEndedRound(facts);
  if (!round || round.round.outcome !== "pending") return [];
  if (facts.events.some((e) => ["offer_received", "rejection_received", "withdrawn"].includes(e.kind))) return [];
  const others = otherApplications(facts);
  return [
    step(facts, "keep-searching", {
      about: round.round.id,
      roundId: round.round.id,
      title: "Keep other applications moving",
      detail:
        "While you wait, keep other applications and interviews going. Until you hold a written offer, more options mean less riding on any single answer.",
      priority: others < FEW_OTHER_APPLICATIONS ? "medium" : "low",
      since: round.end,
      reasons: [
        `${roundName(facts, round)} ended ${ago(facts, round.end)} and their decision is still open.`,
        others === 0
          ? "This is your only application in play."
          : `You have ${plural(others, "other application")} in play.`,
      ],
    }),
  ];
}
