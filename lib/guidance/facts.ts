import type { ApplicationStatus, EventKind, RoundKind } from "@/lib/vocabulary";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { roundEnd } from "@/lib/interviews/round-end";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { atLocalHour, atLocalHourOfDay, isoDateToDayNumber, localDate, localDayNumber } from "@/lib/time/zoned";
import { isThisYear, reached, type ClockFacts } from "./clock";
import { datesOf } from "./dates";
import type { GuidanceEvent, GuidanceInput, GuidanceRound } from "./input";
import { byText } from "./queue";

/** The kinds the article's advice is written for, whatever their place in the timeline. */
const LATER_KINDS: readonly RoundKind[] = ["second", "final", "panel", "onsite"];

/** An answer that ends the wait for good: there is nothing left to chase. */
export const DECISIONS: readonly EventKind[] = ["offer_received", "rejection_received", "withdrawn"];
/** Word from the company that decides nothing: it starts a new wait. */
export const REPLIES: readonly EventKind[] = ["response_received", "feedback_received"];
/** Anything that answers the candidate. */
const RESPONSES: readonly EventKind[] = [...REPLIES, ...DECISIONS];

export type RoundFact = {
  round: GuidanceRound;
  /** Position in the application's timeline, 1 = earliest. */
  number: number;
  start: Date;
  end: Date;
  later: boolean;
};

/** Everything the rules share about one application, worked out once; `now` and what the clock notes are ClockFacts (clock.ts). */
export type Facts = ClockFacts & {
  input: GuidanceInput;
  company: string;
  status: ApplicationStatus;
  /** Chronological, as the timeline numbers them. */
  rounds: RoundFact[];
  /** Chronological. */
  events: readonly GuidanceEvent[];
  latestOffer: GuidanceEvent | undefined;
  latestRejection: GuidanceEvent | undefined;
  /** perCall's answers, made on first use. */
  memo: Map<unknown, Map<object, unknown>> | null;
};

/**
 * `fn`, remembered for the rest of one call to recommend: several rules
 * share one sentence or one search. The cache lives on the facts, which
 * every call makes afresh, so no answer outlives the call.
 */
export function perCall<K extends object, T>(fn: (key: K, facts: Facts) => T): (key: K, facts: Facts) => T {
  return (key, facts) => {
    const memo = (facts.memo ??= new Map());
    let answers = memo.get(fn) as Map<K, T> | undefined;
    if (!answers) memo.set(fn, (answers = new Map()));
    // One look-up when the answer is known; has() only for an answer that is undefined.
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    const value = fn(key, facts);
    answers.set(key, value);
    return value;
  };
}

const byTime = (a: GuidanceRound, b: GuidanceRound) =>
  a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.loggedAt.getTime() - b.loggedAt.getTime() || byText(a.id, b.id);

function isSorted<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return false;
  return true;
}

const byOccurrence = (a: GuidanceEvent, b: GuidanceEvent) => a.occurredAt.getTime() - b.occurredAt.getTime() || byText(a.id, b.id);

export function gatherFacts(input: GuidanceInput, now: Date): Facts {
  // The data layer hands rounds over in timeline order; sorting only when
  // they are not keeps the dashboard's thousands of calls cheap.
  const ordered = isSorted(input.rounds, byTime) ? input.rounds : [...input.rounds].sort(byTime);
  const rounds = ordered.map((round, i) => ({
    round,
    number: i + 1,
    start: round.scheduledAt,
    end: roundEnd(round),
    later: i >= 1 || LATER_KINDS.includes(round.kind),
  }));
  const events = isSorted(input.events, byOccurrence) ? input.events : [...input.events].sort(byOccurrence);
  let latestOffer: GuidanceEvent | undefined;
  let latestRejection: GuidanceEvent | undefined;
  for (const e of events) {
    if (e.kind === "offer_received") latestOffer = e;
    else if (e.kind === "rejection_received") latestRejection = e;
  }
  return {
    input,
    now,
    company: input.application.company,
    status: input.application.status,
    rounds,
    events,
    latestOffer,
    latestRejection,
    memo: null,
    changesAt: Infinity,
    readsOthers: false,
  };
}

/**
 * The most recent round, once it has ended: none while a round is under way
 * or to come. A function rather than a fact, so only a rule that asks
 * makes the answer wait for that round's end.
 */
export function lastEndedRound(facts: Facts): RoundFact | undefined {
  const last = facts.rounds.at(-1);
  return last && reached(facts, last.end.getTime()) ? last : undefined;
}

/** Events of these kinds logged since `since`, up to now: one logged for later counts once its time comes. */
export const eventsSince = (facts: Facts, since: Date, kinds: readonly EventKind[]) =>
  facts.events.filter((e) => kinds.includes(e.kind) && e.occurredAt.getTime() >= since.getTime() && reached(facts, e.occurredAt.getTime()));

/** Whether a decision (offer, rejection, withdrawal) has come since `since`; stops at the first one whose time has come. */
export function decisionSince(facts: Facts, since: Date): boolean {
  const from = since.getTime();
  for (const e of facts.events) {
    const t = e.occurredAt.getTime();
    if (t >= from && DECISIONS.includes(e.kind) && reached(facts, t)) return true;
  }
  return false;
}

