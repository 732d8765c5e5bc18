import "server-only";
import { databasePath } from "@/lib/config";
import { openDatabase, type Db } from "./open";

// Dev reloads re-evaluate modules; keep one connection per process.
const globalForDb = globalThis as unknown as { shortlistDb?: Db };

/** The app's one connection, opened and migrated on first use. */
export function getDb(): Db {
  globalForDb.shortlistDb ??= openDatabase(databasePath()).db;
  return globalForDb.shortlistDb;
}
