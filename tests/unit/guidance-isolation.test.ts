import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, type Db } from "@/db/open";
import { deleteApplication, setArchived } from "@/lib/data/applications";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { getGuidanceSettings, saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { actOnStep, applicationGuidance, guidanceQueue } from "@/lib/data/guidance";
import { peopleMet, upcomingInterviews } from "@/lib/data/upcoming-interviews";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { APPLICATION_STATUSES, OPEN_STATUSES } from "@/lib/vocabulary";
import {
  addRound,
  DAY,
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
import { twoUsers } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  ({ db, sqlite, ana, ben } = await twoUsers());
});

const thankYouKey = (roundId: string) => `send-thank-you:${roundId}`;
const keysOf = (user: GuidanceUser, now = NOW) => guidanceQueue(db, user, now).map((i) => i.key);

describe("another user's guidance", () => {
  let owed: ReturnType<typeof thankYouOwed>;
  let silent: ReturnType<typeof silentAfterRound>;
  let rejected: ReturnType<typeof rejectedAfterRound>;
  let anaKeys: string[];

  beforeEach(() => {
    owed = thankYouOwed(db, ana.id);
    silent = silentAfterRound(db, ana.id);
    rejected = rejectedAfterRound(db, ana.id);
    addRound(db, ana.id, owed.app.id, { kind: "final", scheduledAt: fromNow(2 * DAY) });
    // Ana has put one step aside already.
    expect(actOnStep(db, ana, silent.app.id, `keep-searching:${silent.round}`, { kind: "dismiss" }, NOW).ok).toBe(true);
    anaKeys = keysOf(ana);
    // Ben has an application of his own with an overdue thank-you.
    const benApp = newApp(db, ben.id, { company: "Globex" });
    addRound(db, ben.id, benApp.id, { scheduledAt: fromNow(-40 * HOUR) });
  });

  it("cannot be read through any of the guidance reads", () => {
    for (const app of [owed.app, silent.app, rejected.app]) {
      expect(loadGuidanceInputs(db, ben, { applicationId: app.id })).toEqual([]);
      expect(applicationGuidance(db, ben, app.id, NOW)).toBeNull();
    }
    const bens = guidanceQueue(db, ben, NOW);
    expect(bens.length).toBeGreaterThan(0);
    expect(bens.every((i) => i.company === "Globex")).toBe(true);
    expect(bens.map((i) => i.key).filter((k) => anaKeys.includes(k))).toEqual([]);
    const benInputs = loadGuidanceInputs(db, ben, { dashboard: true });
    expect(benInputs.map((i) => i.application.company)).toEqual(["Globex"]);
    expect(benInputs[0]).toMatchObject({ otherActiveApplications: 0, handled: [], events: [] });
    expect(benInputs[0].rounds).toHaveLength(1);
    expect(upcomingInterviews(db, { userId: ben.id, now: NOW, days: 30 })).toEqual([]);
    // Ana's own reads are not widened by Ben's rows either.
    expect(loadGuidanceInputs(db, ana, { dashboard: true }).map((i) => i.application.company).sort()).toEqual(["Acme", "Hooli", "Umbrella"]);
    expect(upcomingInterviews(db, { userId: ana.id, now: NOW, days: 30 }).map((r) => r.company)).toEqual(["Acme"]);
  });

  it("cannot be acted on with Ana's application id or keys, and leaves her rows as they were", () => {
    const before = rowsOf(sqlite, ana.id);
    const benBefore = rowsOf(sqlite, ben.id);
    const benAppId = loadGuidanceInputs(db, ben, { dashboard: true })[0].application.id;
    const targets: [string, string][] = [
      [owed.app.id, thankYouKey(owed.round2)],
      [silent.app.id, `follow-up-after-silence:${silent.round}:1`],
      [silent.app.id, `keep-searching:${silent.round}`], // one Ana already dismissed
      [rejected.app.id, `request-feedback:${rejected.rejection}`],
    ];
    expect(targets.every(([, key]) => anaKeys.includes(key) || key.startsWith("keep-searching"))).toBe(true);
    const actions = [{ kind: "done" }, { kind: "dismiss" }, { kind: "snooze", until: fromNow(DAY) }] as const;
    for (const [appId, key] of targets) {
      for (const action of actions) {
        // Her application is not found for him, exactly as one that does not exist.
        expect(actOnStep(db, ben, appId, key, action, NOW), `${action.kind} ${key}`).toEqual({ ok: false, reason: "not-found" });
        expect(actOnStep(db, ben, "no-such-app", key, action, NOW), `missing app, ${action.kind} ${key}`).toEqual({ ok: false, reason: "not-found" });
        // Nor by pointing Ana's key at his own application: it does not fire there.
        expect(actOnStep(db, ben, benAppId, key, action, NOW), `own app, ${action.kind} ${key}`).toEqual({ ok: false, reason: "gone" });
      }
    }
    expect(rowsOf(sqlite, ana.id)).toEqual(before);
    expect(rowsOf(sqlite, ben.id)).toEqual(benBefore);
    expect(keysOf(ana)).toEqual(anaKeys);
  });

  it("Ben's settings change Ben's guidance only", () => {
    saveGuidanceSettings(db, ben.id, { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48, decisionWaitDays: 30 });
    expect(getGuidanceSettings(db, ana.id)).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    expect(guidanceQueue(db, ana, NOW).find((i) => i.key === thankYouKey(owed.round2))).toMatchObject({ overdue: true });
    expect(keysOf(ana)).toEqual(anaKeys);
    // Ben's own thank-you (ended 39 hours ago) is no longer overdue for him.
    expect(guidanceQueue(db, ben, NOW).find((i) => i.ruleId === "send-thank-you")).toMatchObject({ overdue: false });

    const anas = { thankYouWindowHours: 6, decisionWaitDays: 3, followUpSpacingDays: 2, moveOnFollowUps: 1, prepLeadDays: 1, applicationFollowUpDays: 2 };
    saveGuidanceSettings(db, ana.id, anas);
    expect(getGuidanceSettings(db, ana.id)).toEqual(anas);
    expect(getGuidanceSettings(db, ben.id)).toMatchObject({ thankYouWindowHours: 48, decisionWaitDays: 30 });
  });
});