/**
 * Since `since`: the company's last reply that decided nothing, and the
 * follow-ups sent since that reply (or since `since` without one), in one
 * pass over the events; each counts once its time has come.
 */
export function repliesAndFollowUps(facts: Facts, since: Date): { reply: GuidanceEvent | null; followUps: GuidanceEvent[] } {
  const from = since.getTime();
  let reply: GuidanceEvent | null = null;
  let followUps: GuidanceEvent[] = [];
  for (const e of facts.events) {
    const t = e.occurredAt.getTime();
    if (t < from) continue;
    const isReply = REPLIES.includes(e.kind);
    if (!isReply && e.kind !== "follow_up_sent") continue;
    if (!reached(facts, t)) continue;
    if (isReply) {
      reply = e;
      // Follow-ups logged at the very instant of the reply still count after it.
      followUps = followUps.filter((f) => f.occurredAt.getTime() >= t);
    } else followUps.push(e);
  }
  return { reply, followUps };
}

/** Replies logged since the round started: any of them ends the silence. */
export const responsesSince = (facts: Facts, since: Date) => eventsSince(facts, since, RESPONSES);

/**
 * The decision date the company gave most recently, as a calendar date: the
 * one from the latest round that named one, even when an earlier round had
 * named a later date ("by the 30th" in round 1, "by Friday" in round 2).
 */
export function statedDecisionDate(facts: Facts): string | undefined {
  for (let i = facts.rounds.length - 1; i >= 0; i--) {
    let stated: string | undefined;
    for (const s of facts.rounds[i].round.signals) if (s.signal === "hiring_timeline" && s.onDate && (!stated || s.onDate > stated)) stated = s.onDate;
    if (stated) return stated;
  }
  return undefined;
}

export const later = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
export const addHours = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR_MS);

/** A step due on a day is due at this hour of it, in the user's zone: a time a person plans by. */
export const PLANNING_HOUR = 9;

/** The calendar date `instant` falls on in the user's zone. */
export const dayOf = (facts: Facts, instant: Date) => localDate(instant, facts.input.timeZone);

/** 09:00 on a calendar date in the user's zone. */
export function planningTimeOn(facts: Facts, isoDate: string): Date {
  return atLocalHour(isoDate, PLANNING_HOUR, facts.input.timeZone) ?? new Date(Date.parse(isoDate) + PLANNING_HOUR * HOUR_MS);
}

// The dashboard asks these for every step of thousands of applications: they
// work in day numbers, never in date strings.
export const nineOnDay = (facts: Facts, day: number) =>
  atLocalHourOfDay(day, PLANNING_HOUR, facts.input.timeZone) ?? new Date(day * DAY_MS + PLANNING_HOUR * HOUR_MS);

/** 09:00 on the day `days` after the day `instant` falls on ("two days after the rejection"). */
export const planningTimeDaysAfter = (facts: Facts, instant: Date, days: number) =>
  nineOnDay(facts, localDayNumber(instant, facts.input.timeZone) + days);

/** 09:00 on the calendar date `days` after `isoDate` (the morning after a date they gave): planningTimeOn(addDaysToDate(…)) in day numbers. */
export const planningTimeDaysAfterDate = (facts: Facts, isoDate: string, days: number) => nineOnDay(facts, isoDateToDayNumber(isoDate) + days);

/** The first 09:00 at or after `instant`: when a wait that ends then can be acted on. */
export function firstPlanningTimeFrom(facts: Facts, instant: Date): Date {
  const day = localDayNumber(instant, facts.input.timeZone);
  const sameDay = nineOnDay(facts, day);
  return sameDay.getTime() >= instant.getTime() ? sameDay : nineOnDay(facts, day + 1);
}

/** How a round reads in a sentence: by what it is, since a screen would make "round 2" the first interview. */
const KIND_WORDS: Record<RoundKind, string> = { ...lowerCased(ROUND_KIND_LABELS), other: "interview" };
function lowerCased<K extends string>(labels: Record<K, string>): Record<K, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, (v as string).toLowerCase()])) as Record<K, string>;
}
/** "second interview", "screening call", or plain "interview" for one of another kind. */
export const kindWord = (kind: RoundKind) => KIND_WORDS[kind];

/** "Wed 2 Dec", with the year when it is not this year's. */
export const dayName = perCall((instant: Date, facts: Facts) => {
  const year = dayOf(facts, instant).slice(0, 4);
  const short = datesOf(facts.input).shortDate(instant);
  return isThisYear(facts, Number(year)) ? short : `${short} ${year}`;
});

/** "second interview on Wed 2 Dec". */
export const roundLabel = (facts: Facts, r: RoundFact) => `${kindWord(r.round.kind)} on ${dayName(r.start, facts)}`;

/** "Your second interview with Acme on Wed 2 Dec", or "your …" inside a sentence. */
export const roundName = (facts: Facts, r: RoundFact, word: "Your" | "your" = "Your") =>
  `${word} ${kindWord(r.round.kind)} with ${facts.company} on ${dayName(r.start, facts)}`;

