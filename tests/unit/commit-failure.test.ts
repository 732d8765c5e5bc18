import type Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { checkCredentials, guardedPasswordCheck } from "@/lib/auth/credentials";
import { createApplication, deleteApplication, insertApplications, setArchived, updateApplication } from "@/lib/data/applications";
import { createOrRegenerateCalendarFeed, turnOffCalendarFeed } from "@/lib/data/calendar-feed";
import { deleteEvent, logEvent, updateEvent } from "@/lib/data/events";
import { actOnStep } from "@/lib/data/guidance";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { probeStorage, touchHealthProbe } from "@/lib/data/health";
import { pruneContacts, upsertInterviewers } from "@/lib/data/interviewers";
import { moveApplication } from "@/lib/data/move-application";
import { createRound, deleteRound, insertRound, markThankYouSent, touchApplication, updateRound } from "@/lib/data/rounds";
import { countAttempt, forgiveAttempt, signInKeys } from "@/lib/data/sign-in-throttle";
import { StorageError } from "@/lib/data/storage-error";
import { adoptTimeZone, changePasswordHash, createUser, revokeSessions, setTimeZone } from "@/lib/data/users";
import { write } from "@/lib/data/write";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { sampleApplications } from "@/lib/sample-data";
import { everyRow, failCommits } from "./support/commit-fault";
import { makeUser } from "./support/db";
import { fromNow, HOUR, NOW, thankYouOwed } from "./support/guidance-data";
import { eventInput, logOk, roundInput, testDbWithSqlite } from "./support/rounds";
import { exportedWriteFunctions } from "./support/write-functions";

type Fixture = {
  db: Db;
  user: { id: string; email: string; timeZone: string };
  applicationId: string;
  roundId: string;
  eventId: string;
  keys: ReturnType<typeof signInKeys>;
};

/**
 * One call per write function that, on a healthy database, changes at least
 * one row. Keys are the functions the source scan finds (see
 * support/write-functions.ts): a new write function fails the first test
 * below until it has a case here.
 */
const CASES: Record<string, (f: Fixture) => unknown> = {
  "lib/auth/credentials.ts#checkCredentials": (f) =>
    checkCredentials(f.db, { email: f.user.email, password: "correct horse battery staple" }, "10.0.0.1", NOW),
  "lib/auth/credentials.ts#guardedPasswordCheck": (f) => guardedPasswordCheck(f.db, f.keys, NOW, async () => true),
  "lib/data/applications.ts#createApplication": (f) => createApplication(f.db, f.user.id, { company: "Globex", roleTitle: "Lead", status: "saved" }),
  "lib/data/applications.ts#deleteApplication": (f) => deleteApplication(f.db, f.user.id, f.applicationId),
  "lib/data/applications.ts#insertApplications": (f) => insertApplications(f.db, f.user.id, sampleApplications(NOW)),
  "lib/data/applications.ts#setArchived": (f) => setArchived(f.db, f.user.id, f.applicationId, true),
  "lib/data/applications.ts#updateApplication": (f) =>
    updateApplication(f.db, f.user.id, f.applicationId, { company: "Acme", roleTitle: "Principal", status: "interviewing" }),
  "lib/data/calendar-feed.ts#createOrRegenerateCalendarFeed": (f) => createOrRegenerateCalendarFeed(f.db, f.user.id, NOW),
  "lib/data/calendar-feed.ts#turnOffCalendarFeed": (f) => turnOffCalendarFeed(f.db, f.user.id),
  "lib/data/events.ts#deleteEvent": (f) => deleteEvent(f.db, f.user.id, f.eventId),
  "lib/data/events.ts#logEvent": (f) => logEvent(f.db, f.user.id, f.applicationId, eventInput("response_received", NOW.toISOString())),
  "lib/data/events.ts#updateEvent": (f) => updateEvent(f.db, f.user.id, f.eventId, { occurredAt: fromNow(-HOUR), note: "changed" }),
  "lib/data/guidance-settings.ts#saveGuidanceSettings": (f) =>
    saveGuidanceSettings(f.db, f.user.id, { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48 }),
  "lib/data/guidance.ts#actOnStep": (f) => actOnStep(f.db, f.user, f.applicationId, `send-thank-you:${f.roundId}`, { kind: "dismiss" }, NOW),
  "lib/data/health.ts#probeStorage": (f) => probeStorage(f.db, NOW),
  "lib/data/health.ts#touchHealthProbe": (f) => touchHealthProbe(f.db, NOW),
  "lib/data/interviewers.ts#pruneContacts": (f) => write(f.db, (tx) => pruneContacts(tx, f.user.id)),
  "lib/data/interviewers.ts#upsertInterviewers": (f) => write(f.db, (tx) => upsertInterviewers(tx, f.user.id, "Initech", [{ name: "Bo Chen" }])),
  "lib/data/move-application.ts#moveApplication": (f) => moveApplication(f.db, f.user.id, f.applicationId, "offer", NOW),
  "lib/data/rounds.ts#createRound": (f) => createRound(f.db, f.user.id, f.applicationId, roundInput({ scheduledAt: fromNow(2 * 24 * HOUR) })),
  "lib/data/rounds.ts#deleteRound": (f) => deleteRound(f.db, f.user.id, f.roundId),
  "lib/data/rounds.ts#insertRound": (f) =>
    write(f.db, (tx) => insertRound(tx, f.user.id, { id: f.applicationId, company: "Acme" }, roundInput({ scheduledAt: NOW }))),
  "lib/data/rounds.ts#markThankYouSent": (f) => markThankYouSent(f.db, f.user.id, f.roundId, NOW),
  "lib/data/rounds.ts#touchApplication": (f) => write(f.db, (tx) => touchApplication(tx, f.user.id, f.applicationId)),
  "lib/data/rounds.ts#updateRound": (f) =>
    updateRound(f.db, f.user.id, f.roundId, roundInput({ kind: "second", scheduledAt: fromNow(-31 * HOUR), notes: "changed" })),
  "lib/data/sign-in-throttle.ts#countAttempt": (f) => countAttempt(f.db, f.keys, NOW),
  "lib/data/sign-in-throttle.ts#forgiveAttempt": (f) => forgiveAttempt(f.db, f.keys),
  "lib/data/users.ts#adoptTimeZone": (f) => adoptTimeZone(f.db, f.user.id, "Europe/Paris"),
  "lib/data/users.ts#changePasswordHash": (f) => changePasswordHash(f.db, f.user.id, "another-hash"),
  "lib/data/users.ts#createUser": (f) => createUser(f.db, { name: "Cy", email: "cy@example.com", passwordHash: "hash" }),
  "lib/data/users.ts#revokeSessions": (f) => revokeSessions(f.db, f.user.id),
  "lib/data/users.ts#setTimeZone": (f) => setTimeZone(f.db, f.user.id, "Asia/Tokyo"),
};

