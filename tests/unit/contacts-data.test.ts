import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { createApplication } from "@/lib/data/applications";
import { interviewersMetFor, upsertInterviewers } from "@/lib/data/interviewers";
import { write } from "@/lib/data/write";
import { createRound, deleteRound, getRound, updateRound } from "@/lib/data/rounds";
import type { RoundInput } from "@/lib/validation/round";
import { countRows, roundInput, twoUsers } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: { id: string };
let ben: { id: string };

const PRIYA = { name: "Priya Raman", title: "Engineering Manager", email: "priya@acme.com" };
const app = (userId: string, company: string) => createApplication(db, userId, { company, roleTitle: "Engineer", status: "applied" });
/** Logs a round with these new people and returns its id and the contacts' ids, in order. */
function roundWith(userId: string, applicationId: string, newInterviewers: RoundInput["newInterviewers"], over: Partial<RoundInput> = {}) {
  const id = createRound(db, userId, applicationId, roundInput({ newInterviewers, ...over }));
  if (!id) throw new Error("round refused");
  return { id, people: getRound(db, userId, id)!.interviewers };
}
const contacts = (userId: string) =>
  sqlite.prepare("select name, title, email, match_key as matchKey from interviewers where user_id = ? order by name, match_key").all(userId);

beforeEach(async () => {
  ({ db, sqlite, ana, ben } = await twoUsers());
});

describe("contacts are matched per company", () => {
  it("the same name and email at two applications of one company is one contact, whatever the case", () => {
    const first = roundWith(ana.id, app(ana.id, "Acme").id, [PRIYA]);
    const again = app(ana.id, " ACME ");
    const second = roundWith(ana.id, again.id, [{ name: "priya RAMAN", email: "PRIYA@acme.com" }]);
    expect(second.people.map((p) => p.id)).toEqual([first.people[0].id]);
    expect(countRows(sqlite, "interviewers", ana.id)).toBe(1);
    expect(interviewersMetFor(db, ana.id, again.id)).toEqual([{ ...PRIYA, id: first.people[0].id }]);
  });

  it("the same person typed for two different companies is two contacts", () => {
    const acme = roundWith(ana.id, app(ana.id, "Acme").id, [PRIYA]);
    const globex = roundWith(ana.id, app(ana.id, "Globex").id, [PRIYA]);
    expect(globex.people[0].id).not.toBe(acme.people[0].id);
    expect(contacts(ana.id)).toEqual([
      { ...PRIYA, matchKey: '["acme","priya raman","priya@acme.com"]' },
      { ...PRIYA, matchKey: '["globex","priya raman","priya@acme.com"]' },
    ]);
  });

  it("a separator inside a name or company cannot make two people one", () => {
    const a = roundWith(ana.id, app(ana.id, "R|D").id, [{ name: "Lee" }]);
    const b = roundWith(ana.id, app(ana.id, "R").id, [{ name: "D|Lee" }]);
    expect(b.people[0].id).not.toBe(a.people[0].id);
    expect(countRows(sqlite, "interviewers", ana.id)).toBe(2);
  });

  it("another user's identical contact stays theirs", () => {
    const anas = roundWith(ana.id, app(ana.id, "Acme").id, [PRIYA]);
    const bens = roundWith(ben.id, app(ben.id, "Acme").id, [PRIYA]);
    expect(bens.people[0].id).not.toBe(anas.people[0].id);
    expect(countRows(sqlite, "interviewers", ana.id)).toBe(1);
    expect(countRows(sqlite, "interviewers", ben.id)).toBe(1);
  });

  it("a title typed later fills a missing one but never overwrites it", () => {
    const acme = app(ana.id, "Acme").id;
    const first = roundWith(ana.id, acme, [{ name: "Sam Lee" }]);
    expect(first.people[0].title).toBeNull();
    const second = roundWith(ana.id, acme, [{ name: "sam lee", title: "CTO" }]);
    expect(second.people[0]).toEqual({ id: first.people[0].id, name: "Sam Lee", title: "CTO", email: null });
    const third = roundWith(ana.id, acme, [{ name: "Sam Lee", title: "Intern" }]);
    expect(third.people[0]).toEqual({ id: first.people[0].id, name: "Sam Lee", title: "CTO", email: null });
    expect(getRound(db, ana.id, first.id)!.interviewers[0].title).toBe("CTO");
    expect(countRows(sqlite, "interviewers", ana.id)).toBe(1);
  });

  it("upsertInterviewers returns one id per person, in order, the same id for a repeat", () => {
    // It joins its caller's write, as createRound's does.
    const upsert = (company: string, people: Parameters<typeof upsertInterviewers>[3]) =>
      write(db, (tx) => upsertInterviewers(tx, ana.id, company, people));
    const ids = upsert("Acme", [PRIYA, { name: "Sam Lee" }, { name: "PRIYA RAMAN", email: "priya@acme.com" }]);
    expect(ids).toHaveLength(3);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[1]).not.toBe(ids[0]);
    expect(upsert("Globex", [PRIYA])[0]).not.toBe(ids[0]);
    expect(upsert("Acme", [])).toEqual([]);
  });
});

