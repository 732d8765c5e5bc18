import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { createApplication } from "@/lib/data/applications";
import { mergeInterviewers } from "@/lib/data/interviewers";
import { getPerson, listPeople, peopleAtCompany } from "@/lib/data/people";
import { createRound, getRound } from "@/lib/data/rounds";
import type { RoundInput } from "@/lib/validation/round";
import { countRows, roundInput, twoUsers } from "./support/rounds";
import { rawRows, refuseWrites } from "./support/raw-sql";
import { failureOf } from "./support/failures";

let db: Db;
let ana: { id: string };
let ben: { id: string };

const app = async (userId: string, company: string, roleTitle = "Engineer") => (await createApplication(db, { userId, input: { company, roleTitle, status: "applied" } })).id;
async function round(userId: string, applicationId: string, over: Partial<RoundInput>) {
  const id = await createRound(db, { userId, applicationId, input: roundInput(over) });
  if (!id) throw new Error("round refused");
  return { id, people: (await getRound(db, { userId, id }))!.interviewers.map((p) => p.id) };
}
const contacts = (userId: string) => rawRows(db, sql`select id, name, title, email, match_key as "matchKey" from interviewers where user_id = ${userId} order by name, id`);
const links = (userId: string) =>
  rawRows(db, sql`select round_id as "roundId", interviewer_id as "interviewerId", position from round_interviewers where user_id = ${userId} order by round_id, position`);

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

describe("a person typed again at the same company is the same contact", () => {
  it("whatever the case and spacing of the name, across two applications of the company", async () => {
    const first = await round(ana.id, await app(ana.id, "Fernhill"), { newInterviewers: [{ name: "Omar Haddad", title: "Staff engineer" }] });
    const second = await round(ana.id, await app(ana.id, "fernhill ", "Platform engineer"), { newInterviewers: [{ name: " omar\u00a0 HADDAD" }] });
    expect(second.people).toEqual(first.people);
    expect(await countRows(db, "interviewers", ana.id)).toBe(1);
  });

  it("by email under another spelling of the name, and fills in the email a name-only contact lacked", async () => {
    const fernhill = await app(ana.id, "Fernhill");
    const first = await round(ana.id, fernhill, { newInterviewers: [{ name: "Omar Haddad" }] });
    const second = await round(ana.id, fernhill, { newInterviewers: [{ name: "Omar Haddad", email: "Omar@Fernhill.io" }] });
    const third = await round(ana.id, fernhill, { newInterviewers: [{ name: "O. Haddad", email: "omar@fernhill.io" }] });
    expect([second.people, third.people]).toEqual([first.people, first.people]);
    expect(await contacts(ana.id)).toEqual([
      { id: first.people[0], name: "Omar Haddad", title: null, email: "Omar@Fernhill.io", matchKey: '["fernhill","omar haddad","omar@fernhill.io"]' },
    ]);
  });

  it("a different email, or another company, is a different person", async () => {
    const fernhill = await app(ana.id, "Fernhill");
    const a = await round(ana.id, fernhill, { newInterviewers: [{ name: "Omar Haddad", email: "omar@fernhill.io" }] });
    const b = await round(ana.id, fernhill, { newInterviewers: [{ name: "Omar Haddad", email: "omar@gmail.com" }] });
    const c = await round(ana.id, await app(ana.id, "Globex"), { newInterviewers: [{ name: "Omar Haddad", email: "omar@fernhill.io" }] });
    expect(new Set([...a.people, ...b.people, ...c.people]).size).toBe(3);
  });

  it("at a company whose name has characters beyond the basic plane, or quotes", async () => {
    for (const company of ["🚀 Rocket Co", 'The "Quoted" Ltd']) {
      const first = await round(ana.id, await app(ana.id, company), { newInterviewers: [{ name: "Ada Byron" }] });
      const again = await round(ana.id, await app(ana.id, company), { newInterviewers: [{ name: "ada  byron" }] });
      expect(again.people, company).toEqual(first.people);
      expect((await peopleAtCompany(db, { userId: ana.id, company })).map((p) => p.name), company).toEqual(["Ada Byron"]);
    }
  });

  it("another user's contact at the same company is never matched", async () => {
    const mine = await round(ana.id, await app(ana.id, "Fernhill"), { newInterviewers: [{ name: "Omar Haddad" }] });
    const theirs = await round(ben.id, await app(ben.id, "Fernhill"), { newInterviewers: [{ name: "Omar Haddad" }] });
    expect(theirs.people[0]).not.toBe(mine.people[0]);
    expect(await countRows(db, "interviewers", ben.id)).toBe(1);
  });
});

