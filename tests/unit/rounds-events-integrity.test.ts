import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { events, interviewers, roundInterviewers, rounds, roundSignals } from "@/db/schema";
import {
  createApplication,
  deleteApplication,
  getApplication,
  insertApplications,
  listApplications,
  type ApplicationView,
  type ApplicationWithHistory,
} from "@/lib/data/applications";
import { listEvents, logEvent } from "@/lib/data/events";
import { createRound, deleteRound, getRound, listRounds } from "@/lib/data/rounds";
import { makeUser } from "./support/db";
import { countRows, countsFor, eventInput, roundInput, testDbWithSqlite } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: { id: string };
let ben: { id: string };
let anaApp: ApplicationView;
let benApp: ApplicationView;

const full = (over: Parameters<typeof roundInput>[0] = {}) =>
  roundInput({
    signals: ["met_team", "hiring_timeline"],
    hiringTimelineOn: "2026-12-01",
    customSignals: ["one", "two"],
    newInterviewers: [{ name: "Priya Raman", email: "priya@acme.com" }, { name: "Sam Lee" }],
    ...over,
  });

beforeEach(async () => {
  ({ db, sqlite } = testDbWithSqlite());
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
  anaApp = createApplication(db, ana.id, { company: "Acme", roleTitle: "Engineer", status: "applied" });
  benApp = createApplication(db, ben.id, { company: "Globex", roleTitle: "Engineer", status: "applied" });
});

describe("cascades", () => {
  it("deleting an application removes its rounds, their details, its events and the contacts only it mentioned", () => {
    createRound(db, ana.id, anaApp.id, full());
    createRound(db, ana.id, anaApp.id, full({ kind: "second", scheduledAt: new Date("2026-11-22T10:00:00Z") }));
    logEvent(db, ana.id, anaApp.id, eventInput("follow_up_sent"));
    logEvent(db, ana.id, anaApp.id, eventInput("offer_received"));
    // A second application at the same company met Priya again (the same contact) and Jo.
    const again = createApplication(db, ana.id, { company: "acme", roleTitle: "Staff Engineer", status: "applied" });
    const againRound = createRound(db, ana.id, again.id, roundInput({
      newInterviewers: [{ name: "PRIYA RAMAN", email: "priya@acme.com" }, { name: "Jo Park" }],
    }))!;
    const againView = getRound(db, ana.id, againRound);
    createRound(db, ben.id, benApp.id, full());
    logEvent(db, ben.id, benApp.id, eventInput("follow_up_sent"));

    expect(countsFor(sqlite, ana.id)).toEqual({
      rounds: 3,
      round_signals: 4,
      custom_signals: 4,
      round_interviewers: 6,
      interviewers: 3,
      events: 2,
    });
    const bens = countsFor(sqlite, ben.id);
    const benRounds = listRounds(db, ben.id, benApp.id);

    expect(deleteApplication(db, ana.id, anaApp.id)).toBe(true);
    // Sam was met only there, so he goes; Priya and Jo are still in the other application's round.
    expect(countsFor(sqlite, ana.id)).toEqual({
      rounds: 1,
      round_signals: 0,
      custom_signals: 0,
      round_interviewers: 2,
      interviewers: 2,
      events: 0,
    });
    expect(getRound(db, ana.id, againRound)).toEqual(againView);
    expect(countsFor(sqlite, ben.id)).toEqual(bens);
    expect(listRounds(db, ben.id, benApp.id)).toEqual(benRounds);
    expect(listEvents(db, ben.id, benApp.id)).toHaveLength(1);

    expect(deleteApplication(db, ana.id, again.id)).toBe(true);
    expect(countsFor(sqlite, ana.id)).toMatchObject({ rounds: 0, round_interviewers: 0, interviewers: 0 });
    expect(countsFor(sqlite, ben.id)).toEqual(bens);
  });

  it("deleting a round removes its signals, custom signals and links, and nothing else", () => {
    const doomed = createRound(db, ana.id, anaApp.id, full())!;
    const kept = createRound(db, ana.id, anaApp.id, full({ kind: "second", customSignals: ["three"] }))!;
    const keptView = getRound(db, ana.id, kept);
    expect(deleteRound(db, ana.id, doomed)).toBe(anaApp.id);
    expect(getRound(db, ana.id, doomed)).toBeUndefined();
    expect(countsFor(sqlite, ana.id)).toEqual({
      rounds: 1,
      round_signals: 2,
      custom_signals: 1,
      round_interviewers: 2,
      interviewers: 2,
      events: 0,
    });
    expect(getRound(db, ana.id, kept)).toEqual(keptView);
    expect(deleteRound(db, ana.id, doomed)).toBeNull();
  });
});

