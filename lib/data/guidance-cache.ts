import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { userDataVersions } from "@/db/schema";
import type { GuidanceReader } from "./guidance-inputs";
import { SizedCache } from "./sized-cache";

/**
 * The memory all cached queues and analytics may hold together, by estimate
 * (SHORTLIST_CACHE_MB, default 256). The bench's 20,000-application
 * account's overview, kept per application, is about 99 MB by the estimate
 * (89 MB of real heap):
 * the default keeps even that one (an entry may take half), since an
 * account whose overview is not kept recomputes it on every page, seconds
 * each. What does not fit is computed again when asked for.
 */
export const DEFAULT_CACHE_MB = 256;

export function cacheBudgetBytes(): number {
  const mb = Number(process.env.SHORTLIST_CACHE_MB);
  return (Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_CACHE_MB) * 1024 * 1024;
}

/** Whose eyes a cached result was written for: its texts hold dates in this zone, locale and clock. */
export const readerKey = (user: GuidanceReader) => `${user.timeZone}|${user.dates?.locale ?? ""}|${user.dates?.hourCycle ?? ""}`;

/** What compute returns: the value, and the earliest instant (ms) it is known to change at, if any. */
export type Computed<T> = { value: T; changesAt?: number };

/** One cache per database, so tests with their own in-memory databases never share entries. */
const caches = new WeakMap<object, SizedCache<unknown>>();

export function cacheFor(db: object): SizedCache<unknown> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SizedCache(cacheBudgetBytes())));
  return cache;
}

/** How many entries, and about how many bytes, the cache for this database holds. */
export function cacheUse(db: object): { entries: number; bytes: number } {
  const cache = caches.get(db);
  return { entries: cache?.size ?? 0, bytes: cache?.bytes ?? 0 };
}

export type DataVersions = { version: number; sharedVersion: number; removedVersion: number };

/**
 * The user's data versions: SQLite triggers bump `version` on every insert,
 * update or delete of a row the guidance reads (see guidance-tables.ts),
 * whoever writes it; `sharedVersion` when an input of every application
 * changed, `removedVersion` when an application was deleted.
 */
export function dataVersions(db: Queryable, userId: string): DataVersions {
  const row = db
    .select({ version: userDataVersions.version, sharedVersion: userDataVersions.sharedVersion, removedVersion: userDataVersions.removedVersion })
    .from(userDataVersions)
    .where(eq(userDataVersions.userId, userId))
    .get();
  return row ?? { version: 0, sharedVersion: 0, removedVersion: 0 };
}

export const dataVersion = (db: Queryable, userId: string): number => dataVersions(db, userId).version;

/**
 * Runs `read` in one read transaction, so the versions it reads and the
 * rows it computes from are one snapshot: a result is never filed under a
 * version newer than the rows it saw, even with another process writing.
 */
export function inSnapshot<T>(db: Queryable, read: (tx: Queryable) => T): T {
  // A read-only snapshot: nothing is written, so there is no commit to check.
  // eslint-disable-next-line no-restricted-syntax
  return db.transaction((tx) => read(tx));
}

type Entry<T> = { version: number; reader: string; computedAt: number; expiresAt: number; value: T };

/**
 * `compute()`'s result for this user, reused while their data version and
 * reader (zone, locale, clock) are unchanged and `now` is between when it
 * was computed and the instant compute said it changes: no fixed window, so
 * what time alone changes shows at that instant.
 */
export function cachedForUser<T>(
  db: Queryable,
  /** What is cached ("analytics"): each has its own entry per user. */
  what: string,
  user: GuidanceReader,
  now: Date,
  compute: (tx: Queryable) => Computed<T>,
): T {
  return inSnapshot(db, (tx) => {
    const version = dataVersion(tx, user.id);
    const cache = cacheFor(db);
    const at = now.getTime();
    const key = `${what}:${user.id}`;
    const hit = cache.get(key) as Entry<T> | undefined;
    const reader = readerKey(user);
    if (hit && hit.version === version && hit.reader === reader && at >= hit.computedAt && at < hit.expiresAt) return hit.value;
    const { value, changesAt } = compute(tx);
    const expiresAt = changesAt !== undefined && changesAt > at ? changesAt : changesAt === undefined ? Infinity : at;
    cache.set(key, { version, reader, computedAt: at, expiresAt, value });
    return value;
  });
}
