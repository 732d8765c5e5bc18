import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** The database or a transaction on it: helpers that must join a caller's transaction take this. */
export type Queryable = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Without statistics SQLite cannot tell that an application id narrows the
 * rows far more than a user id does, and with a user's thousands of rounds it
 * walked all of them to find one application's (54 ms instead of 3 ms for an
 * application page at 5,000 applications). `optimize` gathers statistics only
 * where missing or stale; analysis_limit keeps that to milliseconds on big
 * tables. SQLite's advice is to run it at open and now and then after.
 */
export function refreshQueryStatistics(sqlite: Database.Database, when: "at-open" | "periodic"): void {
  sqlite.pragma("analysis_limit = 400");
  sqlite.pragma(when === "at-open" ? "optimize = 0x10002" : "optimize");
}

/**
 * How long SQLite itself waits for a lock another process holds. The wait
 * blocks the whole server (better-sqlite3 is synchronous), so it is short;
 * a write that still finds the database busy is retried with an await by
 * the action layer (lib/forms/storage-failure.ts), and reads never need it
 * in WAL mode.
 */
export const BUSY_TIMEOUT_MS = 50;
/** Before the server answers anyone, migrations may wait longer for a lock a script holds. */
const OPENING_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) a SQLite database with the pragmas Shortlist
 * relies on, and brings its schema up to date. ":memory:" gives a private
 * database, which is what the unit tests use. The server opens through
 * openCheckedDatabase (db/startup-check.ts), which also proves the file is
 * sound and writable and explains any failure in one line.
 */
export function openDatabase(file: string): { db: Db; sqlite: Database.Database } {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
    // FULL: a write the user saw succeed survives a power cut, WAL or not.
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
    if (sqlite.pragma("foreign_keys", { simple: true }) !== 1) {
      throw new Error("SQLite refused to enable foreign keys; cascades would silently not happen");
    }
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    refreshQueryStatistics(sqlite, "at-open");
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return { db, sqlite };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
