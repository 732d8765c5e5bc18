import { formatDateTime, formatShortDate } from "@/lib/time/zoned";

// The People pages' two date displays, each in one place, so a change of
// date format (locale, 12/24-hour) reaches them all at once.

/** When a round was: "Wed 2 Dec 2026, 14:00". */
export const roundWhen = (date: Date, zone: string) => formatDateTime(date, zone);

/** The day someone was last met, for the round form's offer: "Wed 2 Dec". */
export const metDay = (date: Date, zone: string) => formatShortDate(date, zone);
