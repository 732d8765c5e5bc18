import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { rounds } from "@/db/schema";
import { createApplication, getApplication, updateApplication, type ApplicationView } from "@/lib/data/applications";
import { deleteEvent, getEvent, listEvents, logEvent, updateEvent } from "@/lib/data/events";
import { interviewersMetFor } from "@/lib/data/interviewers";
import { createRound, deleteRound, getRound, listRounds, markThankYouSent, updateRound } from "@/lib/data/rounds";
import type { ApplicationInput } from "@/lib/validation/application";
import { makeUser, testDb } from "./support/db";
import { countRows, countsFor, eventInput, rawRow, roundInput } from "./support/rounds";

let db: Db;
let ana: { id: string };
let ben: { id: string };
let anaApp: ApplicationView;
let benApp: ApplicationView;

const app = (userId: string, over: Partial<ApplicationInput> = {}) =>
  createApplication(db, { userId, input: { company: "Acme", roleTitle: "Engineer", status: "applied", ...over } });
const statusOf = async (userId: string, id: string) => (await getApplication(db, { userId, id }))?.status;
const PRIYA = { name: "Priya Raman", title: "Engineering Manager", email: "priya@acme.com" };

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
  anaApp = await app(ana.id);
  benApp = await app(ben.id, { company: "Globex" });
});

describe("createRound", () => {
  it("stores signals with the decision date, custom signals in order, and new people", async () => {
    const id = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput({
      signals: ["met_team", "hiring_timeline"],
      hiringTimelineOn: "2026-12-01",
      customSignals: ["zebra print slides", "asked about on-call", "mentioned a reorg"],
      newInterviewers: [PRIYA, { name: "Sam Lee" }],
    }) }))!;
    expect(id).toEqual(expect.any(String));
    const round = (await getRound(db, { userId: ana.id, id }))!;
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
    expect(await listRounds(db, { userId: ana.id, applicationId: anaApp.id })).toEqual([round]);
  });

  it("reuses a contact typed again with other letter case, and links picked people", async () => {
    const first = (await createRound(db, {
      userId: ana.id,
      applicationId: anaApp.id,
      input: roundInput({ newInterviewers: [PRIYA, { name: "Sam Lee" }] }),
    }))!;
    const [priya, sam] = (await getRound(db, { userId: ana.id, id: first }))!.interviewers;
    const second = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput({
      kind: "second",
      scheduledAt: new Date("2026-11-22T10:00:00Z"),
      interviewerIds: [sam.id, priya.id],
      newInterviewers: [{ name: "priya raman", email: "priya@acme.com" }, { name: "Jo Park" }],
    }) }))!;
    expect((await getRound(db, { userId: ana.id, id: second }))!.interviewers.map((p) => p.id)).toEqual([sam.id, priya.id, expect.any(String)]);
    expect(await countRows(db, "interviewers", ana.id)).toBe(3);
    // The contact keeps its name and title as first written.
    expect((await getRound(db, { userId: ana.id, id: second }))!.interviewers[1]).toEqual({ ...PRIYA, id: priya.id });
    expect((await interviewersMetFor(db, { userId: ana.id, applicationId: anaApp.id })).map((p) => p.name)).toEqual(["Jo Park", "Priya Raman", "Sam Lee"]);
  });

  it("moves applied to interviewing, or to screening for a screen", async () => {
    await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput({ kind: "first" }) });
    expect(await statusOf(ana.id, anaApp.id)).toBe("interviewing");
    const other = await app(ana.id, { company: "Initech" });
    await createRound(db, { userId: ana.id, applicationId: other.id, input: roundInput({ kind: "screen" }) });
    expect(await statusOf(ana.id, other.id)).toBe("screening");
    const offered = await app(ana.id, { status: "offer" });
    await createRound(db, { userId: ana.id, applicationId: offered.id, input: roundInput({ kind: "final" }) });
    expect(await statusOf(ana.id, offered.id)).toBe("offer");
  });

  it("writes the round, its details and the status move together or not at all", async () => {
    // The same signal twice breaks the signals' primary key after the round row is in.
    const broken = roundInput({ signals: ["met_team", "met_team"], newInterviewers: [PRIYA] });
    await expect(createRound(db, { userId: ana.id, applicationId: anaApp.id, input: broken })).rejects.toThrow();
    expect(await countsFor(db, ana.id)).toMatchObject({ rounds: 0, round_signals: 0, interviewers: 0 });
    expect(await statusOf(ana.id, anaApp.id)).toBe("applied");
  });
});

