import { describe, expect, it } from "vitest";
import { createApplication } from "@/lib/data/applications";
import { listPeople } from "@/lib/data/people";
import { createRound } from "@/lib/data/rounds";
import { duplicateHints, mightBeSamePerson } from "@/lib/people/names";
import { roundInput, twoUsers } from "./support/rounds";

const person = (name: string, email: string | null = null) => ({ id: name, name, email });

describe("who might be one person logged twice", () => {
  it.each([
    ["J. Whitfield", "James Whitfield"],
    ["J Whitfield", "james whitfield"],
    ["James R. Whitfield", "James Whitfield"],
    ["J. R. Whitfield", "James Whitfield"],
  ])("%j and %j", (a, b) => {
    expect(mightBeSamePerson(person(a), person(b))).toBe(true);
  });

  it.each([
    ["Jane Whitfield", "James Whitfield"], // another given name
    ["James Whitfield", "James Whitford"], // another surname
    ["Whitfield", "James Whitfield"], // one word says too little
    ["James Whitfield", "James  WHITFIELD"], // the same name: already one person to the round form
  ])("not %j and %j", (a, b) => {
    expect(mightBeSamePerson(person(a), person(b))).toBe(false);
  });

  it("two different emails are two people; one email or the same one still might be", () => {
    expect(mightBeSamePerson(person("J. Whitfield", "jw@fernhill.example"), person("James Whitfield", "james@other.example"))).toBe(false);
    expect(mightBeSamePerson(person("J. Whitfield", "jw@fernhill.example"), person("James Whitfield"))).toBe(true);
    expect(mightBeSamePerson(person("J. Whitfield", "JW@fernhill.example"), person("James Whitfield", "jw@fernhill.example"))).toBe(true);
  });

  it("pairs people at one company only, keeping the fuller name", () => {
    const people = [
      { ...person("J. Whitfield"), companyKey: "fernhill" },
      { ...person("James Whitfield"), companyKey: "fernhill" },
      { ...person("Jim Whitfield"), companyKey: "acme" },
      { ...person("J. Whitfield 2"), companyKey: "acme" },
    ];
    expect(duplicateHints(people).map((h) => [h.keep.name, h.other.name])).toEqual([["James Whitfield", "J. Whitfield"]]);
  });
});

describe("the hints read only the signed-in user's people", () => {
  it("a second user with the same names sees their own pair, never the first user's", async () => {
    const { db, ana, ben } = await twoUsers();
    for (const [userId, names] of [
      [ana.id, ["J. Whitfield", "James Whitfield"]],
      [ben.id, ["James Whitfield"]],
    ] as const) {
      const applicationId = (await createApplication(db, { userId, input: { company: "Fernhill", roleTitle: "Engineer", status: "interviewing" } })).id;
      for (const name of names) await createRound(db, { userId, applicationId, input: roundInput({ newInterviewers: [{ name }] }) });
    }
    const anaHints = duplicateHints(await listPeople(db, { userId: ana.id }));
    expect(anaHints.map((h) => [h.keep.name, h.other.name])).toEqual([["James Whitfield", "J. Whitfield"]]);
    // Ben has one Whitfield: nothing to suggest, though Ana's "J. Whitfield" is at a company of the same name.
    expect(duplicateHints(await listPeople(db, { userId: ben.id }))).toEqual([]);
  });
});
