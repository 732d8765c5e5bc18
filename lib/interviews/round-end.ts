import { MINUTE_MS } from "@/lib/time/units";

/** A round logged without a duration is taken to last an hour. */
export const ROUND_MINUTES_IF_UNKNOWN = 60;

/** When a round ends: its start plus its length, or an hour when none was logged. */
export function roundEnd(round: { scheduledAt: Date; durationMinutes: number | null }): Date {
  return new Date(round.scheduledAt.getTime() + (round.durationMinutes ?? ROUND_MINUTES_IF_UNKNOWN) * MINUTE_MS);
}
