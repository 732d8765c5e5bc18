import { HOUR_MS } from "@/lib/time/units";
import { localDate, startOfDate } from "@/lib/time/zoned";
import type { GuidanceInput } from "./input";

// The only place the engine reads `now`. Every question about the time goes
// through one of these, and each notes the instant its answer would flip
// (facts.changesAt), so guide() can say exactly how long its answer holds and
// a rule cannot ask about the time without that being counted.

/**
 * The part of one call's facts (facts.ts) that the clock reads and notes.
 * Defined here, not there, so the clock needs nothing from facts.ts.
 */
export type ClockFacts = {
  input: Pick<GuidanceInput, "timeZone" | "otherActiveApplications">;
  now: Date;
  /**
   * The first instant after now (ms) at which anything read of the time so
   * far would read differently; Infinity while nothing would. Only the
   * clock's questions move it.
   */
  changesAt: number;
  /** Whether a rule has read how many other applications are in play (otherApplications below). */
  readsOthers: boolean;
};

/** Notes that something already read would read differently from `ms` on. */
function changesFrom(facts: ClockFacts, ms: number) {
  if (ms > facts.now.getTime() && ms < facts.changesAt) facts.changesAt = ms;
}

/** Whether now is at or after `ms` (a round has ended, a step has fallen due). */
export function reached(facts: ClockFacts, ms: number): boolean {
  if (facts.now.getTime() >= ms) return true;
  changesFrom(facts, ms);
  return false;
}

/** Whether now is strictly after `ms` (a due time has passed: overdue). */
export function passed(facts: ClockFacts, ms: number): boolean {
  if (facts.now.getTime() > ms) return true;
  changesFrom(facts, ms + 1);
  return false;
}

/**
 * How far `instant` is from now, in ms. `bandOf` gives the stretch of
 * distances [lo, hi) worded the same as this one ("30 hours" is 30 to 31
 * hours), and the instant now leaves that stretch is noted.
 */
export function distanceFromNow(facts: ClockFacts, instant: Date, bandOf: (ms: number) => readonly [number, number]): number {
  const now = facts.now.getTime();
  const t = instant.getTime();
  const ms = Math.abs(now - t);
  const [lo, hi] = bandOf(ms);
  // Past: the distance grows to hi. To come: it shrinks below lo, or, from a
  // band that reaches 0, through the instant and out again to hi.
  changesFrom(facts, now >= t ? t + hi : lo > 0 ? t - lo + 1 : t + hi);
  return ms;
}

/** The year (in the user's zone) now falls in. */
const yearNow = (facts: ClockFacts) => Number(localDate(facts.now, facts.input.timeZone).slice(0, 4));

// Asked for nearly every date in every reason: one answer per zone and year.
const newYears = new Map<string, Map<number, number>>();

/** The instant `year` begins in the user's zone; at the earliest zone's new year when the zone has no midnight then. */
function newYear(facts: ClockFacts, year: number): number {
  const zone = facts.input.timeZone;
  let years = newYears.get(zone);
  if (!years) newYears.set(zone, (years = new Map()));
  let at = years.get(year);
  if (at === undefined) {
    const iso = `${String(year).padStart(4, "0")}-01-01`;
    at = startOfDate(iso, zone)?.getTime() ?? Date.parse(iso) - 14 * HOUR_MS;
    if (newYears.size > 1024) newYears.clear();
    years.set(year, at);
  }
  return at;
}

/**
 * Whether `year` is the current year in the user's zone: a date in it goes
 * without its year. That answer next flips when `year` begins, or, for the
 * current year, when the next one does.
 */
export function isThisYear(facts: ClockFacts, year: number): boolean {
  const current = yearNow(facts);
  if (year >= current) changesFrom(facts, newYear(facts, year === current ? year + 1 : year));
  return year === current;
}

/**
 * Applications other than this one still in play, read through here so
 * guide() can tell a cache whether a status change elsewhere can change
 * this application's answer.
 */
export function otherApplications(facts: ClockFacts): number {
  facts.readsOthers = true;
  return facts.input.otherActiveApplications;
}
