import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { setArchived } from "@/lib/data/applications";
import { deleteEvent, listEvents } from "@/lib/data/events";
import { getGuidanceSettings, loadGuidanceInputs, saveGuidanceSettings } from "@/lib/data/guidance-inputs";
import { actOnStep, applicationGuidance, guidanceQueue, type QueueItem } from "@/lib/data/guidance";
import { getRound } from "@/lib/data/rounds";
import { guidanceInputSchema } from "@/lib/guidance/input";
import { compareRecommendations } from "@/lib/guidance/queue";
import { fired } from "@/lib/guidance/recommend";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { makeUser } from "./support/db";
import {
  addRound,
  DAY,
  eventsOfKind,
  fromNow,
  HOUR,
  newApp,
  NOW,
  rejectedAfterRound,
  rowsOf,
  silentAfterRound,
  stepRows,
  thankYouOwed,
  type GuidanceUser,
} from "./support/guidance-data";
import { eventInput, logOk, testDbWithSqlite } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: GuidanceUser;

beforeEach(async () => {
  ({ db, sqlite } = testDbWithSqlite());
  ana = await makeUser(db, "ana@example.com");
});

const keysAt = (applicationId: string, now: Date) => applicationGuidance(db, ana, applicationId, now)!.recommendations.map((r) => r.key);
/** What the engine would say if nothing had been put aside: proves a hidden step is hidden, not gone. */
const firingKeys = (applicationId: string, now: Date) =>
  fired(loadGuidanceInputs(db, ana, { applicationId })[0], now, { includeHandled: true }).map((r) => r.key);
const thankYouKey = (roundId: string) => `send-thank-you:${roundId}`;
const rank = (p: QueueItem["priority"]) => ["high", "medium", "low"].indexOf(p);

