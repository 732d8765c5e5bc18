import { sql } from "drizzle-orm";
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
import { rawRows, rawRun, foreignKeyViolations } from "./support/raw-sql";

let db: Db;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

const thankYouKey = (roundId: string) => `send-thank-you:${roundId}`;
const keysOf = async (user: GuidanceUser, now = NOW) => (await guidanceQueue(db, { user, now })).map((i) => i.key);

describe("another user's guidance", () => {
  let owed: Awaited<ReturnType<typeof thankYouOwed>>;
  let silent: Awaited<ReturnType<typeof silentAfterRound>>;
  let rejected: Awaited<ReturnType<typeof rejectedAfterRound>>;
  let anaKeys: string[];

  beforeEach(async () => {
    owed = await thankYouOwed(db, ana.id);
    silent = await silentAfterRound(db, ana.id);
    rejected = await rejectedAfterRound(db, ana.id);
    await addRound(db, ana.id, owed.app.id, { kind: "final", scheduledAt: fromNow(2 * DAY) });
    // Ana has put one step aside already.
    expect((await actOnStep(db, { user: ana, applicationId: silent.app.id, key: `keep-searching:${silent.round}`, action: { kind: "dismiss" }, now: NOW })).ok).toBe(true);
    anaKeys = await keysOf(ana);
    // Ben has an application of his own with an overdue thank-you.
    const benApp = await newApp(db, ben.id, { company: "Globex" });
    await addRound(db, ben.id, benApp.id, { scheduledAt: fromNow(-40 * HOUR) });
  });

  it("cannot be read through any of the guidance reads", async () => {
    for (const app of [owed.app, silent.app, rejected.app]) {
      expect(await loadGuidanceInputs(db, { user: ben, scope: { applicationId: app.id } })).toEqual([]);
      expect(await applicationGuidance(db, { user: ben, applicationId: app.id, now: NOW })).toBeNull();
    }
    const bens = await guidanceQueue(db, { user: ben, now: NOW });
    expect(bens.length).toBeGreaterThan(0);
    expect(bens.every((i) => i.company === "Globex")).toBe(true);
    expect(bens.map((i) => i.key).filter((k) => anaKeys.includes(k))).toEqual([]);
    const benInputs = await loadGuidanceInputs(db, { user: ben, scope: { dashboard: true } });
    expect(benInputs.map((i) => i.application.company)).toEqual(["Globex"]);
    expect(benInputs[0]).toMatchObject({ otherActiveApplications: 0, handled: [], events: [] });
    expect(benInputs[0].rounds).toHaveLength(1);
    expect(await upcomingInterviews(db, { userId: ben.id, now: NOW, days: 30 })).toEqual([]);
    // Ana's own reads are not widened by Ben's rows either.
    expect((await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true } })).map((i) => i.application.company).sort()).toEqual(["Acme", "Hooli", "Umbrella"]);
    expect((await upcomingInterviews(db, { userId: ana.id, now: NOW, days: 30 })).map((r) => r.company)).toEqual(["Acme"]);
  });

  it("cannot be acted on with Ana's application id or keys, and leaves her rows as they were", async () => {
    const before = await rowsOf(db, ana.id);
    const benBefore = await rowsOf(db, ben.id);
    const benAppId = (await loadGuidanceInputs(db, { user: ben, scope: { dashboard: true } }))[0].application.id;
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
        expect(await actOnStep(db, { user: ben, applicationId: appId, key, action, now: NOW }), `${action.kind} ${key}`).toEqual({ ok: false, reason: "not-found" });
        expect(await actOnStep(db, { user: ben, applicationId: "no-such-app", key, action, now: NOW }), `missing app, ${action.kind} ${key}`).toEqual({ ok: false, reason: "not-found" });
        // Nor by pointing Ana's key at his own application: it does not fire there.
        expect(await actOnStep(db, { user: ben, applicationId: benAppId, key, action, now: NOW }), `own app, ${action.kind} ${key}`).toEqual({ ok: false, reason: "gone" });
      }
    }
    expect(await rowsOf(db, ana.id)).toEqual(before);
    expect(await rowsOf(db, ben.id)).toEqual(benBefore);
    expect(await keysOf(ana)).toEqual(anaKeys);
  });

  it("Ben's settings change Ben's guidance only", async () => {
    await saveGuidanceSettings(db, { userId: ben.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48, decisionWaitDays: 30 } });
    expect(await getGuidanceSettings(db, { userId: ana.id })).toEqual(DEFAULT_GUIDANCE_SETTINGS);
    expect((await guidanceQueue(db, { user: ana, now: NOW })).find((i) => i.key === thankYouKey(owed.round2))).toMatchObject({ overdue: true });
    expect(await keysOf(ana)).toEqual(anaKeys);
    // Ben's own thank-you (ended 39 hours ago) is no longer overdue for him.
    expect((await guidanceQueue(db, { user: ben, now: NOW })).find((i) => i.ruleId === "send-thank-you")).toMatchObject({ overdue: false });

    const anas = { thankYouWindowHours: 6, decisionWaitDays: 3, followUpSpacingDays: 2, moveOnFollowUps: 1, prepLeadDays: 1, applicationFollowUpDays: 2 };
    await saveGuidanceSettings(db, { userId: ana.id, settings: anas });
    expect(await getGuidanceSettings(db, { userId: ana.id })).toEqual(anas);
    expect(await getGuidanceSettings(db, { userId: ben.id })).toMatchObject({ thankYouWindowHours: 48, decisionWaitDays: 30 });
  });
});