describe("reading people", () => {
  it("lists everyone by company then name, with their rounds latest first and the company as last typed", async () => {
    const fernhill = await app(ana.id, "Fernhill", "Backend engineer");
    const acme = await app(ana.id, "acme", "Designer");
    const early = await round(ana.id, fernhill, { scheduledAt: new Date("2026-11-02T10:00:00Z"), newInterviewers: [{ name: "Zed Ray" }, { name: "Amy Liu" }] });
    const later = await round(ana.id, fernhill, { kind: "second", scheduledAt: new Date("2026-12-02T14:00:00Z"), interviewerIds: [early.people[0]] });
    await round(ana.id, acme, { newInterviewers: [{ name: "Bo Chen" }] });
    await round(ben.id, await app(ben.id, "Aardvark"), { newInterviewers: [{ name: "Ben's Contact" }] });

    const people = await listPeople(db, { userId: ana.id });
    expect(people.map((p) => `${p.company}: ${p.name}`)).toEqual(["acme: Bo Chen", "Fernhill: Amy Liu", "Fernhill: Zed Ray"]);
    expect(people[2].rounds.map((r) => [r.roundId, r.kind, r.roleTitle])).toEqual([
      [later.id, "second", "Backend engineer"],
      [early.id, "first", "Backend engineer"],
    ]);
    expect((await peopleAtCompany(db, { userId: ana.id, company: " FERNHILL" })).map((p) => p.name)).toEqual(["Amy Liu", "Zed Ray"]);
    expect((await getPerson(db, { userId: ana.id, id: early.people[0] }))?.rounds).toHaveLength(2);
  });

  it("a second user reads none of the first user's people", async () => {
    const { people } = await round(ana.id, await app(ana.id, "Fernhill"), { newInterviewers: [{ name: "Omar Haddad" }] });
    expect(await listPeople(db, { userId: ben.id })).toEqual([]);
    expect(await getPerson(db, { userId: ben.id, id: people[0] })).toBeUndefined();
    expect(await peopleAtCompany(db, { userId: ben.id, company: "Fernhill" })).toEqual([]);
  });
});

describe("mergeInterviewers", () => {
  async function twoOmars() {
    const fernhill = await app(ana.id, "Fernhill");
    const one = await round(ana.id, fernhill, { newInterviewers: [{ name: "Omar Haddad", title: "Staff engineer" }] });
    const two = await round(ana.id, fernhill, { newInterviewers: [{ name: "Omar H.", email: "omar@fernhill.io" }, { name: "Sam Lee" }] });
    // A round that met both: the merged person came first in it.
    const both = await round(ana.id, fernhill, { interviewerIds: [two.people[0], two.people[1], one.people[0]] });
    return { keep: one.people[0], other: two.people[0], sam: two.people[1], rounds: [one.id, two.id, both.id] };
  }

  it("moves every round link to the kept person, one link per round at the earlier place, fills in and deletes the other", async () => {
    const { keep, other, sam, rounds } = await twoOmars();
    expect(await mergeInterviewers(db, { userId: ana.id, keepId: keep, mergeId: other })).toEqual({ ok: true, kept: "Omar Haddad", merged: "Omar H." });
    expect((await getRound(db, { userId: ana.id, id: rounds[0] }))!.interviewers.map((p) => p.id)).toEqual([keep]);
    expect((await getRound(db, { userId: ana.id, id: rounds[1] }))!.interviewers.map((p) => p.id)).toEqual([keep, sam]);
    expect((await getRound(db, { userId: ana.id, id: rounds[2] }))!.interviewers.map((p) => p.id)).toEqual([keep, sam]);
    expect((await links(ana.id)).filter((l) => (l as { roundId: string }).roundId === rounds[2])).toEqual([
      { roundId: rounds[2], interviewerId: keep, position: 0 },
      { roundId: rounds[2], interviewerId: sam, position: 1 },
    ]);
    expect(await contacts(ana.id)).toEqual([
      { id: keep, name: "Omar Haddad", title: "Staff engineer", email: "omar@fernhill.io", matchKey: '["fernhill","omar haddad","omar@fernhill.io"]' },
      { id: sam, name: "Sam Lee", title: null, email: null, matchKey: '["fernhill","sam lee",""]' },
    ]);
    // The key follows the filled-in email: typing the email again finds the kept person.
    const again = await round(ana.id, await app(ana.id, "Fernhill"), { newInterviewers: [{ name: "Omar", email: "OMAR@fernhill.io" }] });
    expect(again.people).toEqual([keep]);
  });

  it("refuses a person merged into themselves, and a missing or foreign id on either side, changing nothing", async () => {
    const { keep, other } = await twoOmars();
    const bens = (await round(ben.id, await app(ben.id, "Fernhill"), { newInterviewers: [{ name: "Omar Haddad" }] })).people[0];
    const before = [await contacts(ana.id), await links(ana.id), await contacts(ben.id), await links(ben.id)];
    expect(await mergeInterviewers(db, { userId: ana.id, keepId: keep, mergeId: keep })).toEqual({ ok: false, reason: "same-person" });
    for (const [keepId, mergeId] of [[keep, bens], [bens, keep], [keep, "missing"], ["missing", other]]) {
      expect(await mergeInterviewers(db, { userId: ana.id, keepId, mergeId })).toEqual({ ok: false, reason: "not-found" });
    }
    expect(await mergeInterviewers(db, { userId: ben.id, keepId: bens, mergeId: other })).toEqual({ ok: false, reason: "not-found" });
    expect([await contacts(ana.id), await links(ana.id), await contacts(ben.id), await links(ben.id)]).toEqual(before);
  });

  it("is one transaction: a failure after the links moved leaves both people and every link as they were", async () => {
    const { keep, other } = await twoOmars();
    const before = [await contacts(ana.id), await links(ana.id)];
    // The last step (deleting the merged person) fails, after every link was moved.
    await refuseWrites(db, { name: "fail_merge", table: "interviewers", op: "delete", message: "disk on fire" });
    expect(await failureOf(mergeInterviewers(db, { userId: ana.id, keepId: keep, mergeId: other }))).toMatch(/disk on fire/);
    expect([await contacts(ana.id), await links(ana.id)]).toEqual(before);
  });
});