describe("another user's rounds", () => {
  let anaRound: string;
  let priyaId: string;

  beforeEach(async () => {
    anaRound = (await createRound(db, {
      userId: ana.id,
      applicationId: anaApp.id,
      input: roundInput({ signals: ["met_team"], customSignals: ["hi"], newInterviewers: [PRIYA] }),
    }))!;
    priyaId = (await getRound(db, { userId: ana.id, id: anaRound }))!.interviewers[0].id;
  });

  it("cannot be created on someone else's application", async () => {
    expect(await createRound(db, { userId: ben.id, applicationId: anaApp.id, input: roundInput({ newInterviewers: [{ name: "Mallory" }] }) })).toBeNull();
    expect(await countRows(db, "rounds")).toBe(1);
    expect(await countRows(db, "interviewers")).toBe(1);
    expect(await statusOf(ana.id, anaApp.id)).toBe("interviewing");
  });

  it("cannot link someone else's contact, even on one's own application", async () => {
    const before = await countsFor(db, ana.id);
    const result = await createRound(db, {
      userId: ben.id,
      applicationId: benApp.id,
      input: roundInput({ interviewerIds: [priyaId], newInterviewers: [{ name: "Ben's pal" }] }),
    });
    expect(result).toBeNull();
    expect(await countsFor(db, ben.id)).toEqual({ rounds: 0, round_signals: 0, custom_signals: 0, round_interviewers: 0, interviewers: 0, events: 0 });
    expect(await countsFor(db, ana.id)).toEqual(before);
    expect(await statusOf(ben.id, benApp.id)).toBe("applied");
    // Nor on an update of one's own round.
    const benRound = (await createRound(db, { userId: ben.id, applicationId: benApp.id, input: roundInput() }))!;
    expect(await updateRound(db, { userId: ben.id, id: benRound, input: roundInput({ interviewerIds: [priyaId] }) })).toBeNull();
    expect(await countRows(db, "round_interviewers", ben.id)).toBe(0);
  });

  it("cannot be read, listed, changed, deleted or thanked for", async () => {
    const row = await rawRow(db, "rounds", anaRound);
    const view = await getRound(db, { userId: ana.id, id: anaRound });
    expect(await getRound(db, { userId: ben.id, id: anaRound })).toBeUndefined();
    expect(await listRounds(db, { userId: ben.id, applicationId: anaApp.id })).toEqual([]);
    expect(await interviewersMetFor(db, { userId: ben.id, applicationId: anaApp.id })).toEqual([]);
    expect(await updateRound(db, { userId: ben.id, id: anaRound, input: roundInput({ kind: "final", notes: "hijacked" }) })).toBeNull();
    expect(await deleteRound(db, { userId: ben.id, id: anaRound })).toBeNull();
    expect(await markThankYouSent(db, { userId: ben.id, id: anaRound, at: new Date("2026-11-21T00:00:00Z") })).toEqual({ ok: false, reason: "not-found" });
    expect(await rawRow(db, "rounds", anaRound)).toEqual(row);
    expect(await getRound(db, { userId: ana.id, id: anaRound })).toEqual(view);
  });
});

describe("another user's events", () => {
  it("cannot be logged, read, listed, changed or deleted", async () => {
    const interviewing = await app(ana.id, { status: "interviewing" });
    const logged = await logEvent(db, { userId: ana.id, applicationId: interviewing.id, input: eventInput("offer_received", undefined, "verbal") });
    if (!logged.ok) throw new Error("setup failed");
    const row = await rawRow(db, "events", logged.id);
    const appRow = await rawRow(db, "applications", interviewing.id);

    expect(await logEvent(db, { userId: ben.id, applicationId: interviewing.id, input: eventInput("rejection_received") })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await getEvent(db, { userId: ben.id, id: logged.id })).toBeUndefined();
    expect(await listEvents(db, { userId: ben.id, applicationId: interviewing.id })).toEqual([]);
    expect(await updateEvent(db, { userId: ben.id, id: logged.id, input: { occurredAt: new Date("2026-01-01T00:00:00Z"), note: "x" } })).toBeNull();
    expect(await deleteEvent(db, { userId: ben.id, id: logged.id })).toBeNull();

    expect(await rawRow(db, "events", logged.id)).toEqual(row);
    expect(await rawRow(db, "applications", interviewing.id)).toEqual(appRow);
    expect(await countRows(db, "events")).toBe(1);
  });
});

describe("markThankYouSent", () => {
  it("refuses a round that hasn't started and records the time on one that has", async () => {
    const scheduledAt = new Date("2026-11-20T10:00:00Z");
    const id = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput({ scheduledAt }) }))!;
    expect(await markThankYouSent(db, { userId: ana.id, id, at: new Date("2026-11-20T09:59:00Z") })).toEqual({ ok: false, reason: "not-started" });
    expect((await getRound(db, { userId: ana.id, id }))!.thankYouSentAt).toBeNull();
    const at = new Date("2026-11-20T15:30:00Z");
    expect(await markThankYouSent(db, { userId: ana.id, id, at })).toEqual({ ok: true, applicationId: anaApp.id });
    expect((await getRound(db, { userId: ana.id, id }))!.thankYouSentAt).toEqual(at);
  });

  it("keeps the time of a thank-you already logged; a second click changes nothing", async () => {
    const first = new Date("2026-11-20T15:30:00Z");
    const id = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput() }))!;
    expect(await markThankYouSent(db, { userId: ana.id, id, at: first })).toEqual({ ok: true, applicationId: anaApp.id });
    expect(await markThankYouSent(db, { userId: ana.id, id, at: new Date("2026-11-21T08:00:00Z") })).toEqual({ ok: true, applicationId: anaApp.id });
    expect((await getRound(db, { userId: ana.id, id }))!.thankYouSentAt).toEqual(first);
    // Also when the time came in through the round form.
    const typed = new Date("2026-11-20T11:00:00Z");
    const logged = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput({ thankYouSentAt: typed }) }))!;
    expect((await markThankYouSent(db, { userId: ana.id, id: logged, at: new Date("2026-11-22T09:00:00Z") })).ok).toBe(true);
    expect(await db.select({ at: rounds.thankYouSentAt }).from(rounds).where(eq(rounds.id, logged))).toEqual([{ at: typed }]);
  });
});