describe("contacts no round mentions are deleted", () => {
  let acme: string;
  let priya: string;
  let sam: string;
  let jo: string;
  let keeper: string;
  let doomed: string;

  beforeEach(() => {
    acme = app(ana.id, "Acme").id;
    const kept = roundWith(ana.id, acme, [PRIYA]);
    const other = roundWith(ana.id, acme, [PRIYA, { name: "Sam Lee" }, { name: "Jo Park" }], {
      kind: "second",
      scheduledAt: new Date("2026-11-22T10:00:00Z"),
    });
    [keeper, doomed] = [kept.id, other.id];
    [priya, sam, jo] = other.people.map((p) => p.id);
    roundWith(ben.id, app(ben.id, "Acme").id, [PRIYA, { name: "Sam Lee" }]);
  });

  const anaContacts = () => (sqlite.prepare("select id from interviewers where user_id = ?").all(ana.id) as { id: string }[]).map((r) => r.id).sort();

  it("by updateRound, when a person is taken off the round", () => {
    const update = roundInput({ kind: "second", interviewerIds: [priya, jo] });
    expect(updateRound(db, ana.id, doomed, update)).toBe(acme);
    expect(anaContacts()).toEqual([priya, jo].sort());
    // Priya leaves this round too, but the first round still mentions her.
    expect(updateRound(db, ana.id, doomed, roundInput({ interviewerIds: [jo] }))).toBe(acme);
    expect(anaContacts()).toEqual([priya, jo].sort());
    expect(getRound(db, ana.id, keeper)!.interviewers.map((p) => p.id)).toEqual([priya]);
    expect(countRows(sqlite, "interviewers", ben.id)).toBe(2);
  });

  it("by deleteRound, keeping people another round still mentions", () => {
    expect(deleteRound(db, ana.id, doomed)).toBe(acme);
    expect(anaContacts()).toEqual([priya]);
    expect(deleteRound(db, ana.id, keeper)).toBe(acme);
    expect(anaContacts()).toEqual([]);
    expect(countRows(sqlite, "interviewers", ben.id)).toBe(2);
    expect(countRows(sqlite, "round_interviewers", ben.id)).toBe(2);
  });

  it("not by a refused update or delete", () => {
    expect(updateRound(db, ben.id, doomed, roundInput())).toBeNull();
    expect(deleteRound(db, ben.id, doomed)).toBeNull();
    expect(anaContacts()).toEqual([priya, sam, jo].sort());
    // A round pointing at a missing contact is refused before anything is removed.
    expect(updateRound(db, ana.id, doomed, roundInput({ interviewerIds: [crypto.randomUUID()] }))).toBeNull();
    expect(anaContacts()).toEqual([priya, sam, jo].sort());
  });
});
