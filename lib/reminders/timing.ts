import { HOUR_MS, MINUTE_MS } from "@/lib/time/units";
import { addDaysToDate, atLocalHour, localDate } from "@/lib/time/zoned";

// When reminders go out, as pure functions of the user's settings, zone and
// `now`: the scheduler and the tests ask the same questions.

export type ReminderHours = {
  /** The local hour the morning digest goes out at. */
  digestHour: number;
  /** Quiet hours: from this local hour up to (not including) `quietUntil`; equal hours mean none. */
  quietFrom: number;
  quietUntil: number;
};

/** An interview reminder this long before it starts (or at once, when it was booked at shorter notice). */
export const INTERVIEW_NUDGE_MS = 3 * HOUR_MS;
/** A thank-you still not logged this long after a round ended is worth a nudge. */
export const THANK_YOU_NUDGE_MS = 4 * HOUR_MS;

/** The local wall-clock hour at `now` in `zone`. */
export function localHour(now: Date, zone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(now);
  return Number(hour);
}

/** Whether `hour` falls in the quiet hours (which may run past midnight). */
export function isQuietHour(hour: number, { quietFrom, quietUntil }: ReminderHours): boolean {
  if (quietFrom === quietUntil) return false;
  return quietFrom < quietUntil ? hour >= quietFrom && hour < quietUntil : hour >= quietFrom || hour < quietUntil;
}

/**
 * When a reminder that falls due at `now` may go out: at once, or, in quiet
 * hours, when they end. Interview reminders are never held back.
 */
export function sendableFrom(now: Date, zone: string, hours: ReminderHours, { interview }: { interview: boolean }): Date {
  if (interview || !isQuietHour(localHour(now, zone), hours)) return now;
  const today = localDate(now, zone);
  // Quiet hours that started yesterday evening end today; ones that started this evening, tomorrow.
  const endsToday = atLocalHour(today, hours.quietUntil, zone);
  if (endsToday && endsToday.getTime() > now.getTime()) return endsToday;
  return atLocalHour(addDaysToDate(today, 1), hours.quietUntil, zone) ?? new Date(now.getTime() + HOUR_MS);
}

/**
 * The local date whose digest is due at `now`, or null: from the digest hour
 * until quiet hours begin. A server that was down at the digest hour still
 * sends it later that day; past that it is skipped, not sent at night or
 * beside the next morning's.
 */
export function digestDayAt(now: Date, zone: string, hours: ReminderHours): string | null {
  const hour = localHour(now, zone);
  if (hour < hours.digestHour) return null;
  // In quiet hours only the morning end of them counts, when the digest hour itself is quiet (it is then held to their end).
  if (isQuietHour(hour, hours) && !(isQuietHour(hours.digestHour, hours) && hour < hours.quietUntil)) return null;
  return localDate(now, zone);
}

/** Sending tries this many times in all before a delivery is kept as failed. */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = MINUTE_MS;
const LONGEST_RETRY_MS = HOUR_MS;

/** How long to wait after the `attempts`-th failed try: 1, 2, 4, 8… minutes, an hour at most. */
export function retryDelay(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
