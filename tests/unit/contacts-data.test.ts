import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { createApplication } from "@/lib/data/applications";
import { interviewersMetFor, upsertInterviewers } from "@/lib/data/interviewers";
import { createRound, deleteRound, getRound, updateRound } from "@/lib/data/rounds";
import type { RoundInput } from "@/lib/validation/round";
import { countRows, roundInput, twoUsers } from "./support/rounds";
import { rawRows } from "./support/raw-sql";

let db: Db;
let ana: { id: string };
let ben: { id: string };

const PRIYA = { name: "Priya Raman", title: "Engineering Manager", email: "priya@acme.com" };
const app = (userId: string, company: string) => createApplication(db, { userId, input: { company, roleTitle: "Engineer", status: "applied" } });
/** Logs a round with these new people and returns its id and the contacts' ids, in order. */
async function roundWith(userId: string, applicationId: string, newInterviewers: RoundInput["newInterviewers"], over: Partial<RoundInput> = {}) {
  const id = await createRound(db, { userId, applicationId, input: roundInput({ newInterviewers, ...over }) });
  if (!id) throw new Error("round refused");
  return { id, people: (await getRound(db, { userId, id }))!.interviewers };
}
const contacts = (userId: string) => rawRows(db, sql`select name, title, email, match_key as "matchKey" from interviewers where user_id = ${userId} order by name, match_key`);

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

describe("contacts are matched per company", () => {
  it("the same name and email at two applications of one company is one contact, whatever the case", async () => {
    const first = await roundWith(ana.id, (await app(ana.id, "Acme")).id, [PRIYA]);
    const again = await app(ana.id, " ACME ");
    const second = await roundWith(ana.id, again.id, [{ name: "priya RAMAN", email: "PRIYA@acme.com" }]);
    expect(second.people.map((p) => p.id)).toEqual([first.people[0].id]);
    expect(await countRows(db, "interviewers", ana.id)).toBe(1);
    expect(await interviewersMetFor(db, { userId: ana.id, applicationId: again.id })).toEqual([{ ...PRIYA, id: first.people[0].id }]);
  });

  it("the same person typed for two different companies is two contacts", async () => {
    const acme = await roundWith(ana.id, (await app(ana.id, "Acme")).id, [PRIYA]);
    const globex = await roundWith(ana.id, (await app(ana.id, "Globex")).id, [PRIYA]);
    expect(globex.people[0].id).not.toBe(acme.people[0].id);
    expect(await contacts(ana.id)).toEqual([
      { ...PRIYA, matchKey: '["acme","priya raman","priya@acme.com"]' },
      { ...PRIYA, matchKey: '["globex","priya raman","priya@acme.com"]' },
    ]);
  });

  it("a separator inside a name or company cannot make two people one", async () => {
    const a = await roundWith(ana.id, (await app(ana.id, "R|D")).id, [{ name: "Lee" }]);
    const b = await roundWith(ana.id, (await app(ana.id, "R")).id, [{ name: "D|Lee" }]);
    expect(b.people[0].id).not.toBe(a.people[0].id);
    expect(await countRows(db, "interviewers", ana.id)).toBe(2);
  });

  it("another user's identical contact stays theirs", async () => {
    const anas = await roundWith(ana.id, (await app(ana.id, "Acme")).id, [PRIYA]);
    const bens = await roundWith(ben.id, (await app(ben.id, "Acme")).id, [PRIYA]);
    expect(bens.people[0].id).not.toBe(anas.people[0].id);
    expect(await countRows(db, "interviewers", ana.id)).toBe(1);
    expect(await countRows(db, "interviewers", ben.id)).toBe(1);
  });

  it("a title typed later fills a missing one but never overwrites it", async () => {
    const acme = (await app(ana.id, "Acme")).id;
    const first = await roundWith(ana.id, acme, [{ name: "Sam Lee" }]);
    expect(first.people[0].title).toBeNull();
    const second = await roundWith(ana.id, acme, [{ name: "sam lee", title: "CTO" }]);
    expect(second.people[0]).toEqual({ id: first.people[0].id, name: "Sam Lee", title: "CTO", email: null });
    const third = await roundWith(ana.id, acme, [{ name: "Sam Lee", title: "Intern" }]);
    expect(third.people[0]).toEqual({ id: first.people[0].id, name: "Sam Lee", title: "CTO", email: null });
    expect((await getRound(db, { userId: ana.id, id: first.id }))!.interviewers[0].title).toBe("CTO");
    expect(await countRows(db, "interviewers", ana.id)).toBe(1);
  });

  it("upsertInterviewers returns one id per person, in order, the same id for a repeat", async () => {
    // It joins its caller's write, as createRound's does.
    const upsert = (company: string, people: Parameters<typeof upsertInterviewers>[1]["people"]) =>
      write(db, { userId: ana.id }, (tx) => upsertInterviewers(tx, { userId: ana.id, company, people }));
    const ids = await upsert("Acme", [PRIYA, { name: "Sam Lee" }, { name: "PRIYA RAMAN", email: "priya@acme.com" }]);
    expect(ids).toHaveLength(3);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[1]).not.toBe(ids[0]);
    expect((await upsert("Globex", [PRIYA]))[0]).not.toBe(ids[0]);
    expect(await upsert("Acme", [])).toEqual([]);
  });
});

