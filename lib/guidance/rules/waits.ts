import { plural } from "@/lib/text/plural";
import { WAITING_STATUSES } from "@/lib/vocabulary";
import { startOfDate } from "@/lib/time/zoned";
import { reached } from "../clock";
import { eventLoggedAt, knownAt, writingDue } from "../due";
import {
  addDays,
  dayName,
  dayOf,
  decisionSince,
  firstPlanningTimeFrom,
  lastEndedRound,
  later,
  perCall,
  planningTimeDaysAfterDate,
  repliesAndFollowUps,
  statedDecisionDate,
  type Facts,
  type RoundFact,
} from "../facts";
import type { GuidanceEvent } from "../input";
import { calendarDate } from "../phrases";
import type { RuleId } from "../rule-ids";

/** Days with no word from the company after which follow-ups stop and moving on is suggested. */
export const LONG_SILENCE_DAYS = 30;

/**
 * A wait for the company's answer, after the last round or, with no round
 * yet, after applying; a reply that decides nothing starts a new one. What
 * the follow-up and move-on rules share.
 */
export type Wait = {
  followUpRule: Extract<RuleId, "follow-up-after-silence" | "follow-up-on-application">;
  /** The round the silence follows; null before any interview. */
  round: RoundFact | null;
  /** The company's last reply that decided nothing, when the wait runs from it. */
  reply: GuidanceEvent | null;
  /** What the steps' keys are about: the round or the applied date, and the reply it runs from. */
  about: string;
  /** When the wait began: the round's end, their reply, or the start of the applied date. */
  since: Date;
  /** Follow-ups sent since the wait began, oldest first. */
  followUps: Date[];
  /** When the first follow-up falls due, as the wait alone says (before working days and logged times). */
  firstDue: Date;
  /** The date the company gave, when it sets the wait. */
  statedDate: string | undefined;
  /** When the facts behind the wait (application, round, reply, last follow-up) reached Shortlist. */
  known: Date | undefined;
  /** The long silence point: from then on, no follow-up, and moving on is suggested. */
  silentFrom: Date;
  /** The calendar date the wait before any interview counts from (applied, or their last reply); null after a round. */
  waitedFromDay: string | null;
};

/** When the facts behind a wait reached Shortlist: its round and reply, and the last follow-up sent. */
function waitKnownAt(facts: Facts, round: Date | undefined, reply: GuidanceEvent | null, followUps: GuidanceEvent[]) {
  const last = followUps.at(-1);
  return knownAt(facts, round, reply ? eventLoggedAt(reply) : undefined, last && eventLoggedAt(last));
}

/**
 * The wait after the last round: it is over, its outcome is still pending,
 * and no decision has come since it started. It runs from the round's end,
 * or from their last reply after it. A date the company gave (in that reply,
 * or in the round when no reply has overtaken it) replaces the usual wait,
 * whether sooner or later: the follow-up is due the morning after it.
 */
function waitAfterRound(facts: Facts, round: RoundFact): Wait | undefined {
  if (decisionSince(facts, round.start)) return undefined;
  const { decisionWaitDays } = facts.input.settings;
  const { reply, followUps } = repliesAndFollowUps(facts, round.start);
  const since = reply ? later(reply.occurredAt, round.end) : round.end;
  const fromRound = statedDecisionDate(facts);
  // Only a date given for this wait counts: one from before the round (or the reply) was overtaken by it.
  const current = reply?.saidBy ?? (fromRound !== undefined && fromRound >= dayOf(facts, reply?.occurredAt ?? round.start) ? fromRound : undefined);
  // Read now rather than with the reason: the day's name may hold its year, and when that changes counts for the answer.
  if (reply) dayName(reply.occurredAt, facts);
  return {
    followUpRule: "follow-up-after-silence",
    round,
    reply,
    about: reply ? `${round.round.id}:reply-${reply.id}` : round.round.id,
    since,
    followUps: followUps.map((e) => e.occurredAt),
    known: waitKnownAt(facts, round.round.loggedAt, reply, followUps),
    silentFrom: addDays(since, LONG_SILENCE_DAYS),
    firstDue: current ? planningTimeDaysAfterDate(facts, current, 1) : firstPlanningTimeFrom(facts, addDays(since, decisionWaitDays)),
    statedDate: current,
    waitedFromDay: null,
  };
}