describe("upcomingInterviews", () => {
  it("lists only the user's own rounds within the window, soonest first, not past ones or archived applications", () => {
    const acme = newApp(db, ana.id, { company: "Acme", roleTitle: "Staff Engineer" });
    const tomorrow = addRound(db, ana.id, acme.id, { kind: "second", scheduledAt: fromNow(DAY) });
    addRound(db, ana.id, acme.id, { scheduledAt: fromNow(-HOUR) });
    addRound(db, ana.id, acme.id, { kind: "final", scheduledAt: fromNow(10 * DAY) });
    const globex = newApp(db, ana.id, { company: "Globex", roleTitle: "Designer" });
    const soon = addRound(db, ana.id, globex.id, { kind: "screen", scheduledAt: fromNow(3 * HOUR) });
    const shelved = newApp(db, ana.id, { company: "Shelved" });
    addRound(db, ana.id, shelved.id, { scheduledAt: fromNow(2 * HOUR) });
    setArchived(db, ana.id, shelved.id, true);
    const bens = newApp(db, ben.id, { company: "Ben's Co" });
    addRound(db, ben.id, bens.id, { scheduledAt: fromNow(HOUR) });

    expect(upcomingInterviews(db, { userId: ana.id, now: NOW, days: 7 })).toEqual([
      { roundId: soon, applicationId: globex.id, company: "Globex", roleTitle: "Designer", kind: "screen", format: null, scheduledAt: fromNow(3 * HOUR) },
      { roundId: tomorrow, applicationId: acme.id, company: "Acme", roleTitle: "Staff Engineer", kind: "second", format: null, scheduledAt: fromNow(DAY) },
    ]);
    expect(upcomingInterviews(db, { userId: ana.id, now: NOW, days: 14 }).map((r) => r.company)).toEqual(["Globex", "Acme", "Acme"]);
    expect(upcomingInterviews(db, { userId: ana.id, now: fromNow(2 * DAY), days: 7 })).toEqual([]);
    expect(upcomingInterviews(db, { userId: ben.id, now: NOW, days: 7 }).map((r) => r.company)).toEqual(["Ben's Co"]);
  });

  it("leaves out closed applications (accepted, rejected, withdrawn, ghosted), and keeps every open status", () => {
    for (const [i, status] of APPLICATION_STATUSES.entries()) {
      const app = newApp(db, ana.id, { company: status });
      addRound(db, ana.id, app.id, { scheduledAt: fromNow((i + 1) * HOUR) });
      // Set afterwards: logging a round may move the status.
      sqlite.prepare("update applications set status = ? where id = ?").run(status, app.id);
    }
    expect(upcomingInterviews(db, { userId: ana.id, now: NOW, days: 7 }).map((r) => r.company)).toEqual([...OPEN_STATUSES]);
    expect(OPEN_STATUSES).toEqual(["saved", "applied", "screening", "interviewing", "offer"]);
    expect(APPLICATION_STATUSES).toEqual(["saved", "applied", "screening", "interviewing", "offer", "accepted", "rejected", "withdrawn", "ghosted"]);
  });
});

