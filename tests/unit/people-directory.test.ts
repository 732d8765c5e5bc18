import { describe, expect, it } from "vitest";
import { filterPeople, groupByCompany, lastMet } from "@/lib/people/directory";

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (iso: string) => ({ scheduledAt: new Date(iso) });

describe("lastMet", () => {
  it("is the latest round that has started, from rounds latest first", () => {
    const rounds = [at("2026-12-09T10:00:00Z"), at("2026-12-01T12:00:00Z"), at("2026-11-20T10:00:00Z")];
    expect(lastMet(rounds, NOW)).toBe(rounds[1]);
  });

  it("is null when every round is ahead, or there are none", () => {
    expect(lastMet([at("2026-12-01T12:00:01Z")], NOW)).toBeNull();
    expect(lastMet([], NOW)).toBeNull();
  });
});

describe("filterPeople", () => {
  const people = [
    { name: "Omar Haddad", email: "omar@fernhill.io", company: "Fernhill" },
    { name: "Sam Lee", email: null, company: "Globex" },
  ];

  it("finds by name, email or company, ignoring case and spacing", () => {
    expect(filterPeople(people, " OMAR   haddad").map((p) => p.name)).toEqual(["Omar Haddad"]);
    expect(filterPeople(people, "@fernhill").map((p) => p.name)).toEqual(["Omar Haddad"]);
    expect(filterPeople(people, "glob").map((p) => p.name)).toEqual(["Sam Lee"]);
    expect(filterPeople(people, "nobody")).toEqual([]);
  });

  it("a blank filter keeps everyone", () => {
    expect(filterPeople(people, "  ")).toEqual(people);
  });
});

describe("groupByCompany", () => {
  it("groups consecutive people of one company under the name shown first", () => {
    const groups = groupByCompany([
      { companyKey: "acme", company: "Acme", id: 1 },
      { companyKey: "acme", company: "ACME", id: 2 },
      { companyKey: "globex", company: "Globex", id: 3 },
    ]);
    expect(groups.map((g) => [g.company, g.people.map((p) => p.id)])).toEqual([
      ["Acme", [1, 2]],
      ["Globex", [3]],
    ]);
  });
});