describe("upcomingInterviews", () => {
  it("lists only the user's own rounds within the window, soonest first, not past ones or archived applications", async () => {
    const acme = await newApp(db, ana.id, { company: "Acme", roleTitle: "Staff Engineer" });
    const tomorrow = await addRound(db, ana.id, acme.id, { kind: "second", scheduledAt: fromNow(DAY) });
    await addRound(db, ana.id, acme.id, { scheduledAt: fromNow(-HOUR) });
    await addRound(db, ana.id, acme.id, { kind: "final", scheduledAt: fromNow(10 * DAY) });
    const globex = await newApp(db, ana.id, { company: "Globex", roleTitle: "Designer" });
    const soon = await addRound(db, ana.id, globex.id, { kind: "screen", scheduledAt: fromNow(3 * HOUR) });
    const shelved = await newApp(db, ana.id, { company: "Shelved" });
    await addRound(db, ana.id, shelved.id, { scheduledAt: fromNow(2 * HOUR) });
    await setArchived(db, { userId: ana.id, id: shelved.id, archived: true });
    const bens = await newApp(db, ben.id, { company: "Ben's Co" });
    await addRound(db, ben.id, bens.id, { scheduledAt: fromNow(HOUR) });

    expect(await upcomingInterviews(db, { userId: ana.id, now: NOW, days: 7 })).toEqual([
      { roundId: soon, applicationId: globex.id, company: "Globex", roleTitle: "Designer", kind: "screen", format: null, scheduledAt: fromNow(3 * HOUR) },
      { roundId: tomorrow, applicationId: acme.id, company: "Acme", roleTitle: "Staff Engineer", kind: "second", format: null, scheduledAt: fromNow(DAY) },
    ]);
    expect((await upcomingInterviews(db, { userId: ana.id, now: NOW, days: 14 })).map((r) => r.company)).toEqual(["Globex", "Acme", "Acme"]);
    expect(await upcomingInterviews(db, { userId: ana.id, now: fromNow(2 * DAY), days: 7 })).toEqual([]);
    expect((await upcomingInterviews(db, { userId: ben.id, now: NOW, days: 7 })).map((r) => r.company)).toEqual(["Ben's Co"]);
  });

  it("leaves out closed applications (accepted, rejected, withdrawn, ghosted), and keeps every open status", async () => {
    for (const [i, status] of APPLICATION_STATUSES.entries()) {
      const app = await newApp(db, ana.id, { company: status });
      await addRound(db, ana.id, app.id, { scheduledAt: fromNow((i + 1) * HOUR) });
      // Set afterwards: logging a round may move the status.
      await rawRun(db, sql`update applications set status = ${status} where id = ${app.id}`);
    }
    expect((await upcomingInterviews(db, { userId: ana.id, now: NOW, days: 7 })).map((r) => r.company)).toEqual([...OPEN_STATUSES]);
    expect(OPEN_STATUSES).toEqual(["saved", "applied", "screening", "interviewing", "offer"]);
    expect(APPLICATION_STATUSES).toEqual(["saved", "applied", "screening", "interviewing", "offer", "accepted", "rejected", "withdrawn", "ghosted"]);
  });
});

describe("peopleMet", () => {
  it("names who the user meets in each round, in order, and never another user's people", async () => {
    const acme = await newApp(db, ana.id, { company: "Acme" });
    const r = await addRound(db, ana.id, acme.id, {
      scheduledAt: fromNow(DAY),
      newInterviewers: [{ name: "Maya Chen" }, { name: "Sam Ortiz" }],
    });
    const bens = await newApp(db, ben.id, { company: "Ben's Co" });
    const theirs = await addRound(db, ben.id, bens.id, { scheduledAt: fromNow(DAY), newInterviewers: [{ name: "Ben's recruiter" }] });
    expect(await peopleMet(db, { userId: ana.id, roundIds: [r, theirs] })).toEqual(new Map([[r, ["Maya Chen", "Sam Ortiz"]]]));
    expect(await peopleMet(db, { userId: ben.id, roundIds: [r] })).toEqual(new Map());
    expect(await peopleMet(db, { userId: ana.id, roundIds: [] })).toEqual(new Map());
  });
});

