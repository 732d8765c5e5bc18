import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { createApplication, getApplication, updateApplication, type ApplicationView } from "@/lib/data/applications";
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

  it("keeps the time of a thank-you already logged; a second click changes nothing", () => {
    const first = new Date("2026-11-20T15:30:00Z");
    const id = createRound(db, ana.id, anaApp.id, roundInput())!;
    expect(markThankYouSent(db, ana.id, id, first)).toEqual({ ok: true, applicationId: anaApp.id });
    expect(markThankYouSent(db, ana.id, id, new Date("2026-11-21T08:00:00Z"))).toEqual({ ok: true, applicationId: anaApp.id });
    expect(getRound(db, ana.id, id)!.thankYouSentAt).toEqual(first);
    // Also when the time came in through the round form.
    const typed = new Date("2026-11-20T11:00:00Z");
    const logged = createRound(db, ana.id, anaApp.id, roundInput({ thankYouSentAt: typed }))!;
    expect(markThankYouSent(db, ana.id, logged, new Date("2026-11-22T09:00:00Z")).ok).toBe(true);
    expect(rawRow(sqlite, "rounds", logged)).toMatchObject({ thank_you_sent_at: typed.getTime() / 1000 });
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
    // Priya was only in this round, so her contact goes with her.
    expect(countsFor(sqlite, ana.id)).toMatchObject({ round_signals: 1, custom_signals: 1, round_interviewers: 1, interviewers: 1 });
    expect(interviewersMetFor(db, ana.id, anaApp.id).map((p) => p.name)).toEqual(["Sam Lee"]);
  });
});

describe("deleteRound and the status", () => {
  it("deleting the last round puts screening or interviewing back to applied", () => {
    const screen = createRound(db, ana.id, anaApp.id, roundInput({ kind: "screen" }))!;
    expect(statusOf(ana.id, anaApp.id)).toBe("screening");
    expect(deleteRound(db, ana.id, screen)).toBe(anaApp.id);
    expect(statusOf(ana.id, anaApp.id)).toBe("applied");

    const other = app(ana.id, { company: "Initech" });
    const first = createRound(db, ana.id, other.id, roundInput({ kind: "first" }))!;
    const second = createRound(db, ana.id, other.id, roundInput({ kind: "second", scheduledAt: new Date("2026-11-22T10:00:00Z") }))!;
    expect(deleteRound(db, ana.id, second)).toBe(other.id);
    expect(statusOf(ana.id, other.id)).toBe("interviewing"); // a round remains
    expect(deleteRound(db, ana.id, first)).toBe(other.id);
    expect(statusOf(ana.id, other.id)).toBe("applied");
  });

  it("leaves every other status alone, and so does a refused delete", () => {
    for (const status of ["saved", "applied", "offer", "accepted", "rejected", "withdrawn", "ghosted"] as const) {
      const application = app(ana.id, { company: `Co ${status}` });
      const id = createRound(db, ana.id, application.id, roundInput())!;
      updateApplication(db, ana.id, application.id, { company: `Co ${status}`, roleTitle: "Engineer", status });
      expect(deleteRound(db, ana.id, id), status).toBe(application.id);
      expect(statusOf(ana.id, application.id), status).toBe(status);
    }
    const anaRound = createRound(db, ana.id, anaApp.id, roundInput())!;
    expect(deleteRound(db, ben.id, anaRound)).toBeNull();
    expect(statusOf(ana.id, anaApp.id)).toBe("interviewing");
  });

  it("another user's last round does not move one's own application", () => {
    createRound(db, ana.id, anaApp.id, roundInput());
    const benRound = createRound(db, ben.id, benApp.id, roundInput())!;
    deleteRound(db, ben.id, benRound);
    expect(statusOf(ben.id, benApp.id)).toBe("applied");
    expect(statusOf(ana.id, anaApp.id)).toBe("interviewing");
  });
});