describe("peopleMet", () => {
  it("names who the user meets in each round, in order, and never another user's people", () => {
    const acme = newApp(db, ana.id, { company: "Acme" });
    const r = addRound(db, ana.id, acme.id, {
      scheduledAt: fromNow(DAY),
      newInterviewers: [{ name: "Maya Chen" }, { name: "Sam Ortiz" }],
    });
    const bens = newApp(db, ben.id, { company: "Ben's Co" });
    const theirs = addRound(db, ben.id, bens.id, { scheduledAt: fromNow(DAY), newInterviewers: [{ name: "Ben's recruiter" }] });
    expect(peopleMet(db, { userId: ana.id, roundIds: [r, theirs] })).toEqual(new Map([[r, ["Maya Chen", "Sam Ortiz"]]]));
    expect(peopleMet(db, { userId: ben.id, roundIds: [r] })).toEqual(new Map());
    expect(peopleMet(db, { userId: ana.id, roundIds: [] })).toEqual(new Map());
  });
});

describe("guidance rows go with what they belong to", () => {
  it("deleting an application removes its guidance steps, and only its", () => {
    const owed = thankYouOwed(db, ana.id);
    const silent = silentAfterRound(db, ana.id);
    expect(actOnStep(db, ana, owed.app.id, thankYouKey(owed.round2), { kind: "dismiss" }, NOW).ok).toBe(true);
    expect(actOnStep(db, ana, silent.app.id, `keep-searching:${silent.round}`, { kind: "snooze", until: fromNow(DAY) }, NOW).ok).toBe(true);
    const silentSteps = stepRows(sqlite, silent.app.id);
    expect(silentSteps).toHaveLength(1);

    // Ben can't delete it, so its steps stay.
    expect(deleteApplication(db, ben.id, owed.app.id)).toBe(false);
    expect(stepRows(sqlite, owed.app.id)).toHaveLength(1);

    expect(deleteApplication(db, ana.id, owed.app.id)).toBe(true);
    expect(stepRows(sqlite, owed.app.id)).toEqual([]);
    expect(stepRows(sqlite)).toEqual(silentSteps);
  });

  it("deleting a user removes their settings and steps, not anyone else's", () => {
    const owed = thankYouOwed(db, ana.id);
    const benOwed = thankYouOwed(db, ben.id);
    saveGuidanceSettings(db, ana.id, { ...DEFAULT_GUIDANCE_SETTINGS, prepLeadDays: 5 });
    saveGuidanceSettings(db, ben.id, { ...DEFAULT_GUIDANCE_SETTINGS, prepLeadDays: 9 });
    expect(actOnStep(db, ana, owed.app.id, thankYouKey(owed.round2), { kind: "dismiss" }, NOW)).toEqual({ ok: true, state: "dismissed", logged: null });
    expect(actOnStep(db, ben, benOwed.app.id, thankYouKey(benOwed.round2), { kind: "dismiss" }, NOW)).toEqual({ ok: true, state: "dismissed", logged: null });
    expect(sqlite.prepare("select user_id from guidance_steps order by user_id").all()).toHaveLength(2);

    sqlite.prepare("delete from users where id = ?").run(ana.id);
    expect(sqlite.prepare("select user_id from guidance_settings").all()).toEqual([{ user_id: ben.id }]);
    expect(sqlite.prepare("select user_id from guidance_steps").all()).toEqual([{ user_id: ben.id }]);
    expect(getGuidanceSettings(db, ben.id).prepLeadDays).toBe(9);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });
});

