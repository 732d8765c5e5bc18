import { describe, expect, it } from "vitest";
import { matchPerson, normaliseEmail, normaliseName } from "@/lib/people/match";

const OMAR = { id: "omar", name: "Omar Haddad", email: "omar@fernhill.io" };
const SAM = { id: "sam", name: "Sam Lee", email: null };

describe("normalising what was typed", () => {
  it("ignores case, repeated, leading and trailing spaces", () => {
    expect(normaliseName("  omar   HADDAD ")).toBe("omar haddad");
  });

  it("treats Unicode spaces (no-break, narrow, ideographic, tab) as one space", () => {
    for (const space of ["\u00a0", "\u202f", "\u3000", "\t"]) expect(normaliseName(`Omar${space}Haddad`)).toBe("omar haddad");
  });

  it("keeps letters that differ apart", () => {
    expect(normaliseName("Zoë Park")).not.toBe(normaliseName("Zoe Park"));
  });

  it("compares emails without case; a blank email is none", () => {
    expect(normaliseEmail(" Omar@Fernhill.IO ")).toBe("omar@fernhill.io");
    expect(normaliseEmail("   ")).toBeNull();
    expect(normaliseEmail(undefined)).toBeNull();
  });
});

describe("matchPerson", () => {
  const known = [OMAR, SAM];

  it("finds a person by name whatever the case and spacing", () => {
    expect(matchPerson(known, { name: "omar  haddad" })).toBe(OMAR);
    expect(matchPerson(known, { name: "SAM\u00a0LEE " })).toBe(SAM);
  });

  it("finds a person by email whatever the case, even under another spelling of the name", () => {
    expect(matchPerson(known, { name: "O. Haddad", email: "OMAR@FERNHILL.IO" })).toBe(OMAR);
  });

  it("a different email is a different person, even with the same name", () => {
    expect(matchPerson(known, { name: "Omar Haddad", email: "omar.h@elsewhere.com" })).toBeUndefined();
  });

  it("an email typed for someone known without one still matches by name", () => {
    expect(matchPerson(known, { name: "Sam Lee", email: "sam@fernhill.io" })).toBe(SAM);
  });

  it("same name at two companies is two people: only the company's own list is searched", () => {
    const otherCompany = [{ id: "omar-2", name: "Omar Haddad", email: null }];
    expect(matchPerson(otherCompany, { name: "Omar Haddad" })?.id).toBe("omar-2");
    expect(matchPerson([], { name: "Omar Haddad" })).toBeUndefined();
  });

  it("matches nobody for a blank name without an email, or a name never met", () => {
    expect(matchPerson(known, { name: "   " })).toBeUndefined();
    expect(matchPerson(known, { name: "Omar Hadad" })).toBeUndefined();
  });
});
