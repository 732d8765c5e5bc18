import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { createApplication, getApplication, type ApplicationView } from "@/lib/data/applications";
import { deleteEvent, getEvent, listEvents, logEvent, updateEvent } from "@/lib/data/events";
import { interviewersMetFor } from "@/lib/data/interviewers";
import { createRound, deleteRound, getRound, listRounds, markThankYouSent, updateRound } from "@/lib/data/rounds";
import type { ApplicationInput } from "@/lib/validation/application";
import { makeUser } from "./support/db";
import { countRows, countsFor, eventInput, rawRow, roundInput, testDbWithSqlite } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: { id: string };
let ben: { id: string };
let anaApp: ApplicationView;
let benApp: ApplicationView;

const app = (userId: string, over: Partial<ApplicationInput> = {}) =>
  createApplication(db, userId, { company: "Acme", roleTitle: "Engineer", status: "applied", ...over });
const statusOf = (userId: string, id: string) => getApplication(db, userId, id)?.status;
const PRIYA = { name: "Priya Raman", title: "Engineering Manager", email: "priya@acme.com" };

beforeEach(async () => {
  ({ db, sqlite } = testDbWithSqlite());
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
  anaApp = app(ana.id);
  benApp = app(ben.id, { company: "Globex" });
});

describe("createRound", () => {
  it("stores signals with the decision date, custom signals in order, and new people", () => {
    const id = createRound(db, ana.id, anaApp.id, roundInput({
      signals: ["met_team", "hiring_timeline"],
      hiringTimelineOn: "2026-12-01",
      customSignals: ["zebra print slides", "asked about on-call", "mentioned a reorg"],
      newInterviewers: [PRIYA, { name: "Sam Lee" }],
    }))!;
    expect(id).toEqual(expect.any(String));
    const round = getRound(db, ana.id, id)!;
    expect(round.signals).toEqual([
      { signal: "met_team", onDate: null },
      { signal: "hiring_timeline", onDate: "2026-12-01" },
    ]);
    expect(round.customSignals).toEqual(["zebra print slides", "asked about on-call", "mentioned a reorg"]);
    expect(round.interviewers.map(({ name, title, email }) => ({ name, title, email }))).toEqual([
      PRIYA,
      { name: "Sam Lee", title: null, email: null },
    ]);
    expect(round).not.toHaveProperty("userId");
    expect(round.interviewers[0]).not.toHaveProperty("userId");
    expect(listRounds(db, ana.id, anaApp.id)).toEqual([round]);
  });

  it("reuses a contact typed again with other letter case, and links picked people", () => {
    const first = createRound(db, ana.id, anaApp.id, roundInput({ newInterviewers: [PRIYA, { name: "Sam Lee" }] }))!;
    const [priya, sam] = getRound(db, ana.id, first)!.interviewers;
    const second = createRound(db, ana.id, anaApp.id, roundInput({
      kind: "second",
      scheduledAt: new Date("2026-11-22T10:00:00Z"),
      interviewerIds: [sam.id, priya.id],
      newInterviewers: [{ name: "priya raman", email: "priya@acme.com" }, { name: "Jo Park" }],
    }))!;
    expect(getRound(db, ana.id, second)!.interviewers.map((p) => p.id)).toEqual([sam.id, priya.id, expect.any(String)]);
    expect(countRows(sqlite, "interviewers", ana.id)).toBe(3);
    // The contact keeps its name and title as first written.
    expect(getRound(db, ana.id, second)!.interviewers[1]).toEqual({ ...PRIYA, id: priya.id });
    expect(interviewersMetFor(db, ana.id, anaApp.id).map((p) => p.name)).toEqual(["Jo Park", "Priya Raman", "Sam Lee"]);
  });

  it("moves applied to interviewing, or to screening for a screen", () => {
    createRound(db, ana.id, anaApp.id, roundInput({ kind: "first" }));
    expect(statusOf(ana.id, anaApp.id)).toBe("interviewing");
    const other = app(ana.id, { company: "Initech" });
    createRound(db, ana.id, other.id, roundInput({ kind: "screen" }));
    expect(statusOf(ana.id, other.id)).toBe("screening");
    const offered = app(ana.id, { status: "offer" });
    createRound(db, ana.id, offered.id, roundInput({ kind: "final" }));
    expect(statusOf(ana.id, offered.id)).toBe("offer");
  });

  it("writes the round, its details and the status move together or not at all", () => {
    // The same signal twice breaks the signals' primary key after the round row is in.
    const broken = roundInput({ signals: ["met_team", "met_team"], newInterviewers: [PRIYA] });
    expect(() => createRound(db, ana.id, anaApp.id, broken)).toThrow();
    expect(countsFor(sqlite, ana.id)).toMatchObject({ rounds: 0, round_signals: 0, interviewers: 0 });
    expect(statusOf(ana.id, anaApp.id)).toBe("applied");
  });
});

