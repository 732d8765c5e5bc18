/**
 * Which parts of the round form a moment needs. Booking a round takes its
 * kind, time, format and people; what it signalled and covered, and how it
 * went, only make sense once it has happened. Pure: the caller passes `now`
 * (read on the server) as a wall time in the user's zone, like the form's
 * own "Starts" value, so the two compare as text whatever the machine's zone.
 */
export type RoundFormMode = "booking" | "debrief";

/** "YYYY-MM-DDTHH:mm", as a datetime-local input gives it (seconds, if any, are ignored). */
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A round whose start has come is debriefed; an empty or unreadable start is still being booked. */
export function roundFormMode(startsAt: string | undefined, now: string): RoundFormMode {
  if (!startsAt || !WALL_TIME.test(startsAt) || !WALL_TIME.test(now)) return "booking";
  return startsAt.slice(0, 16) <= now.slice(0, 16) ? "debrief" : "booking";
}

type Values = Record<string, string | undefined>;

const AFTER_FIELDS = ["thankYouSentAt", "notes", "noNextSteps", "customSignals", "hiringTimelineOn"];
const isAfterField = (key: string) => AFTER_FIELDS.includes(key) || key === "outcome" || key.startsWith("signal");
const PLACE_FIELDS = ["durationMinutes", "location", "prepNotes"];

/** "How it went" starts open after the round, or when it holds something, or when one of its fields was refused. */
export function afterRoundOpen(mode: RoundFormMode, values: Values, errorKeys: string[]): boolean {
  if (mode === "debrief" || errorKeys.some(isAfterField)) return true;
  const noted = Object.entries(values).some(([key, value]) => Boolean(value) && (AFTER_FIELDS.includes(key) || key.startsWith("signal.")));
  return noted || (values.outcome !== undefined && values.outcome !== "pending");
}

/** "Place, length and prep" starts open when it holds a place or notes, or one of its fields was refused (a default length alone keeps it shut). */
export function placeOpen(values: Values, errorKeys: string[]): boolean {
  return errorKeys.some((key) => PLACE_FIELDS.includes(key)) || Boolean(values.location || values.prepNotes);
}