/** The wait before any interview (applied or screening, no round logged), from the applied date or their last reply. */
function waitBeforeInterview(facts: Facts): Wait | undefined {
  const appliedOn = facts.input.application.appliedOn;
  if ((facts.status !== "applied" && facts.status !== "screening") || facts.rounds.length > 0) return undefined;
  const applied = appliedOn ? startOfDate(appliedOn, facts.input.timeZone) : null;
  if (applied && !reached(facts, applied.getTime())) return undefined;
  const from = applied ?? new Date(-8.64e15);
  if (decisionSince(facts, from)) return undefined;
  const { reply, followUps } = repliesAndFollowUps(facts, from);
  if (!reply && (!applied || !appliedOn)) return undefined;
  const days = facts.input.settings.applicationFollowUpDays;
  const since = reply ? reply.occurredAt : (applied as Date);
  const waitedFromDay = reply ? dayOf(facts, reply.occurredAt) : (appliedOn as string);
  const stated = reply?.saidBy ?? undefined;
  return {
    followUpRule: "follow-up-on-application",
    round: null,
    reply,
    about: reply ? `reply-${reply.id}` : `applied-${appliedOn}`,
    since,
    followUps: followUps.map((e) => e.occurredAt),
    known: waitKnownAt(facts, undefined, reply, followUps),
    silentFrom: addDays(since, LONG_SILENCE_DAYS),
    firstDue: stated ? planningTimeDaysAfterDate(facts, stated, 1) : planningTimeDaysAfterDate(facts, waitedFromDay, days),
    statedDate: stated,
    waitedFromDay,
  };
}

/** Why the first follow-up falls due then, as a sentence: made only for a step that fires, from the wait's data rather than a closure per wait. */
export function waitReason(facts: Facts, wait: Wait): string {
  const { statedDate, reply } = wait;
  if (wait.waitedFromDay === null) {
    const days = facts.input.settings.decisionWaitDays;
    return statedDate
      ? `They said they would decide by ${calendarDate(statedDate, facts.input)}; that day is over, and their date counts rather than the usual ${plural(days, "day", "days", "plain")}.`
      : reply
        ? `They last replied on ${dayName(reply.occurredAt, facts)}, without a decision, and ${plural(days, "day", "days", "plain")} have passed since.`
        : `Companies usually take about ${plural(days, "day", "days", "plain")} to decide, and that has passed.`;
  }
  const days = facts.input.settings.applicationFollowUpDays;
  return statedDate
    ? `They said they would be in touch by ${calendarDate(statedDate, facts.input)}; that day is over.`
    : reply
      ? `They last replied on ${calendarDate(wait.waitedFromDay, facts.input)}, and ${plural(days, "day", "days", "plain")} without more news is a fair time to check in.`
      : `You applied on ${calendarDate(wait.waitedFromDay, facts.input)}, and ${plural(days, "day", "days", "plain")} without an answer is a fair time to check in.`;
}

/** The application's current wait, if it is waiting on the company at all. */
export const currentWait = (facts: Facts) => waitOf(facts, facts);
const waitOf = perCall(function findWait(_: Facts, facts: Facts): Wait | undefined {
  if (!WAITING_STATUSES.includes(facts.status)) return undefined;
  const round = lastEndedRound(facts);
  if (round) return round.round.outcome === "pending" ? waitAfterRound(facts, round) : undefined;
  return waitBeforeInterview(facts);
});

/**
 * When the next follow-up falls due: the end of the wait, and the follow-up
 * spacing after the last one sent, on a working day and never before the
 * facts were logged; undefined once the move-on point is reached, or when
 * the long silence comes first (then no follow-up fires). It may be in the
 * past (the step is open) or still to come (the next check-in).
 */
export function nextFollowUpDue(facts: Facts, wait: Wait): Date | undefined {
  const { followUpSpacingDays, moveOnFollowUps } = facts.input.settings;
  if (wait.followUps.length >= moveOnFollowUps) return undefined;
  const last = wait.followUps.at(-1);
  const plain = last ? later(wait.firstDue, firstPlanningTimeFrom(facts, addDays(last, followUpSpacingDays))) : wait.firstDue;
  const due = writingDue(facts, plain, wait.known);
  return due.getTime() < wait.silentFrom.getTime() ? due : undefined;
}
