import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { applications, rounds } from "@/db/schema";
import { setArchived } from "@/lib/data/applications";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { getGuidanceSettings, saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { actOnStep, applicationGuidance, guidanceQueue, type QueueItem } from "@/lib/data/guidance";
import { getRound } from "@/lib/data/rounds";
import { getEvent } from "@/lib/data/events";
import { guidanceInputSchema } from "@/lib/guidance/input";
import { compareRecommendations } from "@/lib/guidance/queue";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { makeUser, testDb } from "./support/db";
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
import { eventInput, logOk } from "./support/rounds";
import { rawGet, rawRun } from "./support/raw-sql";

let db: Db;
let ana: GuidanceUser;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
});

/** What the engine would say if nothing had been put aside: proves a hidden step is hidden, not gone. */
const thankYouKey = (roundId: string) => `send-thank-you:${roundId}`;
const rank = (p: QueueItem["priority"]) => ["high", "medium", "low"].indexOf(p);

describe("loadGuidanceInputs", () => {
  it("gathers one application's rounds, signals, people, events, handled steps and settings", async () => {
    const { app, round1, round2 } = await thankYouOwed(db, ana.id);
    const signalled = await addRound(db, ana.id, app.id, {
      kind: "final",
      scheduledAt: fromNow(-20 * HOUR),
      durationMinutes: 90,
      noNextSteps: true,
      signals: ["met_team", "hiring_timeline"],
      hiringTimelineOn: "2026-12-01",
      newInterviewers: [{ name: "Priya Raman", email: "priya@acme.com" }, { name: "Sam Lee" }] });
    const followUp = await logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-2 * HOUR).toISOString()));
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key: thankYouKey(signalled), action: { kind: "snooze", until: fromNow(3 * HOUR) }, now: NOW })).toEqual({
      ok: true,
      state: "snoozed",
      logged: null });

    const inputs = await loadGuidanceInputs(db, { user: ana, scope: { applicationId: app.id } });
    expect(inputs).toHaveLength(1);
    const input = inputs[0];
    expect(() => guidanceInputSchema.parse(input)).not.toThrow();
    // Typed in, not imported: it reached Shortlist when it was created.
    const [created] = await db.select({ at: applications.createdAt }).from(applications).where(eq(applications.id, app.id));
    expect(input.application).toEqual({ id: app.id, company: "Acme", roleTitle: "Staff Engineer", status: "interviewing", appliedOn: null, loggedAt: created.at });
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
      loggedAt: (await getRound(db, { userId: ana.id, id: signalled }))!.createdAt });
    expect([...final.signals].sort((a, b) => a.signal.localeCompare(b.signal))).toEqual([
      { signal: "hiring_timeline", onDate: "2026-12-01" },
      { signal: "met_team", onDate: null },
    ]);
    expect(final.interviewers).toEqual([
      { name: "Priya Raman", email: "priya@acme.com" },
      { name: "Sam Lee", email: null },
    ]);
    expect(input.rounds.find((r) => r.id === round1)).toMatchObject({ thankYouSentAt: fromNow(-5 * DAY + 2 * HOUR), signals: [], interviewers: [] });
    expect(input.events).toEqual([{ id: followUp, kind: "follow_up_sent", occurredAt: fromNow(-2 * HOUR), loggedAt: (await getEvent(db, { userId: ana.id, id: followUp }))!.createdAt }]);
    expect(input.handled).toEqual([{ key: thankYouKey(signalled), state: "snoozed", until: fromNow(3 * HOUR) }]);
    // The page's standing summary reads the same signals.
    expect((await applicationGuidance(db, { user: ana, applicationId: app.id, now: NOW }))!.summary).toMatchObject({ roundId: signalled, roundNumber: 3, count: 2 });
  });

  it("reads the defaults until settings are saved, then the saved values, also after a second save", async () => {
    const { app } = await thankYouOwed(db, ana.id);
    // A caller may change what it was handed without changing the defaults.
    const handed = await getGuidanceSettings(db, { userId: ana.id });
    expect(handed).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    handed.thankYouWindowHours = 1;
    expect(await getGuidanceSettings(db, { userId: ana.id })).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    const mine = { thankYouWindowHours: 12, decisionWaitDays: 10, followUpSpacingDays: 5, moveOnFollowUps: 3, prepLeadDays: 4, applicationFollowUpDays: 11 };
    await saveGuidanceSettings(db, { userId: ana.id, settings: mine });
    expect(await getGuidanceSettings(db, { userId: ana.id })).toEqual(mine);
    expect((await loadGuidanceInputs(db, { user: ana, scope: { applicationId: app.id } }))[0].settings).toEqual(mine);
    await saveGuidanceSettings(db, { userId: ana.id, settings: { ...mine, prepLeadDays: 7 } });
    expect((await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true } }))[0].settings).toEqual({ ...mine, prepLeadDays: 7 });
    expect(await rawGet(db, sql`select cast(count(*) as integer) as n from guidance_settings`)).toEqual({ n: 1 });
  });

  it("counts other applications in play: not this one, nor archived or closed ones", async () => {
    const mine = await newApp(db, ana.id, { status: "interviewing" });
    const applied = await newApp(db, ana.id, { company: "Globex", status: "applied" });
    const offer = await newApp(db, ana.id, { company: "Initech", status: "offer" });
    const archived = await newApp(db, ana.id, { company: "Archived Co", status: "interviewing" });
    await setArchived(db, { userId: ana.id, id: archived.id, archived: true });
    const closed = ["rejected", "accepted", "withdrawn", "ghosted", "saved"] as const;
    const byStatus: Record<string, Awaited<ReturnType<typeof newApp>>> = {};
    for (const status of closed) byStatus[status] = await newApp(db, ana.id, { company: `Co ${status}`, status });
    const others = async (id: string) => (await loadGuidanceInputs(db, { user: ana, scope: { applicationId: id } }))[0].otherActiveApplications;

    expect(await others(mine.id)).toBe(2);
    expect(await others(applied.id)).toBe(2);
    expect(await others(offer.id)).toBe(2);
    // Not in play themselves, so all three active ones count.
    expect(await others(archived.id)).toBe(3);
    expect(await others(byStatus.rejected.id)).toBe(3);
    expect(await others(byStatus.ghosted.id)).toBe(3);

    // The dashboard reads only applications some rule can still fire for.
    const dashboard = await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true } });
    expect(dashboard.map((i) => i.application.id).sort()).toEqual([mine.id, applied.id, offer.id, byStatus.rejected.id].sort());
    expect(Object.fromEntries(dashboard.map((i) => [i.application.id, i.otherActiveApplications]))).toEqual({
      [mine.id]: 2,
      [applied.id]: 2,
      [offer.id]: 2,
      [byStatus.rejected.id]: 3 });
  });

  it("gives each application only its own rounds and events on the dashboard", async () => {
    const owed = await thankYouOwed(db, ana.id);
    const silent = await silentAfterRound(db, ana.id);
    const byId = new Map((await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true } })).map((i) => [i.application.id, i]));
    expect(byId.get(owed.app.id)!.rounds.map((r) => r.id)).toEqual([owed.round1, owed.round2]);
    expect(byId.get(silent.app.id)!.rounds.map((r) => r.id)).toEqual([silent.round]);
    expect(await loadGuidanceInputs(db, { user: ana, scope: { applicationId: "no-such-app" } })).toEqual([]);
    // An empty id names no application: it must not fall back to the dashboard's.
    expect(await loadGuidanceInputs(db, { user: ana, scope: { applicationId: "" } })).toEqual([]);
    expect(await applicationGuidance(db, { user: ana, applicationId: "", now: NOW })).toBeNull();
    expect(await actOnStep(db, { user: ana, applicationId: "", key: thankYouKey(owed.round2), action: { kind: "done" }, now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect(await actOnStep(db, { user: ana, applicationId: "no-such-app", key: thankYouKey(owed.round2), action: { kind: "done" }, now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect((await getRound(db, { userId: ana.id, id: owed.round2 }))!.thankYouSentAt).toBeNull();
  });
});

describe("loadGuidanceInputs scopes agree", () => {
  it("reads the same signals and people, in the same order, for the dashboard as for each application alone", async () => {
    const ben = await makeUser(db, "ben@example.com");
    const people = [{ name: "Priya Raman", email: "priya@acme.com" }, { name: "Sam Lee" }, { name: "Ada Obi", email: "ada@acme.com" }];
    for (const user of [ana, ben]) {
      for (const company of ["Acme", "Globex"]) {
        const app = await newApp(db, user.id, { company, status: "interviewing" });
        await addRound(db, user.id, app.id, { kind: "first", scheduledAt: fromNow(-9 * DAY), signals: ["met_team"], newInterviewers: people.slice(0, 2) });
        await addRound(db, user.id, app.id, {
          kind: "second",
          scheduledAt: fromNow(-2 * DAY),
          signals: ["long_term_discussion", "hiring_timeline", "role_skills"],
          hiringTimelineOn: "2026-12-04",
          newInterviewers: [...people].reverse(),
        });
      }
    }
    const dashboard = await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true } });
    expect(dashboard).toHaveLength(2);
    for (const input of dashboard) {
      const alone = (await loadGuidanceInputs(db, { user: ana, scope: { applicationId: input.application.id } }))[0];
      expect(input).toEqual(alone);
      expect(input.rounds[1].interviewers.map((p) => p.name)).toEqual(["Ada Obi", "Sam Lee", "Priya Raman"]);
      expect(input.rounds[1].signals.map((s) => s.signal).sort()).toEqual(["hiring_timeline", "long_term_discussion", "role_skills"]);
    }
  });
});

