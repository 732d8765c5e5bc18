import { formatDateTime } from "@/lib/time/zoned";
import { DAY, HOUR } from "./facts";

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

/** "Tue, 1 Dec 2026, 10:00" in the user's zone. */
export const when = (date: Date, timeZone: string) => formatDateTime(date, timeZone);

/** "a, b and c" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const calendar = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// Formatting is the costly part and a few dates recur across thousands of
// applications; the answer depends on the date alone.
const calendarDates = new Map<string, string>();

/** "Fri, 4 Dec 2026" for a calendar date, which has no zone. */
export function calendarDate(isoDate: string): string {
  let text = calendarDates.get(isoDate);
  if (text === undefined) {
    const [y, m, d] = isoDate.split("-").map(Number);
    text = calendar.format(new Date(Date.UTC(y, m - 1, d)));
    if (calendarDates.size >= 4096) calendarDates.clear();
    calendarDates.set(isoDate, text);
  }
  return text;
}
