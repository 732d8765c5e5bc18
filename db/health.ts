import type Database from "better-sqlite3";
import { count } from "drizzle-orm";
import { healthProbe, users } from "./schema";
import type { Db } from "./sqlite/connections";
import { logStorageError, toStorageError, type StorageFailure } from "./storage-error";
import { write } from "./write";

/** A burst of probes shares one answer (GET /health), so polling cannot turn into a stream of disk writes. */
export const HEALTH_REUSE_MS = 1_000;

export type StorageHealth = { ok: true } | { ok: false; reason: StorageFailure };

/**
 * Reads a real table, then commits a write. The write must really commit: a
 * rolled-back one never reaches the disk, so it would pass on a full disk.
 * It rewrites the one row of health_probe and nothing else. Throws what the
 * database threw.
 */
export async function touchHealthProbe(db: Db, now: Date): Promise<void> {
  await db.select({ n: count() }).from(users);
  await write(db, { key: "health" }, async (tx) => {
    await tx
      .insert(healthProbe)
      .values({ id: 1, checkedAt: now })
      .onConflictDoUpdate({ target: healthProbe.id, set: { checkedAt: now } });
  });
}

/**
 * The same at start-up, before anything awaits: the server's first answer
 * depends on it, and the connection is not yet anyone else's.
 */
export function touchHealthProbeAtStart(sqlite: Database.Database, now: Date): void {
  sqlite.prepare("select count(*) from users").get();
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    sqlite.prepare("insert into health_probe (id, checked_at) values (1, ?) on conflict (id) do update set checked_at = excluded.checked_at").run(now.getTime()); // timestamp_ms
    sqlite.exec("COMMIT");
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

/**
 * Can the database be read, and does it take a committed write? A storage
 * failure is an answer ("full", "read-only", "busy"...), logged once;
 * anything else is a bug and is thrown.
 */
export async function probeStorage(db: Db, now: Date): Promise<StorageHealth> {
  try {
    await touchHealthProbe(db, now);
    return { ok: true };
  } catch (error) {
    const storage = toStorageError(error);
    if (!storage) throw error;
    logStorageError(storage, "health check");
    return { ok: false, reason: storage.kind };
  }
}