describe("guidance rows go with what they belong to", () => {
  it("deleting an application removes its guidance steps, and only its", async () => {
    const owed = await thankYouOwed(db, ana.id);
    const silent = await silentAfterRound(db, ana.id);
    expect((await actOnStep(db, { user: ana, applicationId: owed.app.id, key: thankYouKey(owed.round2), action: { kind: "dismiss" }, now: NOW })).ok).toBe(true);
    expect((await actOnStep(db, { user: ana, applicationId: silent.app.id, key: `keep-searching:${silent.round}`, action: { kind: "snooze", until: fromNow(DAY) }, now: NOW })).ok).toBe(true);
    const silentSteps = await stepRows(db, silent.app.id);
    expect(silentSteps).toHaveLength(1);

    // Ben can't delete it, so its steps stay.
    expect(await deleteApplication(db, { userId: ben.id, id: owed.app.id })).toBe(false);
    expect(await stepRows(db, owed.app.id)).toHaveLength(1);

    expect(await deleteApplication(db, { userId: ana.id, id: owed.app.id })).toBe(true);
    expect(await stepRows(db, owed.app.id)).toEqual([]);
    expect(await stepRows(db)).toEqual(silentSteps);
  });

  it("deleting a user removes their settings and steps, not anyone else's", async () => {
    const owed = await thankYouOwed(db, ana.id);
    const benOwed = await thankYouOwed(db, ben.id);
    await saveGuidanceSettings(db, { userId: ana.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, prepLeadDays: 5 } });
    await saveGuidanceSettings(db, { userId: ben.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, prepLeadDays: 9 } });
    expect(await actOnStep(db, { user: ana, applicationId: owed.app.id, key: thankYouKey(owed.round2), action: { kind: "dismiss" }, now: NOW })).toEqual({ ok: true, state: "dismissed", logged: null });
    expect(await actOnStep(db, { user: ben, applicationId: benOwed.app.id, key: thankYouKey(benOwed.round2), action: { kind: "dismiss" }, now: NOW })).toEqual({ ok: true, state: "dismissed", logged: null });
    expect(await rawRows(db, sql`select user_id from guidance_steps order by user_id`)).toHaveLength(2);

    await rawRun(db, sql`delete from users where id = ${ana.id}`);
    expect(await rawRows(db, sql`select user_id from guidance_settings`)).toEqual([{ user_id: ben.id }]);
    expect(await rawRows(db, sql`select user_id from guidance_steps`)).toEqual([{ user_id: ben.id }]);
    expect((await getGuidanceSettings(db, { userId: ben.id })).prepLeadDays).toBe(9);
    expect(await foreignKeyViolations(db)).toEqual([]);
  });
});

describe("the 0002_guidance migration", () => {
  let raw: Database.Database;

  beforeEach(async () => {
    raw = new Database(":memory:");
    raw.pragma("foreign_keys = ON");
    migrate(drizzle(raw), { migrationsFolder: MIGRATIONS_FOLDER });
    raw.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u1", "ana@example.com", "Ana", "scrypt$x");
    raw.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u2", "ben@example.com", "Ben", "scrypt$x");
    raw.prepare("insert into applications (id, user_id, company, role_title, status) values ('a1', 'u1', 'Acme', 'Engineer', 'applied')").run();
  });

  const insertStep = (key: string, state: string, until: number | null, userId = "u1") =>
    raw.prepare("insert into guidance_steps (user_id, application_id, key, state, until) values (?, 'a1', ?, ?, ?)").run(userId, key, state, until);

  it("creates both tables on an empty database", async () => {
    const tables = raw.prepare("select name from sqlite_master where type = 'table' and name like 'guidance_%' order by name").all();
    // guidance_parts is migration 0019's (the stored cache, tests/unit/guidance-store.test.ts).
    expect(tables).toEqual([{ name: "guidance_parts" }, { name: "guidance_settings" }, { name: "guidance_steps" }]);
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

  it("keeps `until` for snoozed steps only", async () => {
    expect(() => insertStep("a", "snoozed", null)).toThrow(/CHECK constraint failed/);
    expect(() => insertStep("b", "done", 1_795_000_000)).toThrow(/CHECK constraint failed/);
    expect(() => insertStep("c", "dismissed", 1_795_000_000)).toThrow(/CHECK constraint failed/);
    insertStep("d", "snoozed", 1_795_000_000);
    insertStep("e", "done", null);
    insertStep("f", "dismissed", null);
    expect(raw.prepare("select key from guidance_steps order by key").all()).toEqual([{ key: "d" }, { key: "e" }, { key: "f" }]);
  });

  it("refuses a step filed under someone else's application, and a second row for the same key", async () => {
    expect(() => insertStep("g", "done", null, "u2")).toThrow(/FOREIGN KEY constraint failed/);
    insertStep("h", "done", null);
    expect(() => insertStep("h", "dismissed", null)).toThrow(/UNIQUE constraint failed/);
  });
});