describe("contacts no round mentions are deleted", () => {
  let acme: string;
  let priya: string;
  let sam: string;
  let jo: string;
  let keeper: string;
  let doomed: string;

  beforeEach(async () => {
    acme = (await app(ana.id, "Acme")).id;
    const kept = await roundWith(ana.id, acme, [PRIYA]);
    const other = await roundWith(ana.id, acme, [PRIYA, { name: "Sam Lee" }, { name: "Jo Park" }], {
      kind: "second",
      scheduledAt: new Date("2026-11-22T10:00:00Z"),
    });
    [keeper, doomed] = [kept.id, other.id];
    [priya, sam, jo] = other.people.map((p) => p.id);
    await roundWith(ben.id, (await app(ben.id, "Acme")).id, [PRIYA, { name: "Sam Lee" }]);
  });

  const anaContacts = async () => ((await rawRows(db, sql`select id from interviewers where user_id = ${ana.id}`)) as { id: string }[]).map((r) => r.id).sort();

  it("by updateRound, when a person is taken off the round", async () => {
    const update = roundInput({ kind: "second", interviewerIds: [priya, jo] });
    expect(await updateRound(db, { userId: ana.id, id: doomed, input: update })).toBe(acme);
    expect(await anaContacts()).toEqual([priya, jo].sort());
    // Priya leaves this round too, but the first round still mentions her.
    expect(await updateRound(db, { userId: ana.id, id: doomed, input: roundInput({ interviewerIds: [jo] }) })).toBe(acme);
    expect(await anaContacts()).toEqual([priya, jo].sort());
    expect((await getRound(db, { userId: ana.id, id: keeper }))!.interviewers.map((p) => p.id)).toEqual([priya]);
    expect(await countRows(db, "interviewers", ben.id)).toBe(2);
  });

  it("by deleteRound, keeping people another round still mentions", async () => {
    expect(await deleteRound(db, { userId: ana.id, id: doomed })).toBe(acme);
    expect(await anaContacts()).toEqual([priya]);
    expect(await deleteRound(db, { userId: ana.id, id: keeper })).toBe(acme);
    expect(await anaContacts()).toEqual([]);
    expect(await countRows(db, "interviewers", ben.id)).toBe(2);
    expect(await countRows(db, "round_interviewers", ben.id)).toBe(2);
  });

  it("not by a refused update or delete", async () => {
    expect(await updateRound(db, { userId: ben.id, id: doomed, input: roundInput() })).toBeNull();
    expect(await deleteRound(db, { userId: ben.id, id: doomed })).toBeNull();
    expect(await anaContacts()).toEqual([priya, sam, jo].sort());
    // A round pointing at a missing contact is refused before anything is removed.
    expect(await updateRound(db, { userId: ana.id, id: doomed, input: roundInput({ interviewerIds: [crypto.randomUUID()] }) })).toBeNull();
    expect(await anaContacts()).toEqual([priya, sam, jo].sort());
  });
});
