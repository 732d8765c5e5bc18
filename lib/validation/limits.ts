// Field limits that forms show in the browser (maxLength, counters) and the
// schemas enforce on the server. Kept apart from the zod schemas, without
// imports, so a client form can read them without shipping the validator.

/** Room for a pasted job description. */
export const APPLICATION_NOTES_MAX = 20_000;
/** A round's notes and prep notes each. */
export const ROUND_NOTES_MAX = 5000;
export const MAX_ROUND_MINUTES = 12 * 60;
export const MAX_NEW_INTERVIEWERS = 10;
export const EVENT_NOTE_MAX = 2000;
/** An offer's equity line ("0.1% over 4 years") and its notes. */
export const OFFER_EQUITY_MAX = 200;
export const OFFER_NOTES_MAX = 2000;
