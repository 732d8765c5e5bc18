import { localDayNumber } from "@/lib/time/zoned";
import { reached } from "./clock";
import { firstPlanningTimeFrom, nineOnDay, planningTimeOn, type Facts } from "./facts";
import type { GuidanceEvent } from "./input";
import { weekdayOfDay, weekendOf } from "./working-days";

// Due times a person can act on: never before the facts behind a step
// reached Shortlist, and, for a message to the employer, on a working day.

/** When an event reached Shortlist: its logged time, or when it happened if not given. */
export const eventLoggedAt = (e: GuidanceEvent): Date => e.loggedAt ?? e.occurredAt;

/**
 * When the last of a step's facts (and its application) reached Shortlist.
 * A logged time still to come puts no limit: a fact cannot be logged after
 * the instant asked about, so that is a clock out of step with the
 * database's, or an answer for a past instant, and either way nothing late.
 */
export function knownAt(facts: Facts, a?: Date, b?: Date, c?: Date): Date | undefined {
  // Fixed parameters rather than a rest array: the dashboard asks this thousands of times a pass.
  let latest = considered(facts, undefined, facts.input.application.loggedAt);
  latest = considered(facts, latest, a);
  latest = considered(facts, latest, b);
  return considered(facts, latest, c);
}

const considered = (facts: Facts, latest: Date | undefined, t: Date | undefined) =>
  t && (!latest || t.getTime() > latest.getTime()) && reached(facts, t.getTime()) ? t : latest;

/**
 * `due`, or, when the facts behind it reached Shortlist only after it (a
 * round typed in late, an imported history), the first 09:00 after they
 * did: no step is overdue for a time nobody could have acted at.
 */
export function notBeforeKnown(facts: Facts, due: Date, known: Date | undefined): Date {
  return known && due.getTime() < known.getTime() ? firstPlanningTimeFrom(facts, known) : due;
}

/** Whether a day number falls on the user's weekend, by their locale's week. */
export const isWeekend = (facts: Facts, day: number) => weekendOf(facts.input)[weekdayOfDay(day)];

/** `due` if its day is a working day; else 09:00 on the next working day. */
export function onWorkingDay(facts: Facts, due: Date): Date {
  let day = localDayNumber(due, facts.input.timeZone);
  if (!isWeekend(facts, day)) return due;
  // A locale's weekend is never the whole week; the bound only guards a broken table.
  for (let i = 0; i < 7 && isWeekend(facts, day); i++) day++;
  return nineOnDay(facts, day);
}

/** A step that asks the user to write to the employer: not before its facts were known, and on a working day. */
export const writingDue = (facts: Facts, due: Date, known: Date | undefined) => onWorkingDay(facts, notBeforeKnown(facts, due, known));

/** 09:00 on the working day `n` working days before the calendar date `isoDate` ("the working day before Monday" is Friday). */
export function workingDaysBefore(facts: Facts, isoDate: string, n: number): Date {
  let day = localDayNumber(planningTimeOn(facts, isoDate), facts.input.timeZone);
  for (let left = n, guard = 0; left > 0 && guard < 7 * n + 7; guard++) {
    day--;
    if (!isWeekend(facts, day)) left--;
  }
  return nineOnDay(facts, day);
}