describe("loadGuidanceInputs", () => {
  it("gathers one application's rounds, signals, people, events, handled steps and settings", () => {
    const { app, round1, round2 } = thankYouOwed(db, ana.id);
    const signalled = addRound(db, ana.id, app.id, {
      kind: "final",
      scheduledAt: fromNow(-20 * HOUR),
      durationMinutes: 90,
      noNextSteps: true,
      signals: ["met_team", "hiring_timeline"],
      hiringTimelineOn: "2026-12-01",
      newInterviewers: [{ name: "Priya Raman", email: "priya@acme.com" }, { name: "Sam Lee" }],
    });
    const followUp = logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-2 * HOUR).toISOString()));
    expect(actOnStep(db, ana, app.id, thankYouKey(signalled), { kind: "snooze", until: fromNow(3 * HOUR) }, NOW)).toEqual({ ok: true, logged: null });

    const inputs = loadGuidanceInputs(db, ana, { applicationId: app.id });
    expect(inputs).toHaveLength(1);
    const input = inputs[0];
    expect(() => guidanceInputSchema.parse(input)).not.toThrow();
    expect(input.application).toEqual({ id: app.id, company: "Acme", roleTitle: "Staff Engineer", status: "interviewing" });
    expect(input.timeZone).toBe("UTC");
    expect(input.settings).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    expect(input.rounds.map((r) => r.id).sort()).toEqual([round1, round2, signalled].sort());
    const final = input.rounds.find((r) => r.id === signalled)!;
    expect(final).toMatchObject({
      kind: "final",
      scheduledAt: fromNow(-20 * HOUR),
      durationMinutes: 90,
      outcome: "pending",
      thankYouSentAt: null,
      noNextSteps: true,
      loggedAt: getRound(db, ana.id, signalled)!.createdAt,
    });
    expect([...final.signals].sort((a, b) => a.signal.localeCompare(b.signal))).toEqual([
      { signal: "hiring_timeline", onDate: "2026-12-01" },
      { signal: "met_team", onDate: null },
    ]);
    expect(final.interviewers).toEqual([
      { name: "Priya Raman", email: "priya@acme.com" },
      { name: "Sam Lee", email: null },
    ]);
    expect(input.rounds.find((r) => r.id === round1)).toMatchObject({ thankYouSentAt: fromNow(-5 * DAY + 2 * HOUR), signals: [], interviewers: [] });
    expect(input.events).toEqual([{ id: followUp, kind: "follow_up_sent", occurredAt: fromNow(-2 * HOUR) }]);
    expect(input.handled).toEqual([{ key: thankYouKey(signalled), state: "snoozed", until: fromNow(3 * HOUR) }]);
    // The page's standing summary reads the same signals.
    expect(applicationGuidance(db, ana, app.id, NOW)!.summary).toMatchObject({ roundId: signalled, roundNumber: 3, count: 2 });
  });

  it("reads the defaults until settings are saved, then the saved values, also after a second save", () => {
    const { app } = thankYouOwed(db, ana.id);
    // A caller may change what it was handed without changing the defaults.
    const handed = getGuidanceSettings(db, ana.id);
    expect(handed).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    handed.thankYouWindowHours = 1;
    expect(getGuidanceSettings(db, ana.id)).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    const mine = { thankYouWindowHours: 12, decisionWaitDays: 10, followUpSpacingDays: 5, moveOnFollowUps: 3, prepLeadDays: 4 };
    saveGuidanceSettings(db, ana.id, mine);
    expect(getGuidanceSettings(db, ana.id)).toEqual(mine);
    expect(loadGuidanceInputs(db, ana, { applicationId: app.id })[0].settings).toEqual(mine);
    saveGuidanceSettings(db, ana.id, { ...mine, prepLeadDays: 7 });
    expect(loadGuidanceInputs(db, ana, { dashboard: true })[0].settings).toEqual({ ...mine, prepLeadDays: 7 });
    expect(sqlite.prepare("select count(*) as n from guidance_settings").get()).toEqual({ n: 1 });
  });

  it("counts other applications in play: not this one, nor archived or closed ones", () => {
    const mine = newApp(db, ana.id, { status: "interviewing" });
    const applied = newApp(db, ana.id, { company: "Globex", status: "applied" });
    const offer = newApp(db, ana.id, { company: "Initech", status: "offer" });
    const archived = newApp(db, ana.id, { company: "Archived Co", status: "interviewing" });
    setArchived(db, ana.id, archived.id, true);
    const closed = ["rejected", "accepted", "withdrawn", "ghosted", "saved"] as const;
    const byStatus = Object.fromEntries(closed.map((status) => [status, newApp(db, ana.id, { company: `Co ${status}`, status })]));
    const others = (id: string) => loadGuidanceInputs(db, ana, { applicationId: id })[0].otherActiveApplications;

    expect(others(mine.id)).toBe(2);
    expect(others(applied.id)).toBe(2);
    expect(others(offer.id)).toBe(2);
    // Not in play themselves, so all three active ones count.
    expect(others(archived.id)).toBe(3);
    expect(others(byStatus.rejected.id)).toBe(3);
    expect(others(byStatus.ghosted.id)).toBe(3);

    // The dashboard reads only applications some rule can still fire for.
    const dashboard = loadGuidanceInputs(db, ana, { dashboard: true });
    expect(dashboard.map((i) => i.application.id).sort()).toEqual([mine.id, applied.id, offer.id, byStatus.rejected.id].sort());
    expect(Object.fromEntries(dashboard.map((i) => [i.application.id, i.otherActiveApplications]))).toEqual({
      [mine.id]: 2,
      [applied.id]: 2,
      [offer.id]: 2,
      [byStatus.rejected.id]: 3,
    });
  });

  it("gives each application only its own rounds and events on the dashboard", () => {
    const owed = thankYouOwed(db, ana.id);
    const silent = silentAfterRound(db, ana.id);
    const byId = new Map(loadGuidanceInputs(db, ana, { dashboard: true }).map((i) => [i.application.id, i]));
    expect(byId.get(owed.app.id)!.rounds.map((r) => r.id).sort()).toEqual([owed.round1, owed.round2].sort());
    expect(byId.get(silent.app.id)!.rounds.map((r) => r.id)).toEqual([silent.round]);
    expect(loadGuidanceInputs(db, ana, { applicationId: "no-such-app" })).toEqual([]);
    // An empty id names no application: it must not fall back to the dashboard's.
    expect(loadGuidanceInputs(db, ana, { applicationId: "" })).toEqual([]);
    expect(applicationGuidance(db, ana, "", NOW)).toBeNull();
    expect(actOnStep(db, ana, "", thankYouKey(owed.round2), { kind: "done" }, NOW)).toEqual({ ok: false });
    expect(getRound(db, ana.id, owed.round2)!.thankYouSentAt).toBeNull();
  });
});

