import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { deleteAccount } from "@/lib/data/account-deletion";
import { insertApplications } from "@/lib/data/applications";
import { createOrRegenerateCalendarFeed } from "@/lib/data/calendar-feed";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { codeKeys, countAttempt, signInKeys } from "@/lib/data/sign-in-throttle";
import { getSessionUser } from "@/lib/data/users";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { sampleApplications } from "@/lib/sample-data";
import { makeUser, testDb } from "./support/db";
import { fixture, importFile, NOW, ownedRows, userTables } from "./support/imports";
import { rawRows, rawGet, foreignKeyViolations, refuseWrites } from "./support/raw-sql";
import { failureOf } from "./support/failures";

let db: Db;
beforeEach(() => {
  db = testDb();
});

async function fullAccount(email: string) {
  const user = await makeUser(db, email);
  await insertApplications(db, { userId: user.id, rows: sampleApplications(NOW) });
  await importFile(db, user.id, fixture("reactive-resume-tracker.csv"));
  await saveGuidanceSettings(db, { userId: user.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, prepLeadDays: 5 } });
  await createOrRegenerateCalendarFeed(db, { userId: user.id, now: NOW });
  // Every kind of counter that names the account: password and code, from everywhere and from one address.
  await countAttempt(db, { keys: [...signInKeys(email, "203.0.113.9"), ...codeKeys(user.id, "203.0.113.9")], now: NOW });
  return user;
}

describe("deleting an account", () => {
  it("removes the user and every row they own, in every table, and leaves the other user's untouched", async () => {
    const ana = await fullAccount("ana@example.com");
    const ben = await fullAccount("ben@example.com");
    const bens = await ownedRows(db, ben.id);
    const tables = await userTables(db);
    // Every table with user data took part, so an empty result below means something.
    for (const table of ["applications", "rounds", "round_signals", "custom_signals", "interviewers", "round_interviewers", "events", "imports", "guidance_settings", "calendar_feeds", "user_data_versions"]) {
      expect(tables).toContain(table);
      expect(((await ownedRows(db, ana.id))[table] ?? []).length, table).toBeGreaterThan(0);
    }

    expect(await deleteAccount(db, { userId: ana.id })).toBe(true);
    for (const [table, rows] of Object.entries(await ownedRows(db, ana.id))) expect(rows, table).toEqual([]);
    expect(await rawGet(db, sql`select cast(count(*) as integer) as n from users where id = ${ana.id} or email = ${"ana@example.com"}`)).toEqual({ n: 0 });
    expect(await rawRows(db, sql`select key from sign_in_throttle where key like ${"%ana@example.com%"} or key like ${`%${ana.id}%`}`)).toEqual([]);
    // Ben's counters, and the address's own (it names no account), stay.
    expect(await rawGet(db, sql`select cast(count(*) as integer) as n from sign_in_throttle where key like ${"%ben@example.com%"}`)).toEqual({ n: 2 });
    expect(await rawGet(db, sql`select cast(count(*) as integer) as n from sign_in_throttle where key = 'client:203.0.113.9'`)).toEqual({ n: 1 });
    expect(await ownedRows(db, ben.id)).toEqual(bens);
    expect(await foreignKeyViolations(db)).toEqual([]);
  });

  it("ends every session: the session check finds no user for the old token", async () => {
    const ana = await fullAccount("ana@example.com");
    expect((await getSessionUser(db, { userId: ana.id }))?.sessionVersion).toBe(1);
    await deleteAccount(db, { userId: ana.id });
    expect(await getSessionUser(db, { userId: ana.id })).toBeUndefined();
  });

  it("is all or nothing, and a missing user deletes nothing", async () => {
    const ana = await fullAccount("ana@example.com");
    const before = await ownedRows(db, ana.id);
    await refuseWrites(db, { name: "refuse_delete", table: "events", op: "delete", message: "disk full" });
    expect(await failureOf(deleteAccount(db, { userId: ana.id }))).toMatch(/disk full/);
    expect(await ownedRows(db, ana.id)).toEqual(before);
    expect(await getSessionUser(db, { userId: ana.id })).toBeDefined();
    expect(await deleteAccount(db, { userId: "no-such-user" })).toBe(false);
  });
});