describe("loadGuidanceInputs order", () => {
  const setRound = (id: string, fields: { createdAt?: Date; id?: string }) => db.update(rounds).set(fields).where(eq(rounds.id, id));

  it("hands rounds over in timeline order (start, then logging, then id) and events by time then id, in both scopes", async () => {
    const app = await newApp(db, ana.id, { company: "Acme" });
    // Logged out of order on purpose.
    const last = await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-2 * DAY) });
    const first = await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-10 * DAY) });
    // Same start: the one logged earlier comes first, whichever was written first.
    const loggedLater = await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-5 * DAY) });
    const loggedSooner = await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-5 * DAY) });
    await setRound(loggedLater, { createdAt: new Date(2_000_000_000_000) });
    await setRound(loggedSooner, { createdAt: new Date(1_900_000_000_000) });
    // Same start and logging time: the id decides.
    const z = await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-4 * DAY) });
    const a = await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-4 * DAY) });
    await setRound(z, { createdAt: new Date(1_900_000_000_000), id: "round-z" });
    await setRound(a, { createdAt: new Date(1_900_000_000_000), id: "round-a" });

    const late = await logOk(db, ana.id, app.id, eventInput("response_received", fromNow(-DAY).toISOString()));
    const early = await logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-8 * DAY).toISOString()));
    const tieZ = await logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-3 * DAY).toISOString()));
    const tieA = await logOk(db, ana.id, app.id, eventInput("response_received", fromNow(-3 * DAY).toISOString()));
    await rawRun(db, sql`update events set id = ${"event-z"} where id = ${tieZ}`);
    await rawRun(db, sql`update events set id = ${"event-a"} where id = ${tieA}`);

    const roundIds = [first, loggedSooner, loggedLater, "round-a", "round-z", last];
    const eventIds = [early, "event-a", "event-z", late];
    for (const input of [(await loadGuidanceInputs(db, { user: ana, scope: { applicationId: app.id } }))[0], (await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true } }))[0]]) {
      expect(input.rounds.map((r) => r.id)).toEqual(roundIds);
      expect(input.events.map((e) => e.id)).toEqual(eventIds);
    }
    // The engine numbers the rounds in the same order: the last is round 6.
    expect((await applicationGuidance(db, { user: ana, applicationId: app.id, now: NOW }))!.summary).toMatchObject({ roundId: last, roundNumber: 6 });
  });
});

