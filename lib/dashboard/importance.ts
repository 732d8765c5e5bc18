import { compareRecommendations } from "@/lib/guidance/queue";
import { PRIORITIES, type Priority, type Recommendation } from "@/lib/guidance/recommendation";
import type { RuleId } from "@/lib/guidance/rule-ids";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { localDayNumber } from "@/lib/time/zoned";
import { weekendOfLocale } from "@/lib/guidance/working-days";

// How much a to-do matters on Today (the catalog's dashboard section): one
// function decides it, so Today's blocks, the board's cards, the list's
// "next step" column and the calendar feed all put the same step first.

/** What importance reads of a step: its rule, its due time, and the round it prepares for. */
export type Rankable = Pick<Recommendation, "ruleId" | "priority" | "dueAt" | "overdue" | "applicationId" | "key"> & { roundAt: Date | null };

const PREPARATION: ReadonlySet<string> = new Set(["prepare-research-company", "prepare-examples", "prepare-questions-to-ask", "prepare-mock-interview"]);
export const isPreparation = (ruleId: string) => PREPARATION.has(ruleId);

/** The catalog's Today priorities by rule; preparation depends on how close its round is (below). */
const RULE_IMPORTANCE: Partial<Record<RuleId, Priority>> = {
  "respond-to-offer": "high",
  "negotiate-after-offer": "high",
  "send-thank-you": "high",
  "follow-up-after-silence": "medium",
  "follow-up-on-application": "medium",
  "request-feedback": "medium",
  "move-on-no-response": "low",
  "reflect-and-update": "low",
};

/** Preparation for a round this close is high: the interview leads Today, and its preparation with it. */
export const PREP_HIGH_HOURS = 48;

/**
 * A step's priority on Today. `soonUntil` is the end of the window in which
 * a round makes its preparation high; the dashboard fixes it per day (the
 * end of today plus 48 hours) so the order holds all day and a kept plan
 * stays right. Rules the catalog does not place keep the engine's priority.
 */
export function importance(step: Rankable, soonUntil: Date): Priority {
  if (isPreparation(step.ruleId)) return step.roundAt && step.roundAt.getTime() <= soonUntil.getTime() ? "high" : "medium";
  return RULE_IMPORTANCE[step.ruleId] ?? step.priority;
}

const rank = (p: Priority) => PRIORITIES.indexOf(p);

/** Priority first, then due time (undated last), then the queue's order: a total order. */
export function compareByImportance(soonUntil: Date) {
  return (a: Rankable & Recommendation, b: Rankable & Recommendation): number =>
    rank(importance(a, soonUntil)) - rank(importance(b, soonUntil)) ||
    (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
    compareRecommendations(a, b);
}

/** The window `importance` reads for a plan made on the day that ends at `endOfToday`. */
export const soonUntilFor = (endOfToday: Date) => new Date(endOfToday.getTime() + PREP_HIGH_HOURS * HOUR_MS);

/** Rules whose lateness is not alarming: moving on and looking back can wait a day without harm. */
const NEVER_LATE: ReadonlySet<string> = new Set(["move-on-no-response", "reflect-and-update"]);
/** Rules late the moment they are overdue: a thank-you past its window, an offer's deadline steps. */
const LATE_WHEN_OVERDUE: ReadonlySet<string> = new Set(["send-thank-you", "negotiate-after-offer", "respond-to-offer"]);

/** Saturday and Sunday as ISO weekdays: the default week, when no locale says otherwise. */
export const SAT_SUN_WEEKEND: readonly number[] = [6, 7];

/** The weekend of the user's locale (the engine's table), which "a working day" skips. */
export const weekendFor = (locale: string | undefined): readonly number[] => (locale ? weekendOfLocale(locale) : SAT_SUN_WEEKEND);

/** The ISO weekday (1 = Monday) of `date` in `zone`. */
const isoWeekday = (date: Date, zone: string) => ((((localDayNumber(date, zone) + 3) % 7) + 7) % 7) + 1;

// Due times fall on a handful of instants shared by thousands of steps (09:00
// on a few days): remember the answers, within a bound, as zoned.ts does.
const workingDayCache = new Map<string, number>();
const WORKING_DAY_CACHE_LIMIT = 4096;

/** `from` plus one working day: the same hour on the next day that is not a weekend day in `zone`. */
export function oneWorkingDayAfter(from: Date, zone: string, weekend: readonly number[] = SAT_SUN_WEEKEND): Date {
  const key = `${zone}|${weekend.join()}|${from.getTime()}`;
  let t = workingDayCache.get(key);
  if (t === undefined) {
    t = from.getTime() + DAY_MS;
    for (let i = 0; i < 7 && weekend.includes(isoWeekday(new Date(t), zone)); i++) t += DAY_MS;
    if (workingDayCache.size >= WORKING_DAY_CACHE_LIMIT) workingDayCache.clear();
    workingDayCache.set(key, t);
  }
  return new Date(t);
}

/**
 * When a step becomes truly late for its kind, the only thing the alarm
 * colour is for (ms since the epoch; Infinity for never): a thank-you past
 * its window and an offer step past its date at once, anything else once
 * overdue by more than a working day. Moving on and reflecting are never
 * alarming. When most steps are overdue (an imported search), red still
 * picks out the few that are. Fixed by the step alone, so a plan kept for
 * the day can hold it.
 */
export function lateFrom(step: Pick<Recommendation, "ruleId" | "dueAt">, zone: string, weekend: readonly number[] = SAT_SUN_WEEKEND): number {
  if (!step.dueAt || NEVER_LATE.has(step.ruleId)) return Infinity;
  if (LATE_WHEN_OVERDUE.has(step.ruleId)) return step.dueAt.getTime();
  return oneWorkingDayAfter(step.dueAt, zone, weekend).getTime();
}


/** Whether `step` is truly late at `now` (see lateFrom). */
export function isLate(step: Pick<Recommendation, "ruleId" | "dueAt" | "overdue">, now: Date, zone: string, weekend: readonly number[] = SAT_SUN_WEEKEND): boolean {
  return step.overdue && now.getTime() >= lateFrom(step, zone, weekend);
}