describe("another user's rounds", () => {
  let anaRound: string;
  let priyaId: string;

  beforeEach(() => {
    anaRound = createRound(db, ana.id, anaApp.id, roundInput({ signals: ["met_team"], customSignals: ["hi"], newInterviewers: [PRIYA] }))!;
    priyaId = getRound(db, ana.id, anaRound)!.interviewers[0].id;
  });

  it("cannot be created on someone else's application", () => {
    expect(createRound(db, ben.id, anaApp.id, roundInput({ newInterviewers: [{ name: "Mallory" }] }))).toBeNull();
    expect(countRows(sqlite, "rounds")).toBe(1);
    expect(countRows(sqlite, "interviewers")).toBe(1);
    expect(statusOf(ana.id, anaApp.id)).toBe("interviewing");
  });

  it("cannot link someone else's contact, even on one's own application", () => {
    const before = countsFor(sqlite, ana.id);
    const result = createRound(db, ben.id, benApp.id, roundInput({ interviewerIds: [priyaId], newInterviewers: [{ name: "Ben's pal" }] }));
    expect(result).toBeNull();
    expect(countsFor(sqlite, ben.id)).toEqual({ rounds: 0, round_signals: 0, custom_signals: 0, round_interviewers: 0, interviewers: 0, events: 0 });
    expect(countsFor(sqlite, ana.id)).toEqual(before);
    expect(statusOf(ben.id, benApp.id)).toBe("applied");
    // Nor on an update of one's own round.
    const benRound = createRound(db, ben.id, benApp.id, roundInput())!;
    expect(updateRound(db, ben.id, benRound, roundInput({ interviewerIds: [priyaId] }))).toBeNull();
    expect(countRows(sqlite, "round_interviewers", ben.id)).toBe(0);
  });

  it("cannot be read, listed, changed, deleted or thanked for", () => {
    const row = rawRow(sqlite, "rounds", anaRound);
    const view = getRound(db, ana.id, anaRound);
    expect(getRound(db, ben.id, anaRound)).toBeUndefined();
    expect(listRounds(db, ben.id, anaApp.id)).toEqual([]);
    expect(interviewersMetFor(db, ben.id, anaApp.id)).toEqual([]);
    expect(updateRound(db, ben.id, anaRound, roundInput({ kind: "final", notes: "hijacked" }))).toBeNull();
    expect(deleteRound(db, ben.id, anaRound)).toBeNull();
    expect(markThankYouSent(db, ben.id, anaRound, new Date("2026-11-21T00:00:00Z"))).toEqual({ ok: false, reason: "not-found" });
    expect(rawRow(sqlite, "rounds", anaRound)).toEqual(row);
    expect(getRound(db, ana.id, anaRound)).toEqual(view);
  });
});

describe("another user's events", () => {
  it("cannot be logged, read, listed, changed or deleted", () => {
    const interviewing = app(ana.id, { status: "interviewing" });
    const logged = logEvent(db, ana.id, interviewing.id, eventInput("offer_received", undefined, "verbal"));
    if (!logged.ok) throw new Error("setup failed");
    const row = rawRow(sqlite, "events", logged.id);
    const appRow = rawRow(sqlite, "applications", interviewing.id);

    expect(logEvent(db, ben.id, interviewing.id, eventInput("rejection_received"))).toEqual({ ok: false, reason: "not-found" });
    expect(getEvent(db, ben.id, logged.id)).toBeUndefined();
    expect(listEvents(db, ben.id, interviewing.id)).toEqual([]);
    expect(updateEvent(db, ben.id, logged.id, { occurredAt: new Date("2026-01-01T00:00:00Z"), note: "x" })).toBeNull();
    expect(deleteEvent(db, ben.id, logged.id)).toBeNull();

    expect(rawRow(sqlite, "events", logged.id)).toEqual(row);
    expect(rawRow(sqlite, "applications", interviewing.id)).toEqual(appRow);
    expect(countRows(sqlite, "events")).toBe(1);
  });
});

describe("markThankYouSent", () => {
  it("refuses a round that hasn't started and records the time on one that has", () => {
    const id = createRound(db, ana.id, anaApp.id, roundInput({ scheduledAt: new Date("2026-11-20T10:00:00Z") }))!;
    expect(markThankYouSent(db, ana.id, id, new Date("2026-11-20T09:59:00Z"))).toEqual({ ok: false, reason: "not-started" });
    expect(getRound(db, ana.id, id)!.thankYouSentAt).toBeNull();
    const at = new Date("2026-11-20T15:30:00Z");
    expect(markThankYouSent(db, ana.id, id, at)).toEqual({ ok: true, applicationId: anaApp.id });
    expect(getRound(db, ana.id, id)!.thankYouSentAt).toEqual(at);
  });
});

