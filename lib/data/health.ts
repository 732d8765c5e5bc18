// No "server-only": the start-up check (db/startup-check.ts) runs this too,
// before React is involved.
import { count } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { healthProbe, users } from "@/db/schema";
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
export function touchHealthProbe(db: Queryable, now: Date): void {
  db.select({ n: count() }).from(users).get();
  write(db, (tx) =>
    tx
      .insert(healthProbe)
      .values({ id: 1, checkedAt: now })
      .onConflictDoUpdate({ target: healthProbe.id, set: { checkedAt: now } })
      .run(),
  );
}

/**
 * Can the database be read, and does it take a committed write? A storage
 * failure is an answer ("full", "read-only", "busy"...), logged once;
 * anything else is a bug and is thrown.
 */
export function probeStorage(db: Queryable, now: Date): StorageHealth {
  try {
    touchHealthProbe(db, now);
    return { ok: true };
  } catch (error) {
    const storage = toStorageError(error);
    if (!storage) throw error;
    logStorageError(storage, "health check");
    return { ok: false, reason: storage.kind };
  }
}
