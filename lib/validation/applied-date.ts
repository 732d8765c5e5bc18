// When an applied date needs a word: never in the future, and a second look
// when it is long ago (a typo'd year is the usual cause). "Today" is the
// user's own calendar day, passed in, so the rule has no clock of its own.
// No imports: the form reads the confirmation's field name from here too.

/** Further back than this asks the user to confirm the date. */
export const APPLIED_LONG_AGO_YEARS = 2;
/** The checkbox that confirms a long-ago date, and the hidden field holding the date the form opened with. */
export const APPLIED_CONFIRM_FIELD = "appliedOnConfirmed";
export const APPLIED_BEFORE_FIELD = "appliedOnBefore";
export const APPLIED_LONG_AGO_MESSAGE = `That's more than ${APPLIED_LONG_AGO_YEARS} years ago. Check the year; if it is right, tick “Yes, that date is right” and save again.`;

export type AppliedDateCheck = {
  /** The user's calendar date now, YYYY-MM-DD in their zone. */
  today: string;
  confirmed: boolean;
  /** The date the form opened with: a date already saved is not asked about again. */
  before: string | null;
};

/** The YYYY-MM-DD date `years` before `date` (29 Feb goes to 28 Feb). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5) === "02-29" ? "02-28" : date.slice(5);
  return `${String(y).padStart(4, "0")}-${md}`;
}

/** The message for an applied date that needs one, or null. */
export function appliedDateProblem(appliedOn: string | undefined, check: AppliedDateCheck): string | null {
  if (!appliedOn) return null;
  if (appliedOn > check.today) return "Applied date can't be in the future.";
  const unchanged = check.before !== null && appliedOn === check.before;
  if (!unchanged && !check.confirmed && appliedOn < yearsBefore(check.today, APPLIED_LONG_AGO_YEARS)) return APPLIED_LONG_AGO_MESSAGE;
  return null;
}
