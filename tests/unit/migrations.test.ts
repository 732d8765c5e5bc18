// On SQLite in either run: this file is about SQLite's migration history, from a database made with 0000_init.
import "./support/on-sqlite";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/open";
import * as schema from "@/db/schema";
import { registerEngine, SqliteEngine } from "@/db/sqlite/connections";
import { adoptTimeZone, getSessionUser } from "@/lib/data/users";

// A database made before rounds existed (only 0000_init applied) must come
// through the later migrations with its rows intact and its keys valid.

type Journal = { entries: { tag: string }[] };

let tmp: string;
let sqlite: Database.Database;

/** A migrations folder holding the first `until` migrations (or those before the one named `until`), as an older install had. */
function earlyMigrations(until: number | string = 1): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-migrations-"));
  mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
  const count = typeof until === "number" ? until : journal.entries.findIndex((e) => e.tag.endsWith(until));
  if (count < 0) throw new Error(`no migration named like ${until}`);
  const entries = journal.entries.slice(0, count);
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}
const firstMigrationOnly = () => earlyMigrations(1);

const tables = () =>
  (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map(
    (t) => t.name,
  );

beforeEach(() => {
  tmp = firstMigrationOnly();
  sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
});

afterEach(() => {
  sqlite.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("migrating a database made with 0000_init only", () => {
  it("keeps users and applications, leaves the time zone unknown and the keys valid", async () => {
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    migrate(drizzle(sqlite), { migrationsFolder: tmp });
    expect(tables()).toEqual(["__drizzle_migrations", "applications", "sign_in_throttle", "users"]);
    sqlite.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u1", "ana@example.com", "Ana", "scrypt$x");
    sqlite
      .prepare("insert into applications (id, user_id, company, role_title, status) values (?, ?, ?, ?, ?)")
      .run("a1", "u1", "Acme", "Engineer", "interviewing");

    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });

    // Every later migration applied on top of 0000: 0001 (rounds and events), 0002 (guidance),
    // 0003 (calendar feeds) and any after them.
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
    expect(journal.entries.length).toBeGreaterThanOrEqual(4);
    expect(sqlite.prepare("select count(*) as n from __drizzle_migrations").get()).toEqual({ n: journal.entries.length });
    expect(tables()).toEqual(
      expect.arrayContaining([
        "rounds",
        "events",
        "interviewers",
        "round_interviewers",
        "round_signals",
        "custom_signals",
        "guidance_steps",
        "guidance_settings",
        "calendar_feeds",
      ]),
    );
    expect(sqlite.prepare("select time_zone from users where id = 'u1'").get()).toEqual({ time_zone: null });
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(sqlite.prepare("select id, user_id, company, status from applications").all()).toEqual([
      { id: "a1", user_id: "u1", company: "Acme", status: "interviewing" },
    ]);

    // The data layer reads the old account as "zone not chosen yet", and can adopt one.
    // (Through an engine of its own, as openDatabase makes one: writes need its writer.)
    const engine = new SqliteEngine(":memory:", { db: drizzle(sqlite, { schema }), sqlite });
    registerEngine(engine);
    const db = engine.reader.db;
    expect(await getSessionUser(db, { userId: "u1" })).toMatchObject({ timeZone: "UTC", timeZoneChosen: false });
    expect(await adoptTimeZone(db, { userId: "u1", timeZone: "Europe/Berlin" })).toBe(true);
  });

  it("lets the old application take rounds, which go with it when it is deleted", () => {
    migrate(drizzle(sqlite), { migrationsFolder: tmp });
    sqlite.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u1", "ana@example.com", "Ana", "scrypt$x");
    sqlite.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u2", "ben@example.com", "Ben", "scrypt$x");
    sqlite
      .prepare("insert into applications (id, user_id, company, role_title, status) values (?, ?, ?, ?, ?)")
      .run("a1", "u1", "Acme", "Engineer", "applied");
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });

    const insertRound = sqlite.prepare("insert into rounds (id, user_id, application_id, kind, scheduled_at) values (?, ?, ?, 'first', ?)");
    insertRound.run("r1", "u1", "a1", 1_795_000_000);
    // The composite key holds on the migrated table: Ben can't file a round under Ana's application.
    expect(() => insertRound.run("r2", "u2", "a1", 1_795_000_000)).toThrow(/FOREIGN KEY constraint failed/);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);

    sqlite.prepare("delete from applications where id = 'a1'").run();
    expect(sqlite.prepare("select count(*) as n from rounds").get()).toEqual({ n: 0 });
    expect(sqlite.prepare("select count(*) as n from applications").get()).toEqual({ n: 0 });
  });
});

describe("the application follow-up wait migration", () => {
  it("gives timings saved before it the default wait of 7 days, and keeps the other five", () => {
    const before = earlyMigrations("_application_follow_up_wait");
    try {
      migrate(drizzle(sqlite), { migrationsFolder: before });
      sqlite.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u1", "ana@example.com", "Ana", "scrypt$x");
      sqlite
        .prepare(
          `insert into guidance_settings (user_id, thank_you_window_hours, decision_wait_days, follow_up_spacing_days, move_on_follow_ups, prep_lead_days)
           values ('u1', 12, 10, 5, 3, 4)`,
        )
        .run();
      migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
      expect(sqlite.prepare("select * from guidance_settings").get()).toMatchObject({
        thank_you_window_hours: 12,
        decision_wait_days: 10,
        follow_up_spacing_days: 5,
        move_on_follow_ups: 3,
        prep_lead_days: 4,
        application_follow_up_days: 7,
      });
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});

describe("the application versions migration", () => {
  it("stamps existing applications with their user's version, then moves only the written one's", () => {
    const before = earlyMigrations("_application_versions");
    try {
      migrate(drizzle(sqlite), { migrationsFolder: before });
      sqlite.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run("u1", "ana@example.com", "Ana", "scrypt$x");
      const insertApp = sqlite.prepare("insert into applications (id, user_id, company, role_title, status) values (?, 'u1', 'Acme', 'Engineer', 'applied')");
      insertApp.run("a1");
      insertApp.run("a2");
      migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
      const versions = () => sqlite.prepare("select application_id, version from application_versions order by application_id").all();
      const user = () => (sqlite.prepare("select version from user_data_versions where user_id = 'u1'").get() as { version: number }).version;
      expect(versions()).toEqual([
        { application_id: "a1", version: user() },
        { application_id: "a2", version: user() },
      ]);
      sqlite.prepare("insert into rounds (id, user_id, application_id, kind, scheduled_at) values ('r1', 'u1', 'a2', 'first', 1795000000)").run();
      expect(versions()).toEqual([
        { application_id: "a1", version: user() - 1 },
        { application_id: "a2", version: user() },
      ]);
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});
