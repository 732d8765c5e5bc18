// Lengths of time in milliseconds, the unit of Date#getTime(): the one place
// they are written down. A day here is 24 hours of elapsed time; a calendar
// day in a zone can be 23 or 25 (lib/time/zoned.ts works those out).

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