describe("guidanceQueue", () => {
  it("names the company and role on an overdue thank-you for a round that ended 30 hours ago", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    const thanks = guidanceQueue(db, ana, NOW).filter((i) => i.ruleId === "send-thank-you");
    expect(thanks).toHaveLength(1);
    expect(thanks[0]).toMatchObject({
      key: thankYouKey(round2),
      applicationId: app.id,
      roundId: round2,
      company: "Acme",
      roleTitle: "Staff Engineer",
      priority: "high",
      overdue: true,
      dueAt: fromNow(-6 * HOUR),
      draft: "thank-you",
    });
    expect(thanks[0].reasons[0]).toBe("Round 2 with Acme ended 30 hours ago and no thank-you is logged.");
  });

  it("orders several applications' steps overdue first, then by due time, then by priority", () => {
    thankYouOwed(db, ana.id); // thank-you due 6 hours ago
    const globex = newApp(db, ana.id, { company: "Globex" });
    addRound(db, ana.id, globex.id, { scheduledAt: fromNow(-51 * HOUR) }); // thank-you due 26 hours ago
    // Same due time, NOW + 14 h: Initech's thank-you is high, Umbrella's feedback request medium.
    // Umbrella's id sorts first, so only the priority can put Initech ahead.
    const initech = newApp(db, ana.id, { company: "Initech" }, "zzzz-initech");
    addRound(db, ana.id, initech.id, { scheduledAt: fromNow(-11 * HOUR) });
    rejectedAfterRound(db, ana.id, 34 * HOUR, {}, "aaaa-umbrella");
    // Its id sorts last too: only its high priority can put it first among the undated.
    const offer = newApp(db, ana.id, { company: "Soylent", status: "interviewing" }, "zzzz-soylent");
    logOk(db, ana.id, offer.id, eventInput("offer_received", fromNow(-DAY).toISOString()));

    const queue = guidanceQueue(db, ana, NOW);
    const dated = queue.filter((i) => i.dueAt !== null).map((i) => [i.company, i.ruleId, i.overdue]);
    expect(dated).toEqual([
      ["Globex", "send-thank-you", true],
      ["Acme", "send-thank-you", true],
      ["Initech", "send-thank-you", false],
      ["Umbrella", "request-feedback", false],
      ["Umbrella", "reflect-and-update", false],
    ]);
    // Undated steps come last, highest priority first.
    const undated = queue.slice(dated.length);
    expect(undated.every((i) => i.dueAt === null && !i.overdue)).toBe(true);
    expect(undated[0]).toMatchObject({ company: "Soylent", ruleId: "negotiate-after-offer", priority: "high" });
    expect(undated.map((i) => i.priority)).toEqual([...undated.map((i) => i.priority)].sort((a, b) => rank(a) - rank(b)));
    expect(new Set(queue.map((i) => i.company))).toEqual(new Set(["Acme", "Globex", "Initech", "Umbrella", "Soylent"]));
    for (let i = 1; i < queue.length; i++) expect(compareRecommendations(queue[i - 1], queue[i])).toBeLessThan(0);
  });

  it("follows saved settings at once: with a 48-hour window the 30-hour thank-you is not yet due", () => {
    const { round2 } = thankYouOwed(db, ana.id);
    const thanks = () => guidanceQueue(db, ana, NOW).find((i) => i.key === thankYouKey(round2));
    expect(thanks()).toMatchObject({ overdue: true, dueAt: fromNow(-6 * HOUR) });
    saveGuidanceSettings(db, ana.id, { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48 });
    expect(thanks()).toMatchObject({ overdue: false, dueAt: fromNow(18 * HOUR) });
    expect(thanks()!.detail).toContain("48 hours");
  });
});

