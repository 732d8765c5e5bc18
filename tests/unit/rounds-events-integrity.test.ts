import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
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
import { makeUser, testDb } from "./support/db";
import { countRows, countsFor, eventInput, roundInput } from "./support/rounds";
import { rawGet } from "./support/raw-sql";
import { BROKEN, failureOf } from "./support/failures";

let db: Db;
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
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
  anaApp = await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Engineer", status: "applied" } });
  benApp = await createApplication(db, { userId: ben.id, input: { company: "Globex", roleTitle: "Engineer", status: "applied" } });
});

describe("cascades", () => {
  it("deleting an application removes its rounds, their details, its events and the contacts only it mentioned", async () => {
    await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: full() });
    await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: full({ kind: "second", scheduledAt: new Date("2026-11-22T10:00:00Z") }) });
    await logEvent(db, { userId: ana.id, applicationId: anaApp.id, input: eventInput("follow_up_sent") });
    await logEvent(db, { userId: ana.id, applicationId: anaApp.id, input: eventInput("offer_received") });
    // A second application at the same company met Priya again (the same contact) and Jo.
    const again = await createApplication(db, { userId: ana.id, input: { company: "acme", roleTitle: "Staff Engineer", status: "applied" } });
    const againRound = (await createRound(db, { userId: ana.id, applicationId: again.id, input: roundInput({
      newInterviewers: [{ name: "PRIYA RAMAN", email: "priya@acme.com" }, { name: "Jo Park" }],
    }) }))!;
    const againView = await getRound(db, { userId: ana.id, id: againRound });
    await createRound(db, { userId: ben.id, applicationId: benApp.id, input: full() });
    await logEvent(db, { userId: ben.id, applicationId: benApp.id, input: eventInput("follow_up_sent") });

    expect(await countsFor(db, ana.id)).toEqual({
      rounds: 3,
      round_signals: 4,
      custom_signals: 4,
      round_interviewers: 6,
      interviewers: 3,
      events: 2,
    });
    const bens = await countsFor(db, ben.id);
    const benRounds = await listRounds(db, { userId: ben.id, applicationId: benApp.id });

    expect(await deleteApplication(db, { userId: ana.id, id: anaApp.id })).toBe(true);
    // Sam was met only there, so he goes; Priya and Jo are still in the other application's round.
    expect(await countsFor(db, ana.id)).toEqual({
      rounds: 1,
      round_signals: 0,
      custom_signals: 0,
      round_interviewers: 2,
      interviewers: 2,
      events: 0,
    });
    expect(await getRound(db, { userId: ana.id, id: againRound })).toEqual(againView);
    expect(await countsFor(db, ben.id)).toEqual(bens);
    expect(await listRounds(db, { userId: ben.id, applicationId: benApp.id })).toEqual(benRounds);
    expect(await listEvents(db, { userId: ben.id, applicationId: benApp.id })).toHaveLength(1);

    expect(await deleteApplication(db, { userId: ana.id, id: again.id })).toBe(true);
    expect(await countsFor(db, ana.id)).toMatchObject({ rounds: 0, round_interviewers: 0, interviewers: 0 });
    expect(await countsFor(db, ben.id)).toEqual(bens);
  });

  it("deleting a round removes its signals, custom signals and links, and nothing else", async () => {
    const doomed = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: full() }))!;
    const kept = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: full({ kind: "second", customSignals: ["three"] }) }))!;
    const keptView = await getRound(db, { userId: ana.id, id: kept });
    expect(await deleteRound(db, { userId: ana.id, id: doomed })).toBe(anaApp.id);
    expect(await getRound(db, { userId: ana.id, id: doomed })).toBeUndefined();
    expect(await countsFor(db, ana.id)).toEqual({
      rounds: 1,
      round_signals: 2,
      custom_signals: 1,
      round_interviewers: 2,
      interviewers: 2,
      events: 0,
    });
    expect(await getRound(db, { userId: ana.id, id: kept })).toEqual(keptView);
    expect(await deleteRound(db, { userId: ana.id, id: doomed })).toBeNull();
  });
});