describe("events move the status", () => {
  let interviewing: ApplicationView;
  const logOk = (userId: string, appId: string, input: ReturnType<typeof eventInput>) => {
    const result = logEvent(db, userId, appId, input);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
    return result.id;
  };

  beforeEach(() => {
    interviewing = app(ana.id, { status: "interviewing" });
  });

  it("an offer on an interviewing application makes it an offer, with one event", () => {
    const id = logOk(ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z", "verbal"));
    expect(statusOf(ana.id, interviewing.id)).toBe("offer");
    const events = listEvents(db, ana.id, interviewing.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id, kind: "offer_received", note: "verbal", occurredAt: new Date("2026-11-21T09:00:00Z") });
    expect(events[0]).not.toHaveProperty("userId");
    expect(events[0]).not.toHaveProperty("statusBefore");
  });

  it("a rejection on a withdrawn application is refused and writes nothing", () => {
    const withdrawn = app(ana.id, { status: "withdrawn" });
    const before = rawRow(sqlite, "applications", withdrawn.id);
    const result = logEvent(db, ana.id, withdrawn.id, eventInput("rejection_received"));
    expect(result).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(/Withdrawn/i) });
    expect(countRows(sqlite, "events")).toBe(0);
    expect(rawRow(sqlite, "applications", withdrawn.id)).toEqual(before);
  });

  it("a follow-up leaves the status alone, and so does deleting it", () => {
    const id = logOk(ana.id, interviewing.id, eventInput("follow_up_sent"));
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(deleteEvent(db, ana.id, id)).toBe(interviewing.id);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("deleting the offer puts the status back", () => {
    const id = logOk(ana.id, interviewing.id, eventInput("offer_received"));
    expect(deleteEvent(db, ana.id, id)).toBe(interviewing.id);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(listEvents(db, ana.id, interviewing.id)).toEqual([]);
  });

  it("with two offers logged, deleting either one keeps the offer", () => {
    for (const which of [0, 1]) {
      const application = app(ana.id, { status: "interviewing" });
      const ids = ["2026-11-21T09:00:00Z", "2026-11-22T09:00:00Z"].map((t) => logOk(ana.id, application.id, eventInput("offer_received", t)));
      expect(deleteEvent(db, ana.id, ids[which])).toBe(application.id);
      expect(statusOf(ana.id, application.id), `deleted offer #${which + 1}`).toBe("offer");
      expect(listEvents(db, ana.id, application.id).map((e) => e.id)).toEqual([ids[1 - which]]);
    }
  });

  it("deleting both offers, newest first, puts the status back to interviewing", () => {
    const first = logOk(ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = logOk(ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    deleteEvent(db, ana.id, second);
    deleteEvent(db, ana.id, first);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  // The order the user deletes in must not decide the status: with no offer
  // event left, "offer" is a trace of the deleted events.
  it("deleting both offers, oldest first, puts the status back to interviewing", () => {
    const first = logOk(ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = logOk(ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    deleteEvent(db, ana.id, first);
    deleteEvent(db, ana.id, second);
    expect(listEvents(db, ana.id, interviewing.id)).toEqual([]);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("updateEvent changes the time and note only", () => {
    const id = logOk(ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z", "verbal"));
    const later = new Date("2026-11-23T16:00:00Z");
    expect(updateEvent(db, ana.id, id, { occurredAt: later, note: "in writing" })).toBe(interviewing.id);
    expect(getEvent(db, ana.id, id)).toMatchObject({ id, kind: "offer_received", applicationId: interviewing.id, occurredAt: later, note: "in writing" });
    expect(updateEvent(db, ana.id, id, { occurredAt: later })).toBe(interviewing.id);
    expect(getEvent(db, ana.id, id)?.note).toBeNull();
    expect(statusOf(ana.id, interviewing.id)).toBe("offer");
  });
});

describe("updateRound", () => {
  it("replaces the fields, signals, custom signals and people; old ones are gone", () => {
    const id = createRound(db, ana.id, anaApp.id, roundInput({
      signals: ["met_team", "hiring_timeline"],
      hiringTimelineOn: "2026-12-01",
      customSignals: ["one", "two"],
      newInterviewers: [PRIYA],
      notes: "old notes",
    }))!;
    const updated = roundInput({
      kind: "technical",
      outcome: "advanced",
      durationMinutes: 45,
      signals: ["company_fit"],
      customSignals: ["three"],
      newInterviewers: [{ name: "Sam Lee" }],
    });
    expect(updateRound(db, ana.id, id, updated)).toBe(anaApp.id);
    const round = getRound(db, ana.id, id)!;
    expect(round).toMatchObject({ kind: "technical", outcome: "advanced", durationMinutes: 45, notes: null });
    expect(round.signals).toEqual([{ signal: "company_fit", onDate: null }]);
    expect(round.customSignals).toEqual(["three"]);
    expect(round.interviewers.map((p) => p.name)).toEqual(["Sam Lee"]);
    expect(countsFor(sqlite, ana.id)).toMatchObject({ round_signals: 1, custom_signals: 1, round_interviewers: 1, interviewers: 2 });
  });
});