describe("actOnStep", () => {
  it("done on a thank-you records it on the round and the step leaves the queue", () => {
    const { app, round1, round2 } = thankYouOwed(db, ana.id);
    const round1Before = sqlite.prepare("select * from rounds where id = ?").get(round1);
    expect(actOnStep(db, ana, app.id, thankYouKey(round2), { kind: "done" }, NOW)).toEqual({ ok: true, logged: "thank-you" });
    expect(getRound(db, ana.id, round2)!.thankYouSentAt).toEqual(NOW);
    expect(sqlite.prepare("select * from rounds where id = ?").get(round1)).toEqual(round1Before);
    expect(stepRows(sqlite, app.id)).toEqual([{ application_id: app.id, key: thankYouKey(round2), state: "done", until: null }]);
    expect(guidanceQueue(db, ana, NOW).map((i) => i.key)).not.toContain(thankYouKey(round2));
    expect(guidanceQueue(db, ana, fromNow(HOUR)).map((i) => i.ruleId)).not.toContain("send-thank-you");

    // A second click, later: nothing changes.
    expect(actOnStep(db, ana, app.id, thankYouKey(round2), { kind: "done" }, fromNow(2 * HOUR))).toEqual({ ok: true, logged: null });
    expect(getRound(db, ana.id, round2)!.thankYouSentAt).toEqual(NOW);
  });

  it("done on a follow-up logs it; after the spacing the next follow-up is a new step", () => {
    const { app, round } = silentAfterRound(db, ana.id);
    const first = `follow-up-after-silence:${round}:1`;
    expect(keysAt(app.id, NOW)).toContain(first);
    expect(actOnStep(db, ana, app.id, first, { kind: "done" }, NOW)).toEqual({ ok: true, logged: "follow-up" });
    expect(listEvents(db, ana.id, app.id).map((e) => [e.kind, e.occurredAt])).toEqual([["follow_up_sent", NOW]]);
    expect(stepRows(sqlite, app.id)).toEqual([{ application_id: app.id, key: first, state: "done", until: null }]);

    // Repeating it logs nothing more.
    expect(actOnStep(db, ana, app.id, first, { kind: "done" }, NOW)).toEqual({ ok: true, logged: null });
    expect(eventsOfKind(sqlite, app.id, "follow_up_sent")).toHaveLength(1);
    // Even once the logged follow-up is deleted and the same step fires again, done stays done.
    expect(deleteEvent(db, ana.id, listEvents(db, ana.id, app.id)[0].id)).toBe(app.id);
    expect(firingKeys(app.id, NOW)).toContain(first);
    expect(keysAt(app.id, NOW)).not.toContain(first);
    expect(actOnStep(db, ana, app.id, first, { kind: "done" }, NOW)).toEqual({ ok: true, logged: null });
    expect(eventsOfKind(sqlite, app.id, "follow_up_sent")).toEqual([]);
    logOk(db, ana.id, app.id, eventInput("follow_up_sent", NOW.toISOString()));

    expect(keysAt(app.id, fromNow(6 * DAY)).filter((k) => k.startsWith("follow-up"))).toEqual([]);
    const later = keysAt(app.id, fromNow(7 * DAY + HOUR)).filter((k) => k.startsWith("follow-up"));
    expect(later).toEqual([`follow-up-after-silence:${round}:2`]);
  });

  it("done on a feedback request logs feedback_requested once", () => {
    const { app, rejection } = rejectedAfterRound(db, ana.id);
    const key = `request-feedback:${rejection}`;
    expect(keysAt(app.id, NOW)).toContain(key);
    expect(actOnStep(db, ana, app.id, key, { kind: "done" }, NOW)).toEqual({ ok: true, logged: "feedback-request" });
    expect(eventsOfKind(sqlite, app.id, "feedback_requested")).toEqual([{ occurred_at: NOW.getTime() / 1000 }]);
    expect(keysAt(app.id, NOW)).not.toContain(key);
    expect(actOnStep(db, ana, app.id, key, { kind: "done" }, fromNow(HOUR))).toEqual({ ok: true, logged: null });
    expect(eventsOfKind(sqlite, app.id, "feedback_requested")).toHaveLength(1);
    expect(listEvents(db, ana.id, app.id)).toHaveLength(2);
  });

  it("snooze hides a step until its time, then it comes back; nothing is logged", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    const key = thankYouKey(round2);
    const until = fromNow(2 * HOUR);
    expect(actOnStep(db, ana, app.id, key, { kind: "snooze", until }, NOW)).toEqual({ ok: true, logged: null });
    expect(stepRows(sqlite, app.id)).toEqual([{ application_id: app.id, key, state: "snoozed", until: until.getTime() / 1000 }]);
    for (const now of [NOW, fromNow(HOUR), fromNow(2 * HOUR - 1000)]) {
      expect(firingKeys(app.id, now)).toContain(key);
      expect(guidanceQueue(db, ana, now).map((i) => i.key)).not.toContain(key);
    }
    expect(guidanceQueue(db, ana, until).map((i) => i.key)).toContain(key);
    expect(guidanceQueue(db, ana, fromNow(3 * HOUR)).find((i) => i.key === key)).toMatchObject({ overdue: true });
    expect(getRound(db, ana.id, round2)!.thankYouSentAt).toBeNull();
  });

  it("dismiss hides a step for good, and done after it still logs", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    const key = thankYouKey(round2);
    expect(actOnStep(db, ana, app.id, key, { kind: "dismiss" }, NOW)).toEqual({ ok: true, logged: null });
    for (const now of [NOW, fromNow(DAY), fromNow(4 * DAY)]) {
      expect(firingKeys(app.id, now)).toContain(key);
      expect(keysAt(app.id, now)).not.toContain(key);
    }
    expect(getRound(db, ana.id, round2)!.thankYouSentAt).toBeNull();
    expect(stepRows(sqlite, app.id)).toEqual([{ application_id: app.id, key, state: "dismissed", until: null }]);
    expect(actOnStep(db, ana, app.id, key, { kind: "done" }, fromNow(HOUR))).toEqual({ ok: true, logged: "thank-you" });
    expect(getRound(db, ana.id, round2)!.thankYouSentAt).toEqual(fromNow(HOUR));
  });

  it("refuses a key the engine does not give, and writes nothing", () => {
    const { app, round1, round2 } = thankYouOwed(db, ana.id);
    const before = rowsOf(sqlite, ana.id);
    // Round 1 was thanked already, and no follow-up is due yet.
    for (const key of ["send-thank-you:nope", thankYouKey(round1), `follow-up-after-silence:${round2}:1`, ""]) {
      expect(actOnStep(db, ana, app.id, key, { kind: "done" }, NOW), key).toEqual({ ok: false });
      expect(actOnStep(db, ana, app.id, key, { kind: "dismiss" }, NOW), key).toEqual({ ok: false });
    }
    expect(rowsOf(sqlite, ana.id)).toEqual(before);
  });
});
