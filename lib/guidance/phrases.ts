import { datesOf } from "./dates";
import { DAY, HOUR } from "./facts";
import type { GuidanceInput } from "./input";

/**
 * "30 hours", "8 days": how long between two instants, in the unit a person
 * would say. Hours up to two days, because "1 day ago" hides whether a
 * 24-hour window has passed.
 */
export function span(from: Date, to: Date): string {
  const ms = Math.abs(to.getTime() - from.getTime());
  if (ms < HOUR) {
    const minutes = Math.floor(ms / 60_000);
    return minutes <= 1 ? "a minute" : `${minutes} minutes`;
  }
  if (ms < 2 * DAY) {
    const hours = Math.floor(ms / HOUR);
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  const days = Math.floor(ms / DAY);
  return `${days} days`;
}

export const ago = (date: Date, now: Date) => `${span(date, now)} ago`;
export const until = (date: Date, now: Date) => `in ${span(now, date)}`;

/** "Tue, 1 Dec 2026, 10:00" (or "Tue, Dec 1, 2026, 10:00 AM") in the user's zone. */
export const when = (date: Date, input: Pick<GuidanceInput, "timeZone" | "dates">) => datesOf(input).dateTime(date);

/** "a, b and c" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Fri, 4 Dec 2026" (or "Fri, Dec 4, 2026") for a calendar date, which has no zone. */
export const calendarDate = (isoDate: string, input: Pick<GuidanceInput, "timeZone" | "dates">) => datesOf(input).calendarDate(isoDate);