describe("updateRound", () => {
  it("replaces the fields, signals, custom signals and people; old ones are gone", async () => {
    const id = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput({
      signals: ["met_team", "hiring_timeline"],
      hiringTimelineOn: "2026-12-01",
      customSignals: ["one", "two"],
      newInterviewers: [PRIYA],
      notes: "old notes",
    }) }))!;
    const updated = roundInput({
      kind: "technical",
      outcome: "advanced",
      durationMinutes: 45,
      signals: ["company_fit"],
      customSignals: ["three"],
      newInterviewers: [{ name: "Sam Lee" }],
    });
    expect(await updateRound(db, { userId: ana.id, id, input: updated })).toBe(anaApp.id);
    const round = (await getRound(db, { userId: ana.id, id }))!;
    expect(round).toMatchObject({ kind: "technical", outcome: "advanced", durationMinutes: 45, notes: null });
    expect(round.signals).toEqual([{ signal: "company_fit", onDate: null }]);
    expect(round.customSignals).toEqual(["three"]);
    expect(round.interviewers.map((p) => p.name)).toEqual(["Sam Lee"]);
    // Priya was only in this round, so her contact goes with her.
    expect(await countsFor(db, ana.id)).toMatchObject({ round_signals: 1, custom_signals: 1, round_interviewers: 1, interviewers: 1 });
    expect((await interviewersMetFor(db, { userId: ana.id, applicationId: anaApp.id })).map((p) => p.name)).toEqual(["Sam Lee"]);
  });
});

describe("deleteRound and the status", () => {
  it("deleting the last round puts screening or interviewing back to applied", async () => {
    const screen = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput({ kind: "screen" }) }))!;
    expect(await statusOf(ana.id, anaApp.id)).toBe("screening");
    expect(await deleteRound(db, { userId: ana.id, id: screen })).toBe(anaApp.id);
    expect(await statusOf(ana.id, anaApp.id)).toBe("applied");

    const other = await app(ana.id, { company: "Initech" });
    const first = (await createRound(db, { userId: ana.id, applicationId: other.id, input: roundInput({ kind: "first" }) }))!;
    const second = (await createRound(db, {
      userId: ana.id,
      applicationId: other.id,
      input: roundInput({ kind: "second", scheduledAt: new Date("2026-11-22T10:00:00Z") }),
    }))!;
    expect(await deleteRound(db, { userId: ana.id, id: second })).toBe(other.id);
    expect(await statusOf(ana.id, other.id)).toBe("interviewing"); // a round remains
    expect(await deleteRound(db, { userId: ana.id, id: first })).toBe(other.id);
    expect(await statusOf(ana.id, other.id)).toBe("applied");
  });

  it("leaves every other status alone, and so does a refused delete", async () => {
    for (const status of ["saved", "applied", "offer", "accepted", "rejected", "withdrawn", "ghosted"] as const) {
      const application = await app(ana.id, { company: `Co ${status}` });
      const id = (await createRound(db, { userId: ana.id, applicationId: application.id, input: roundInput() }))!;
      await updateApplication(db, { userId: ana.id, id: application.id, input: { company: `Co ${status}`, roleTitle: "Engineer", status } });
      expect(await deleteRound(db, { userId: ana.id, id }), status).toBe(application.id);
      expect(await statusOf(ana.id, application.id), status).toBe(status);
    }
    const anaRound = (await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput() }))!;
    expect(await deleteRound(db, { userId: ben.id, id: anaRound })).toBeNull();
    expect(await statusOf(ana.id, anaApp.id)).toBe("interviewing");
  });

  it("another user's last round does not move one's own application", async () => {
    await createRound(db, { userId: ana.id, applicationId: anaApp.id, input: roundInput() });
    const benRound = (await createRound(db, { userId: ben.id, applicationId: benApp.id, input: roundInput() }))!;
    await deleteRound(db, { userId: ben.id, id: benRound });
    expect(await statusOf(ben.id, benApp.id)).toBe("applied");
    expect(await statusOf(ana.id, anaApp.id)).toBe("interviewing");
  });
});