describe("guidanceQueue", () => {
  it("names the company and role on an overdue thank-you for a round that ended 30 hours ago", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const thanks = (await guidanceQueue(db, { user: ana, now: NOW })).filter((i) => i.ruleId === "send-thank-you");
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

  it("orders several applications' steps overdue first, then by due time, then by priority", async () => {
    await thankYouOwed(db, ana.id); // thank-you due 6 hours ago
    const globex = await newApp(db, ana.id, { company: "Globex" });
    await addRound(db, ana.id, globex.id, { scheduledAt: fromNow(-51 * HOUR) }); // thank-you due 26 hours ago
    // Initech's thank-you falls due at NOW + 14 h.
    const initech = await newApp(db, ana.id, { company: "Initech" }, "zzzz-initech");
    await addRound(db, ana.id, initech.id, { scheduledAt: fromNow(-11 * HOUR) });
    // Same due time, 09:00 today (NOW - 3 h): Soylent's offer (high) and Umbrella's feedback
    // request (medium, two days after Monday's rejection). Umbrella's id sorts first, so only
    // the priority can put Soylent ahead.
    await rejectedAfterRound(db, ana.id, 50 * HOUR, {}, "aaaa-umbrella"); // Mon 23 Nov, 10:00
    const offer = await newApp(db, ana.id, { company: "Soylent", status: "interviewing" }, "zzzz-soylent");
    await logOk(db, ana.id, offer.id, eventInput("offer_received", fromNow(-DAY).toISOString()));

    const queue = await guidanceQueue(db, { user: ana, now: NOW });
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

  it("follows saved settings at once: with a 48-hour window the 30-hour thank-you is not yet due", async () => {
    const { round2 } = await thankYouOwed(db, ana.id);
    const thanks = async () => (await guidanceQueue(db, { user: ana, now: NOW })).find((i) => i.key === thankYouKey(round2));
    expect(await thanks()).toMatchObject({ overdue: true, dueAt: fromNow(-6 * HOUR) });
    await saveGuidanceSettings(db, { userId: ana.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48 } });
    expect(await thanks()).toMatchObject({ overdue: false, dueAt: fromNow(18 * HOUR) });
    expect((await thanks())!.detail).toContain("48 hours");
  });
});
