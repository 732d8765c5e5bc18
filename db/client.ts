import "server-only";
import { databasePath } from "@/lib/config";
import { refreshQueryStatistics, type Db } from "./open";
import { openCheckedDatabase } from "./startup-check";

// Dev reloads re-evaluate modules; keep one connection per process.
const globalForDb = globalThis as unknown as { shortlistDb?: Db };

/** The connection lives as long as the server, while the data grows: keep its statistics current. */
const STATISTICS_EVERY_MS = 60 * 60 * 1000;

/**
 * The app's one connection, opened, checked and migrated on first use (at
 * start, by instrumentation.ts). Throws a DatabaseStartError when the file
 * cannot be used.
 */
export function getDb(): Db {
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
    globalForDb.shortlistDb = db;
  }
  return globalForDb.shortlistDb;
}