/** What a health probe says is its result; everything else reports failure by throwing. */
const REPORTS_FAILURE_AS_RESULT = new Set(["lib/data/health.ts#probeStorage"]);

type Outcome = { threw: unknown } | { returned: unknown };
async function outcomeOf(run: () => unknown): Promise<Outcome> {
  try {
    return { returned: await run() };
  } catch (error) {
    return { threw: error };
  }
}

let sqlite: Database.Database;
let fixture: Fixture;

beforeEach(async () => {
  const opened = testDbWithSqlite();
  sqlite = opened.sqlite;
  const db = opened.db;
  const ana = await makeUser(db, "ana@example.com"); // no time zone yet, so adoptTimeZone writes
  const { app, round2 } = thankYouOwed(db, ana.id);
  const eventId = logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-2 * HOUR).toISOString()));
  createOrRegenerateCalendarFeed(db, ana.id, NOW);
  const keys = signInKeys(ana.email, "10.0.0.1");
  countAttempt(db, keys, NOW);
  // A contact no round mentions, for pruneContacts to remove.
  write(db, (tx) => upsertInterviewers(tx, ana.id, "Globex", [{ name: "Jo Park" }]));
  fixture = { db, user: { id: ana.id, email: ana.email, timeZone: "UTC" }, applicationId: app.id, roundId: round2, eventId, keys };
});

describe("a write whose commit fails is never reported as saved", () => {
  const found = exportedWriteFunctions();

  it("has a case for every write function the source holds, and none for one that is gone", () => {
    expect(found.length).toBeGreaterThan(20);
    expect(Object.keys(CASES).sort()).toEqual(found.map((f) => f.key));
  });

  it("the fault is the full-disk one: an autocommit INSERT … RETURNING read with .get() confirms a row it then loses", () => {
    const fault = failCommits(sqlite);
    const row = sqlite.prepare("insert into sign_in_throttle (key, failures, window_started_at) values ('lost', 1, 0) returning key").get();
    fault.restore();
    expect(row).toEqual({ key: "lost" });
    expect(sqlite.prepare("select count(*) n from sign_in_throttle where key = 'lost'").get()).toEqual({ n: 0 });
  });

  it.each(found.map((f) => f.key))("%s reports the failure and leaves every row as it was", async (key) => {
    const run = CASES[key];
    expect(run, `no commit-failure case for ${key}`).toBeDefined();
    const before = everyRow(sqlite);

    const fault = failCommits(sqlite);
    const failed = await outcomeOf(() => run(fixture));
    fault.restore();

    if (REPORTS_FAILURE_AS_RESULT.has(key)) {
      expect(failed).toEqual({ returned: { ok: false, reason: "failed" } });
    } else {
      expect("threw" in failed ? failed.threw : failed.returned).toBeInstanceOf(StorageError);
    }
    expect(sqlite.inTransaction).toBe(false);
    expect(everyRow(sqlite)).toEqual(before);

    // The same call writes once the fault is gone: the case really writes, and the connection is usable.
    const healthy = await outcomeOf(() => run(fixture));
    expect(healthy).not.toHaveProperty("threw");
    expect(everyRow(sqlite)).not.toEqual(before);
  });
});