describe("the database refuses rows that mix two users", () => {
  let anaRound: string;
  let benRound: string;
  let priyaId: string;

  beforeEach(() => {
    anaRound = createRound(db, ana.id, anaApp.id, full())!;
    benRound = createRound(db, ben.id, benApp.id, roundInput())!;
    priyaId = getRound(db, ana.id, anaRound)!.interviewers[0].id;
  });

  it("a round filed under Ben but pointing at Ana's application", () => {
    const scheduledAt = new Date("2026-11-20T10:00:00Z");
    expect(() =>
      db.insert(rounds).values({ userId: ben.id, applicationId: anaApp.id, kind: "first", scheduledAt }).run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    // The same insert with matching owner and application is fine: the failure is the mix.
    expect(() => db.insert(rounds).values({ userId: ben.id, applicationId: benApp.id, kind: "first", scheduledAt }).run()).not.toThrow();
    expect(countRows(sqlite, "rounds", ben.id)).toBe(2);
    expect(countRows(sqlite, "rounds", ana.id)).toBe(1);
  });

  it("an event filed under Ben on Ana's application", () => {
    expect(() =>
      db.insert(events).values({ userId: ben.id, applicationId: anaApp.id, kind: "follow_up_sent", occurredAt: new Date() }).run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(countRows(sqlite, "events")).toBe(0);
  });

  it("a signal or a link under Ben on Ana's round, or to Ana's contact", () => {
    expect(() => db.insert(roundSignals).values({ userId: ben.id, roundId: anaRound, signal: "company_fit" }).run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => db.insert(roundInterviewers).values({ userId: ben.id, roundId: benRound, interviewerId: priyaId }).run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(countRows(sqlite, "round_interviewers", ben.id)).toBe(0);
    expect(countRows(sqlite, "round_signals", ben.id)).toBe(0);
  });

  it("a decision date on any signal but the hiring timeline", () => {
    expect(() =>
      db.insert(roundSignals).values({ userId: ana.id, roundId: anaRound, signal: "company_fit", onDate: "2026-12-01" }).run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it("a contact is unique per user and match key (company|name|email, lower-cased), not across users", () => {
    const key = '["acme","priya raman","priya@acme.com"]';
    expect(sqlite.prepare("select match_key as k from interviewers where id = ?").get(priyaId)).toEqual({ k: key });
    expect(() => db.insert(interviewers).values({ userId: ana.id, name: "Priya", matchKey: key }).run()).toThrow(/UNIQUE/);
    expect(() => db.insert(interviewers).values({ userId: ben.id, name: "Priya", matchKey: key }).run()).not.toThrow();
  });
});

describe("insertApplications with history", () => {
  const base = { roleTitle: "Engineer" } as const;
  const history = (): ApplicationWithHistory[] => [
    {
      ...base,
      company: "Hooli",
      status: "offer",
      rounds: [full(), full({ kind: "final", scheduledAt: new Date("2026-11-22T10:00:00Z"), newInterviewers: [{ name: "Sam Lee" }] })],
      events: [{ kind: "offer_received", occurredAt: new Date("2026-11-23T10:00:00Z"), note: "verbal" }],
    },
    { ...base, company: "Globex", status: "applied", rounds: [roundInput({ kind: "screen", customSignals: ["quick call"] })] },
    { ...base, company: "Initech", status: "saved" },
  ];

  it("inserts every application with its rounds, details and events, statuses as given", () => {
    expect(insertApplications(db, ana.id, history())).toBe(3);
    const byCompany = Object.fromEntries(listApplications(db, ana.id).map((a) => [a.company, a]));
    expect(Object.keys(byCompany).sort()).toEqual(["Acme", "Globex", "Hooli", "Initech"]);
    const hooli = byCompany.Hooli;
    expect(listRounds(db, ana.id, hooli.id).map((r) => [r.kind, r.signals.length, r.customSignals, r.interviewers.map((p) => p.name)])).toEqual([
      ["first", 2, ["one", "two"], ["Priya Raman", "Sam Lee"]],
      ["final", 2, ["one", "two"], ["Sam Lee"]],
    ]);
    expect(getApplication(db, ana.id, hooli.id)?.status).toBe("offer");
    expect(listEvents(db, ana.id, hooli.id).map((e) => [e.kind, e.note])).toEqual([["offer_received", "verbal"]]);
    // Bulk history is taken as it stands: a screen doesn't move "applied".
    expect(getApplication(db, ana.id, byCompany.Globex.id)?.status).toBe("applied");
    expect(countsFor(sqlite, ana.id)).toEqual({
      rounds: 3,
      round_signals: 4,
      custom_signals: 5,
      round_interviewers: 3,
      interviewers: 2,
      events: 1,
    });
    expect(countsFor(sqlite, ben.id).rounds).toBe(0);
  });

  it("writes nothing when the last round breaks a constraint", () => {
    const before = countsFor(sqlite, ana.id);
    const rows = history();
    rows[2].rounds = [roundInput({ durationMinutes: 0 })]; // the CHECK refuses 0 minutes
    expect(() => insertApplications(db, ana.id, rows)).toThrow(/CHECK constraint failed/);
    expect(countsFor(sqlite, ana.id)).toEqual(before);
    expect(listApplications(db, ana.id, { includeArchived: true }).map((a) => a.id)).toEqual([anaApp.id]);
  });
});
