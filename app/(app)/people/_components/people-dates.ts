import { formatsFor, type DateStyle } from "@/lib/time/formats";

// The People pages' two date displays, each in one place, in the reader's
// locale, clock and zone.

/** When a round was: "Wed, 2 Dec 2026, 14:00" or "Wed, Dec 2, 2026, 2:00 PM". */
export const roundWhen = (date: Date, dates: DateStyle) => formatsFor(dates).dateTime(date);

/** The day someone was last met, for the round form's offer: "Wed 2 Dec". */
export const metDay = (date: Date, dates: DateStyle) => formatsFor(dates).shortDate(date);