describe("the 0002_guidance migration", () => {
  let raw: Database.Database;

  beforeEach(() => {
    raw = new Database(":memory:");
    raw.pragma("foreign_keys = ON");
    migrate(drizzle(raw), { migrationsFolder: MIGRATIONS_FOLDER });
    raw.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u1", "ana@example.com", "Ana", "scrypt$x");
    raw.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u2", "ben@example.com", "Ben", "scrypt$x");
    raw.prepare("insert into applications (id, user_id, company, role_title, status) values ('a1', 'u1', 'Acme', 'Engineer', 'applied')").run();
  });

  const insertStep = (key: string, state: string, until: number | null, userId = "u1") =>
    raw.prepare("insert into guidance_steps (user_id, application_id, key, state, until) values (?, 'a1', ?, ?, ?)").run(userId, key, state, until);

  it("creates both tables on an empty database", () => {
    const tables = raw.prepare("select name from sqlite_master where type = 'table' and name like 'guidance_%' order by name").all();
    expect(tables).toEqual([{ name: "guidance_settings" }, { name: "guidance_steps" }]);
    const columns = (t: string) => (raw.prepare(`pragma table_info(${t})`).all() as { name: string }[]).map((c) => c.name).sort();
    expect(columns("guidance_steps")).toEqual(["application_id", "key", "state", "until", "updated_at", "user_id"]);
    expect(columns("guidance_settings")).toEqual([
      "application_follow_up_days",
      "decision_wait_days",
      "follow_up_spacing_days",
      "move_on_follow_ups",
      "prep_lead_days",
      "thank_you_window_hours",
      "updated_at",
      "user_id",
    ]);
  });

  it("keeps `until` for snoozed steps only", () => {
    expect(() => insertStep("a", "snoozed", null)).toThrow(/CHECK constraint failed/);
    expect(() => insertStep("b", "done", 1_795_000_000)).toThrow(/CHECK constraint failed/);
    expect(() => insertStep("c", "dismissed", 1_795_000_000)).toThrow(/CHECK constraint failed/);
    insertStep("d", "snoozed", 1_795_000_000);
    insertStep("e", "done", null);
    insertStep("f", "dismissed", null);
    expect(raw.prepare("select key from guidance_steps order by key").all()).toEqual([{ key: "d" }, { key: "e" }, { key: "f" }]);
  });

  it("refuses a step filed under someone else's application, and a second row for the same key", () => {
    expect(() => insertStep("g", "done", null, "u2")).toThrow(/FOREIGN KEY constraint failed/);
    insertStep("h", "done", null);
    expect(() => insertStep("h", "dismissed", null)).toThrow(/UNIQUE constraint failed/);
  });
});
