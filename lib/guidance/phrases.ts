import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/time/units";
import { distanceFromNow } from "./clock";
import { datesOf } from "./dates";
import type { Facts } from "./facts";
import type { GuidanceInput } from "./input";

/** The unit a length is said in: minutes under an hour, hours up to two days (so "1 day ago" never hides whether a 24-hour window has passed), then days. */
const unitOf = (ms: number) => (ms < HOUR_MS ? MINUTE_MS : ms < 2 * DAY_MS ? HOUR_MS : DAY_MS);

/** "30 hours", "8 days": how long `ms` is, in the unit a person would say. */
function spanOf(ms: number): string {
  const unit = unitOf(ms);
  const n = Math.floor(ms / unit);
  if (unit === MINUTE_MS) return n <= 1 ? "a minute" : `${n} minutes`;
  if (unit === HOUR_MS) return n === 1 ? "1 hour" : `${n} hours`;
  return `${n} days`;
}

/** The lengths [lo, hi) that spanOf words as it words `ms`: the same sums as spanOf, so the two cannot drift apart. */
function spanBand(ms: number): readonly [number, number] {
  const unit = unitOf(ms);
  const n = Math.floor(ms / unit);
  return unit === MINUTE_MS && n <= 1 ? [0, 2 * MINUTE_MS] : [n * unit, (n + 1) * unit];
}

/** How long between two instants ("30 hours", "8 days"), for pages that word a fixed pair of times. */
export const span = (from: Date, to: Date) => spanOf(Math.abs(to.getTime() - from.getTime()));

/** "30 hours ago": how long before now, noting when the words next change. */
export const ago = (facts: Facts, date: Date) => `${spanOf(distanceFromNow(facts, date, spanBand))} ago`;
/** "in 5 days": how long until `date`, noting when the words next change. */
export const until = (facts: Facts, date: Date) => `in ${spanOf(distanceFromNow(facts, date, spanBand))}`;

/** "Tue, 1 Dec 2026, 10:00" (or "Tue, Dec 1, 2026, 10:00 AM") in the user's zone. */
export const when = (date: Date, input: Pick<GuidanceInput, "timeZone" | "dates">) => datesOf(input).dateTime(date);

/** "a, b and c" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Fri, 4 Dec 2026" (or "Fri, Dec 4, 2026") for a calendar date, which has no zone. */
export const calendarDate = (isoDate: string, input: Pick<GuidanceInput, "timeZone" | "dates">) => datesOf(input).calendarDate(isoDate);
