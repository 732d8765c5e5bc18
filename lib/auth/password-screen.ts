import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordWeakness, type PasswordContext } from "./password-strength";

/**
 * How many of the most common passwords are refused. The list is
 * zxcvbn-ts's, ranked by how often each password appeared in leaks; the
 * first 10,000 are the ones attackers try first.
 */
export const COMMON_PASSWORD_COUNT = 10_000;
/** An email name shorter than this says too little to refuse passwords for containing it. */
const MIN_EMAIL_NAME_LENGTH = 3;
/** "aaaaaaaa", "abababab", "abcabcabc": a unit this short, repeated, is guessed as soon as the unit is. */
const MAX_REPEATED_UNIT = 3;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT)));

const normalise = (text: string) => text.normalize("NFKC").toLowerCase();

/** The part of an email before "@", without a "+tag". */
export function emailName(email: string): string {
  return normalise(email.split("@")[0] ?? "").split("+")[0];
}

function isShortUnitRepeated(password: string): boolean {
  for (let unit = 1; unit <= MAX_REPEATED_UNIT; unit++) {
    if (password.length % unit !== 0 || password.length === unit) continue;
    if (password === password.slice(0, unit).repeat(password.length / unit)) return true;
  }
  return false;
}

/**
 * Why a new password is refused, as a sentence for beside the field, or
 * null when it is fine. Length is the schema's job; this catches passwords
 * of any length that are guessed early.
 */
export function passwordProblem(password: string, { email }: { email: string }): string | null {
  const candidate = normalise(password);
  if (commonPasswords().has(candidate)) {
    return "This is one of the 10,000 most common passwords, which are the first ones guessed. Choose something less predictable: a few unrelated words work well.";
  }
  if (isShortUnitRepeated(candidate)) {
    return "A few characters repeated over and over are guessed quickly. Choose something less predictable: a few unrelated words work well.";
  }
  const name = emailName(email);
  if (name.length >= MIN_EMAIL_NAME_LENGTH && candidate.includes(name)) {
    return `Your password must not contain your email name (“${name}”): it is among the first things tried.`;
  }
  return null;
}

/**
 * Every check a new password goes through, at sign-up and at a change (and
 * a reset, once there is one): the common-password list and the patterns
 * above first (quick, and their reasons are the most specific), then the
 * strength score with the person's name, email and the site's host as words
 * a guesser would try.
 */
export async function newPasswordProblem(password: string, context: PasswordContext): Promise<string | null> {
  return passwordProblem(password, { email: context.email }) ?? (await passwordWeakness(password, context));
}
