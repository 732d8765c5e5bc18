import { groupBy } from "@/lib/group-by";
import { normaliseEmail, normaliseName } from "./match";

/** "Dana Reyes" → "Dana": the word a greeting uses. A one-word name is its own first name. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? "";
}

/** A name's words without dots and commas: "J. Whitfield" → ["j", "whitfield"]. */
const words = (name: string) =>
  normaliseName(name)
    .replace(/[.,]/g, " ")
    .split(" ")
    .filter(Boolean);

/** "j" and "james", or "james" and "james": one could be written for the other. */
const sameGiven = (a: string, b: string) => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

type Named = { id: string; name: string; email: string | null };

/**
 * Whether two people at one company might be one person logged twice: the
 * same surname (last word) and given names that agree, each either the
 * same or an initial of the other ("J. Whitfield", "James Whitfield",
 * "James R. Whitfield"). Two different emails are two people, as in
 * matchPerson; so is the same name twice (the round form refuses that twin,
 * and matchPerson already treats it as one).
 */
export function mightBeSamePerson(a: Named, b: Named): boolean {
  const emailA = normaliseEmail(a.email);
  const emailB = normaliseEmail(b.email);
  if (emailA && emailB && emailA !== emailB) return false;
  const [wa, wb] = [words(a.name), words(b.name)];
  if (wa.length < 2 || wb.length < 2 || wa.at(-1) !== wb.at(-1)) return false;
  if (wa.join(" ") === wb.join(" ")) return false;
  const [givenA, givenB] = [wa.slice(0, -1), wb.slice(0, -1)];
  // Only the given names both wrote are compared: "James R." and "J." agree on the first.
  const shared = Math.min(givenA.length, givenB.length);
  for (let i = 0; i < shared; i++) if (!sameGiven(givenA[i], givenB[i])) return false;
  return true;
}

export type DuplicateHint<P> = { keep: P; other: P };

/** At most this many people of one company are compared pairwise: past it the hints would be noise anyway. */
const GROUP_LIMIT = 300;

/**
 * Pairs at one company that might be one person, the fuller name kept (it
 * says more), each pair once, in the order the list gives.
 */
export function duplicateHints<P extends Named & { companyKey: string }>(people: readonly P[]): DuplicateHint<P>[] {
  const byCompany = groupBy(people, (p) => p.companyKey);
  const hints: DuplicateHint<P>[] = [];
  for (const group of byCompany.values()) {
    const members = group.slice(0, GROUP_LIMIT);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [members[i], members[j]];
        if (!mightBeSamePerson(a, b)) continue;
        hints.push(words(a.name).join("").length >= words(b.name).join("").length ? { keep: a, other: b } : { keep: b, other: a });
      }
    }
  }
  return hints;
}
