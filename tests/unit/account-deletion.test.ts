import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/open";
import { deleteAccount } from "@/lib/data/account-deletion";
import { insertApplications } from "@/lib/data/applications";
import { createOrRegenerateCalendarFeed } from "@/lib/data/calendar-feed";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { codeKeys, countAttempt, signInKeys } from "@/lib/data/sign-in-throttle";
import { getSessionUser } from "@/lib/data/users";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { sampleApplications } from "@/lib/sample-data";
import { makeUser } from "./support/db";
import { fixture, importFile, NOW, ownedRows, userTables } from "./support/imports";

let db: ReturnType<typeof openDatabase>["db"];
let sqlite: ReturnType<typeof openDatabase>["sqlite"];
beforeEach(() => {
  ({ db, sqlite } = openDatabase(":memory:"));
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
    const bens = ownedRows(sqlite, ben.id);
    const tables = userTables(sqlite);
    // Every table with user data took part, so an empty result below means something.
    for (const table of ["applications", "rounds", "round_signals", "custom_signals", "interviewers", "round_interviewers", "events", "imports", "guidance_settings", "calendar_feeds", "user_data_versions"]) {
      expect(tables).toContain(table);
      expect((ownedRows(sqlite, ana.id)[table] ?? []).length, table).toBeGreaterThan(0);
    }

    expect(await deleteAccount(db, { userId: ana.id })).toBe(true);
    for (const [table, rows] of Object.entries(ownedRows(sqlite, ana.id))) expect(rows, table).toEqual([]);
    expect(sqlite.prepare("select count(*) n from users where id = ? or email = ?").get(ana.id, "ana@example.com")).toEqual({ n: 0 });
    expect(sqlite.prepare("select key from sign_in_throttle where key like ? or key like ?").all("%ana@example.com%", `%${ana.id}%`)).toEqual([]);
    // Ben's counters, and the address's own (it names no account), stay.
    expect(sqlite.prepare("select count(*) n from sign_in_throttle where key like ?").get("%ben@example.com%")).toEqual({ n: 2 });
    expect(sqlite.prepare("select count(*) n from sign_in_throttle where key = 'client:203.0.113.9'").get()).toEqual({ n: 1 });
    expect(ownedRows(sqlite, ben.id)).toEqual(bens);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });

  it("ends every session: the session check finds no user for the old token", async () => {
    const ana = await fullAccount("ana@example.com");
    expect((await getSessionUser(db, { userId: ana.id }))?.sessionVersion).toBe(1);
    await deleteAccount(db, { userId: ana.id });
    expect(await getSessionUser(db, { userId: ana.id })).toBeUndefined();
  });

  it("is all or nothing, and a missing user deletes nothing", async () => {
    const ana = await fullAccount("ana@example.com");
    const before = ownedRows(sqlite, ana.id);
    sqlite.exec("create trigger refuse_delete before delete on events begin select raise(abort, 'disk full'); end");
    await expect(deleteAccount(db, { userId: ana.id })).rejects.toThrow("disk full");
    expect(ownedRows(sqlite, ana.id)).toEqual(before);
    expect(await getSessionUser(db, { userId: ana.id })).toBeDefined();
    expect(await deleteAccount(db, { userId: "no-such-user" })).toBe(false);
  });
});