describe("the database refuses rows that mix two users", () => {
  let anaRound: string;
  let benRound: string;
  let priyaId: string;

  beforeEach(async () => {
    anaRound = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: full() }))!;
    benRound = (await createRound(db, { userId: ben.id, applicationId: benApp.id, input: roundInput() }))!;
    priyaId = (await getRound(db, { userId: ana.id, id: anaRound }))!.interviewers[0].id;
  });

  it("a round filed under Ben but pointing at Ana's application", async () => {
    const scheduledAt = new Date("2026-11-20T10:00:00Z");
    expect(await failureOf(db.insert(rounds).values({ userId: ben.id, applicationId: anaApp.id, kind: "first", scheduledAt }))).toMatch(BROKEN.foreignKey);
    // The same insert with matching owner and application is fine: the failure is the mix.
    await expect(db.insert(rounds).values({ userId: ben.id, applicationId: benApp.id, kind: "first", scheduledAt })).resolves.toBeDefined();
    expect(await countRows(db, "rounds", ben.id)).toBe(2);
    expect(await countRows(db, "rounds", ana.id)).toBe(1);
  });

  it("an event filed under Ben on Ana's application", async () => {
    expect(await failureOf(db.insert(events).values({ userId: ben.id, applicationId: anaApp.id, kind: "follow_up_sent", occurredAt: new Date() }))).toMatch(BROKEN.foreignKey);
    expect(await countRows(db, "events")).toBe(0);
  });

  it("a signal or a link under Ben on Ana's round, or to Ana's contact", async () => {
    expect(await failureOf(db.insert(roundSignals).values({ userId: ben.id, roundId: anaRound, signal: "company_fit" }))).toMatch(BROKEN.foreignKey);
    expect(await failureOf(db.insert(roundInterviewers).values({ userId: ben.id, roundId: benRound, interviewerId: priyaId }))).toMatch(BROKEN.foreignKey);
    expect(await countRows(db, "round_interviewers", ben.id)).toBe(0);
    expect(await countRows(db, "round_signals", ben.id)).toBe(0);
  });

  it("a decision date on any signal but the hiring timeline", async () => {
    expect(await failureOf(db.insert(roundSignals).values({ userId: ana.id, roundId: anaRound, signal: "company_fit", onDate: "2026-12-01" }))).toMatch(BROKEN.check);
  });

  it("a contact is unique per user and match key (company|name|email, lower-cased), not across users", async () => {
    const key = '["acme","priya raman","priya@acme.com"]';
    expect(await rawGet(db, sql`select match_key as k from interviewers where id = ${priyaId}`)).toEqual({ k: key });
    expect(await failureOf(db.insert(interviewers).values({ userId: ana.id, name: "Priya", matchKey: key }))).toMatch(BROKEN.unique);
    await expect(db.insert(interviewers).values({ userId: ben.id, name: "Priya", matchKey: key })).resolves.toBeDefined();
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

  it("inserts every application with its rounds, details and events, statuses as given", async () => {
    expect(await insertApplications(db, { userId: ana.id, rows: history() })).toBe(3);
    const byCompany = Object.fromEntries((await listApplications(db, { userId: ana.id })).map((a) => [a.company, a]));
    expect(Object.keys(byCompany).sort()).toEqual(["Acme", "Globex", "Hooli", "Initech"]);
    const hooli = byCompany.Hooli;
    const hooliRounds = await listRounds(db, { userId: ana.id, applicationId: hooli.id });
    expect(hooliRounds.map((r) => [r.kind, r.signals.length, r.customSignals, r.interviewers.map((p) => p.name)])).toEqual([
      ["first", 2, ["one", "two"], ["Priya Raman", "Sam Lee"]],
      ["final", 2, ["one", "two"], ["Sam Lee"]],
    ]);
    expect((await getApplication(db, { userId: ana.id, id: hooli.id }))?.status).toBe("offer");
    expect((await listEvents(db, { userId: ana.id, applicationId: hooli.id })).map((e) => [e.kind, e.note])).toEqual([["offer_received", "verbal"]]);
    // Bulk history is taken as it stands: a screen doesn't move "applied".
    expect((await getApplication(db, { userId: ana.id, id: byCompany.Globex.id }))?.status).toBe("applied");
    expect(await countsFor(db, ana.id)).toEqual({
      rounds: 3,
      round_signals: 4,
      custom_signals: 5,
      round_interviewers: 3,
      interviewers: 2,
      events: 1,
    });
    expect((await countsFor(db, ben.id)).rounds).toBe(0);
  });

  it("writes nothing when the last round breaks a constraint", async () => {
    const before = await countsFor(db, ana.id);
    const rows = history();
    rows[2].rounds = [roundInput({ durationMinutes: 0 })]; // the CHECK refuses 0 minutes
    expect(await failureOf(insertApplications(db, { userId: ana.id, rows }))).toMatch(BROKEN.check);
    expect(await countsFor(db, ana.id)).toEqual(before);
    expect((await listApplications(db, { userId: ana.id, filter: { includeArchived: true } })).map((a) => a.id)).toEqual([anaApp.id]);
  });
});
