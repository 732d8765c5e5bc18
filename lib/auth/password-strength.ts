import "server-only";
import type { MatchExtended, ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

/** zxcvbn's scores run 0 to 4; 3 means "safely unguessable" for an online attack that is throttled. */
export const MIN_PASSWORD_SCORE = 3;
/** Words that are guessable for every account here, besides the person's own name and email. */
const SITE_WORDS = ["shortlist"];

export type PasswordContext = { name?: string | null; email: string; host?: string | null };

let checker: Promise<ZxcvbnFactory> | undefined;

/**
 * The scorer, built once and only when a new password is first checked: its
 * dictionaries are several megabytes, so they are imported on demand (never
 * at start-up, never into a page's bundle) and kept for later passwords.
 */
function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      // No Levenshtein matching: it costs one to two seconds a password here, for little more than the list check finds.
      translations: en.translations,
    });
  })();
  checker.catch(() => (checker = undefined));
  return checker;
}

/**
 * Starts loading the scorer without waiting for it: the pages with a new
 * password field call this as they render, so the dictionaries are ready by
 * the time the form is sent, and a server nobody signs up on never loads them.
 */
export function preparePasswordScorer(): void {
  strengthChecker().catch(() => {
    // Tried again, and reported, when a password is checked.
  });
}

/** The person's name, email and the site's host, whole and in their parts: what a targeted guesser tries first. */
export function guessableWords({ name, email, host }: PasswordContext): string[] {
  const [local = "", domain = ""] = email.toLowerCase().split("@");
  const words = [email.toLowerCase(), local, domain, ...local.split(/[._+-]+/), ...domain.split(".").slice(0, -1), ...SITE_WORDS];
  // Also run together, as people type them into a password: "robinhale", "jobsexample".
  if (name) words.push(name.toLowerCase(), name.toLowerCase().replace(/\s+/g, ""), ...name.toLowerCase().split(/\s+/));
  if (host) {
    const labels = host.toLowerCase().split(".");
    words.push(host.toLowerCase(), labels.slice(0, -1).join(""), ...labels.slice(0, -1));
  }
  return [...new Set(words.filter((w) => w.length >= 3))];
}

const isWord = (m: MatchExtended) => m.pattern === "dictionary" && /\p{L}/u.test(m.token);

/** Why zxcvbn found it guessable, in plain words, from the weakest pattern it matched. */
export function weaknessReason(password: string, sequence: MatchExtended[]): string {
  if (sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs")) {
    return "your name, your email or this site's name is among the first things tried";
  }
  if (sequence.some((m) => m.pattern === "repeat")) return "a word or a few characters repeated are guessed quickly";
  if (sequence.some(isWord) && /\d/.test(password)) return "a common word with digits added is guessed quickly";
  if (sequence.some((m) => m.pattern === "spatial")) return "keyboard patterns such as qwerty are guessed quickly";
  if (sequence.some((m) => m.pattern === "date" || m.pattern === "regex")) return "dates and years are guessed quickly";
  if (sequence.some((m) => m.pattern === "sequence")) return "runs such as abcd or 1234 are guessed quickly";
  if (sequence.some((m) => m.pattern === "dictionary" && m.l33t)) return "a common word with letters swapped for symbols is guessed quickly";
  if (sequence.some((m) => m.pattern === "dictionary")) return "common words and names on their own are guessed quickly";
  return "it is short enough to be guessed by trying every combination";
}

/** The full score, for tests and anyone curious; most callers want passwordWeakness. */
export async function scorePassword(password: string, context: PasswordContext): Promise<ZxcvbnResult> {
  return (await strengthChecker()).check(password, guessableWords(context));
}

/**
 * Why a new password is too easy to guess, as a sentence for beside the
 * field, or null when it is strong enough (score MIN_PASSWORD_SCORE or more).
 */
export async function passwordWeakness(password: string, context: PasswordContext): Promise<string | null> {
  const result = await scorePassword(password, context);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  return `This password is too easy to guess: ${weaknessReason(password, result.sequence)}. Add two or three more unrelated words.`;
}
