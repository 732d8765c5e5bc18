/**
 * Whether a person typed into a round's form is someone already met at that
 * company. Pure, so the picker (to offer the person) and the data layer (to
 * refuse a twin whatever the client sent) decide the same way.
 */

export type KnownPerson = { id: string; name: string; email: string | null };
export type TypedPerson = { name: string; email?: string | null };

/**
 * Case, compatibility forms and spacing (any Unicode space, several in a
 * row, leading or trailing) do not make a different name: "Omar  Haddad",
 * "omar haddad" and "Omar\u00a0Haddad" are one.
 */
export function normaliseName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("und");
}

/** Email addresses are compared without case; a blank one is no address. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const trimmed = email?.normalize("NFKC").trim().toLowerCase();
  return trimmed ? trimmed : null;
}

/**
 * The known person the typed one is: the one with the same email, or else
 * one with the same name whose email does not contradict the typed one (a
 * different address is a different person, even with the same name).
 */
export function matchPerson<P extends KnownPerson>(known: readonly P[], typed: TypedPerson): P | undefined {
  const name = normaliseName(typed.name);
  const email = normaliseEmail(typed.email);
  if (email) {
    const byEmail = known.find((p) => normaliseEmail(p.email) === email);
    if (byEmail) return byEmail;
  }
  if (!name) return undefined;
  return known.find((p) => {
    const theirs = normaliseEmail(p.email);
    return normaliseName(p.name) === name && (email === null || theirs === null || theirs === email);
  });
}
