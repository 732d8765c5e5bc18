import "server-only";
import type Database from "better-sqlite3";
import { engineKind, type EngineKind } from "./engine-kind";
import { databasePath } from "./location";
import { refreshQueryStatistics, type Db } from "./open";
import { engineOf } from "./sqlite/connections";
import { describeUrl, openCheckedPostgres } from "./postgres/startup";
import { DatabaseStartError, openCheckedDatabase } from "./startup-check";

// Dev reloads re-evaluate modules; keep one connection per process.
const globalForDb = globalThis as unknown as { shortlistDb?: Db } & Record<symbol, unknown>;
const OPENING = Symbol.for("shortlist.openingDatabase");

/** The connection lives as long as the server, while the data grows: keep its statistics current. */
const STATISTICS_EVERY_MS = 60 * 60 * 1000;
/** At shutdown nobody waits on us any more: give a reader elsewhere time to let the checkpoint finish. */
const SHUTDOWN_BUSY_TIMEOUT_MS = 2_000;

/**
 * For server.mjs on SIGTERM: folds the WAL into the database file, so that
 * a copy of the .db alone is complete, and closes it. Returns what happened,
 * in a line for the log.
 */
function closeAtShutdown(db: Db, sqlite: Database.Database): string {
  try {
    // The readers first: a checkpoint cannot truncate the WAL while one of ours holds a snapshot.
    engineOf(db).closeReaders();
    sqlite.pragma(`busy_timeout = ${SHUTDOWN_BUSY_TIMEOUT_MS}`);
    const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
    sqlite.close();
    return result.busy
      ? `database closed; the WAL could not be fully checkpointed (another process is reading it): ${result.checkpointed} of ${result.log} pages`
      : `WAL checkpointed (${result.checkpointed} pages) and database closed`;
  } catch (error) {
    if (sqlite.open) sqlite.close();
    return `database closed; checkpoint failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The app's one connection, opened, checked and migrated on first use (at
 * start, by instrumentation.ts). Throws a DatabaseStartError when the file
 * cannot be used. On Postgres it is the pool openServerDatabase opened.
 */
export function getDb(): Db {
  if (engineKind() === "postgres") return postgresDb();
  if (!globalForDb.shortlistDb) {
    const { db, sqlite } = openCheckedDatabase(databasePath());
    setInterval(() => {
      try {
        refreshQueryStatistics(sqlite, "periodic");
      } catch (error) {
        // Busy or locked: statistics can wait for the next hour.
        console.warn("query statistics not refreshed:", error);
      }
    }, STATISTICS_EVERY_MS).unref();
    globalForDb[Symbol.for("shortlist.closeDatabase")] = () => closeAtShutdown(db, sqlite);
    globalForDb.shortlistDb = db;
  }
  return globalForDb.shortlistDb;
}

/** The Postgres database, opened at start by openServerDatabase (db/postgres/startup.ts checks it). */
function postgresDb(): Db {
  if (!globalForDb.shortlistDb) {
    throw new Error("The Postgres database is opened at start (openServerDatabase, from instrumentation.ts or a script) before getDb() is called.");
  }
  return globalForDb.shortlistDb;
}

/**
 * Opens, checks and migrates the server's database: SQLite's file at once
 * (getDb), Postgres' pool asynchronously (connect, migrate under a lock or
 * check the schema, commit a probe). Throws a DatabaseStartError whose
 * message is the one line to print when it cannot be used.
 */
export async function openServerDatabase(): Promise<Db> {
  let kind: EngineKind;
  try {
    kind = engineKind();
  } catch (error) {
    throw new DatabaseStartError(`Shortlist can't start: ${(error as Error).message}.`, { cause: error });
  }
  if (kind === "sqlite") return getDb();
  if (!globalForDb.shortlistDb) {
    const url = process.env.DATABASE_URL ?? "";
    const opening = (globalForDb[OPENING] as Promise<Db> | undefined) ?? openCheckedPostgres(url).then((opened) => {
      globalForDb[Symbol.for("shortlist.closeDatabase")] = async () => {
        await opened.close();
        return `database connections closed (${describeUrl(url)})`;
      };
      globalForDb.shortlistDb = opened.db;
      return opened.db;
    });
    globalForDb[OPENING] = opening;
    try {
      await opening;
    } finally {
      globalForDb[OPENING] = undefined;
    }
  }
  return postgresDb();
}
