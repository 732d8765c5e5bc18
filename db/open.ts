import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema/sqlite";
import { applyConnectionPragmas, BUSY_TIMEOUT_MS, registerEngine, SqliteEngine, type Db } from "./sqlite/connections";

export type { Db } from "./sqlite/connections";
export { BUSY_TIMEOUT_MS } from "./sqlite/connections";

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

/** Before the server answers anyone, migrations may wait longer for a lock a script holds. */
const OPENING_BUSY_TIMEOUT_MS = 5_000;

export type OpenedDatabase = {
  /** The handle every data function takes: reads on it, writes through write(db, …). */
  db: Db;
  /** The writer connection, for the few things below the data layer (checkpoints, pragmas, fault tests). */
  sqlite: Database.Database;
  /** Closes every connection the handle opened. */
  close: () => void;
};

/**
 * Opens (creating if needed) a SQLite database with the pragmas Shortlist
 * relies on, and brings its schema up to date. ":memory:" gives a private
 * database, which is what the unit tests use. The server opens through
 * openCheckedDatabase (db/startup-check.ts), which also proves the file is
 * sound and writable and explains any failure in one line.
 */
export function openDatabase(file: string): OpenedDatabase {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
    applyConnectionPragmas(sqlite);
    sqlite.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
    const writer = drizzle(sqlite, { schema });
    migrate(writer, { migrationsFolder: MIGRATIONS_FOLDER });
    refreshQueryStatistics(sqlite, "at-open");
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const engine = new SqliteEngine(file, { db: writer, sqlite });
    registerEngine(engine);
    return { db: engine.reader.db, sqlite, close: () => engine.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
