import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { setArchived } from "@/lib/data/applications";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { getGuidanceSettings, saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { actOnStep, applicationGuidance, guidanceQueue, type QueueItem } from "@/lib/data/guidance";
import { getRound } from "@/lib/data/rounds";
import { getEvent } from "@/lib/data/events";
import { guidanceInputSchema } from "@/lib/guidance/input";
import { compareRecommendations } from "@/lib/guidance/queue";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { makeUser } from "./support/db";
import {
  addRound,
  DAY,
  fromNow,
  HOUR,
  newApp,
  NOW,
  rejectedAfterRound,
  silentAfterRound,
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

/** What the engine would say if nothing had been put aside: proves a hidden step is hidden, not gone. */
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
      newInterviewers: [{ name: "Priya Raman", email: "priya@acme.com" }, { name: "Sam Lee" }] });
    const followUp = logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-2 * HOUR).toISOString()));
    expect(actOnStep(db, ana, app.id, thankYouKey(signalled), { kind: "snooze", until: fromNow(3 * HOUR) }, NOW)).toEqual({
      ok: true,
      state: "snoozed",
      logged: null });

    const inputs = loadGuidanceInputs(db, ana, { applicationId: app.id });
    expect(inputs).toHaveLength(1);
    const input = inputs[0];
    expect(() => guidanceInputSchema.parse(input)).not.toThrow();
    // Typed in, not imported: it reached Shortlist when it was created.
    const created = sqlite.prepare("select created_at as t from applications where id = ?").get(app.id) as { t: number };
    expect(input.application).toEqual({ id: app.id, company: "Acme", roleTitle: "Staff Engineer", status: "interviewing", appliedOn: null, loggedAt: new Date(created.t * 1000) });
    expect(input.timeZone).toBe("UTC");
    expect(input.settings).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    expect(input.rounds.map((r) => r.id)).toEqual([round1, round2, signalled]);
    const final = input.rounds.find((r) => r.id === signalled)!;
    expect(final).toMatchObject({
      kind: "final",
      scheduledAt: fromNow(-20 * HOUR),
      durationMinutes: 90,
      outcome: "pending",
      thankYouSentAt: null,
      noNextSteps: true,
      loggedAt: getRound(db, ana.id, signalled)!.createdAt });
    expect([...final.signals].sort((a, b) => a.signal.localeCompare(b.signal))).toEqual([
      { signal: "hiring_timeline", onDate: "2026-12-01" },
      { signal: "met_team", onDate: null },
    ]);
    expect(final.interviewers).toEqual([
      { name: "Priya Raman", email: "priya@acme.com" },
      { name: "Sam Lee", email: null },
    ]);
    expect(input.rounds.find((r) => r.id === round1)).toMatchObject({ thankYouSentAt: fromNow(-5 * DAY + 2 * HOUR), signals: [], interviewers: [] });
    expect(input.events).toEqual([{ id: followUp, kind: "follow_up_sent", occurredAt: fromNow(-2 * HOUR), loggedAt: getEvent(db, ana.id, followUp)!.createdAt }]);
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
    const mine = { thankYouWindowHours: 12, decisionWaitDays: 10, followUpSpacingDays: 5, moveOnFollowUps: 3, prepLeadDays: 4, applicationFollowUpDays: 11 };
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
      [byStatus.rejected.id]: 3 });
  });

  it("gives each application only its own rounds and events on the dashboard", () => {
    const owed = thankYouOwed(db, ana.id);
    const silent = silentAfterRound(db, ana.id);
    const byId = new Map(loadGuidanceInputs(db, ana, { dashboard: true }).map((i) => [i.application.id, i]));
    expect(byId.get(owed.app.id)!.rounds.map((r) => r.id)).toEqual([owed.round1, owed.round2]);
    expect(byId.get(silent.app.id)!.rounds.map((r) => r.id)).toEqual([silent.round]);
    expect(loadGuidanceInputs(db, ana, { applicationId: "no-such-app" })).toEqual([]);
    // An empty id names no application: it must not fall back to the dashboard's.
    expect(loadGuidanceInputs(db, ana, { applicationId: "" })).toEqual([]);
    expect(applicationGuidance(db, ana, "", NOW)).toBeNull();
    expect(actOnStep(db, ana, "", thankYouKey(owed.round2), { kind: "done" }, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(actOnStep(db, ana, "no-such-app", thankYouKey(owed.round2), { kind: "done" }, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(getRound(db, ana.id, owed.round2)!.thankYouSentAt).toBeNull();
  });
});

describe("loadGuidanceInputs scopes agree", () => {
  it("reads the same signals and people, in the same order, for the dashboard as for each application alone", async () => {
    const ben = await makeUser(db, "ben@example.com");
    const people = [{ name: "Priya Raman", email: "priya@acme.com" }, { name: "Sam Lee" }, { name: "Ada Obi", email: "ada@acme.com" }];
    for (const user of [ana, ben]) {
      for (const company of ["Acme", "Globex"]) {
        const app = newApp(db, user.id, { company, status: "interviewing" });
        addRound(db, user.id, app.id, { kind: "first", scheduledAt: fromNow(-9 * DAY), signals: ["met_team"], newInterviewers: people.slice(0, 2) });
        addRound(db, user.id, app.id, {
          kind: "second",
          scheduledAt: fromNow(-2 * DAY),
          signals: ["long_term_discussion", "hiring_timeline", "role_skills"],
          hiringTimelineOn: "2026-12-04",
          newInterviewers: [...people].reverse(),
        });
      }
    }
    const dashboard = loadGuidanceInputs(db, ana, { dashboard: true });
    expect(dashboard).toHaveLength(2);
    for (const input of dashboard) {
      const alone = loadGuidanceInputs(db, ana, { applicationId: input.application.id })[0];
      expect(input).toEqual(alone);
      expect(input.rounds[1].interviewers.map((p) => p.name)).toEqual(["Ada Obi", "Sam Lee", "Priya Raman"]);
      expect(input.rounds[1].signals.map((s) => s.signal).sort()).toEqual(["hiring_timeline", "long_term_discussion", "role_skills"]);
    }
  });
});

describe("loadGuidanceInputs order", () => {
  const setRound = (id: string, fields: { created_at?: number; id?: string }) => {
    for (const [column, value] of Object.entries(fields)) sqlite.prepare(`update rounds set ${column} = ? where id = ?`).run(value, id);
  };

  it("hands rounds over in timeline order (start, then logging, then id) and events by time then id, in both scopes", () => {
    const app = newApp(db, ana.id, { company: "Acme" });
    // Logged out of order on purpose.
    const last = addRound(db, ana.id, app.id, { scheduledAt: fromNow(-2 * DAY) });
    const first = addRound(db, ana.id, app.id, { scheduledAt: fromNow(-10 * DAY) });
    // Same start: the one logged earlier comes first, whichever was written first.
    const loggedLater = addRound(db, ana.id, app.id, { scheduledAt: fromNow(-5 * DAY) });
    const loggedSooner = addRound(db, ana.id, app.id, { scheduledAt: fromNow(-5 * DAY) });
    setRound(loggedLater, { created_at: 2_000_000_000 });
    setRound(loggedSooner, { created_at: 1_900_000_000 });
    // Same start and logging time: the id decides.
    const z = addRound(db, ana.id, app.id, { scheduledAt: fromNow(-4 * DAY) });
    const a = addRound(db, ana.id, app.id, { scheduledAt: fromNow(-4 * DAY) });
    setRound(z, { created_at: 1_900_000_000, id: "round-z" });
    setRound(a, { created_at: 1_900_000_000, id: "round-a" });

    const late = logOk(db, ana.id, app.id, eventInput("response_received", fromNow(-DAY).toISOString()));
    const early = logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-8 * DAY).toISOString()));
    const tieZ = logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-3 * DAY).toISOString()));
    const tieA = logOk(db, ana.id, app.id, eventInput("response_received", fromNow(-3 * DAY).toISOString()));
    sqlite.prepare("update events set id = ? where id = ?").run("event-z", tieZ);
    sqlite.prepare("update events set id = ? where id = ?").run("event-a", tieA);

    const roundIds = [first, loggedSooner, loggedLater, "round-a", "round-z", last];
    const eventIds = [early, "event-a", "event-z", late];
    for (const input of [loadGuidanceInputs(db, ana, { applicationId: app.id })[0], loadGuidanceInputs(db, ana, { dashboard: true })[0]]) {
      expect(input.rounds.map((r) => r.id)).toEqual(roundIds);
      expect(input.events.map((e) => e.id)).toEqual(eventIds);
    }
    // The engine numbers the rounds in the same order: the last is round 6.
    expect(applicationGuidance(db, ana, app.id, NOW)!.summary).toMatchObject({ roundId: last, roundNumber: 6 });
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
      // Past its window: still worth sending, no longer among the day's most urgent.
      priority: "medium",
      overdue: true,
      dueAt: fromNow(-6 * HOUR),
      draft: "thank-you" });
    expect(thanks[0].reasons[0]).toBe("Your second interview with Acme on Tue 24 Nov ended 30 hours ago and no thank-you is logged.");
  });

  it("orders several applications' steps overdue first, then by due time, then by priority", () => {
    thankYouOwed(db, ana.id); // thank-you due 6 hours ago
    const globex = newApp(db, ana.id, { company: "Globex" });
    addRound(db, ana.id, globex.id, { scheduledAt: fromNow(-51 * HOUR) }); // thank-you due 26 hours ago
    // Initech's thank-you falls due at NOW + 14 h.
    const initech = newApp(db, ana.id, { company: "Initech" }, "zzzz-initech");
    addRound(db, ana.id, initech.id, { scheduledAt: fromNow(-11 * HOUR) });
    // Same due time, 09:00 today (NOW - 3 h): Soylent's offer (high) and Umbrella's feedback
    // request (medium, two days after Monday's rejection). Umbrella's id sorts first, so only
    // the priority can put Soylent ahead.
    rejectedAfterRound(db, ana.id, 50 * HOUR, {}, "aaaa-umbrella"); // Mon 23 Nov, 10:00
    const offer = newApp(db, ana.id, { company: "Soylent", status: "interviewing" }, "zzzz-soylent");
    logOk(db, ana.id, offer.id, eventInput("offer_received", fromNow(-DAY).toISOString()));

    const queue = guidanceQueue(db, ana, NOW);
    const dated = queue.filter((i) => i.dueAt !== null).map((i) => [i.company, i.ruleId, i.overdue]);
    expect(dated).toEqual([
      ["Globex", "send-thank-you", true],
      ["Acme", "send-thank-you", true],
      ["Soylent", "negotiate-after-offer", true],
      ["Umbrella", "request-feedback", true],
      ["Initech", "send-thank-you", false],
      ["Umbrella", "reflect-and-update", false],
    ]);
    // Advice, with no due time, comes last, highest priority first.
    const undated = queue.slice(dated.length);
    expect(undated.length).toBeGreaterThan(0);
    expect(undated.every((i) => i.dueAt === null && !i.overdue && i.kind === "advice")).toBe(true);
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
