import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { userDataVersions } from "@/db/schema";
import type { GuidanceReader } from "./guidance-inputs";
import { SizedCache } from "./sized-cache";

/**
 * How long a computed queue may be served while the user's data is unchanged.
 * A write anywhere in the user's data makes the next read recompute at once
 * (the version below); this bound is only for steps that time alone changes:
 * a thank-you window closing, a snooze ending. The engine works in hours and
 * days, so a minute late is invisible, and it spares a busy account's
 * dashboard, list and board from recomputing thousands of applications on
 * every request.
 */
export const QUEUE_FRESH_MS = 60_000;
/**
 * The memory all cached queues and analytics may hold together, by estimate
 * (SHORTLIST_CACHE_MB, default 256). A 5,000-application account's overview
 * is about 23 MB by the estimate (20 MB of real heap), a 20,000 one about
 * 92 MB: the default keeps even that one (an entry may take half), since an
 * account whose overview is not kept recomputes it on every page, seconds
 * each. What does not fit is computed again when asked for.
 */
export const DEFAULT_CACHE_MB = 256;

export function cacheBudgetBytes(): number {
  const mb = Number(process.env.SHORTLIST_CACHE_MB);
  return (Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_CACHE_MB) * 1024 * 1024;
}

type Entry<T> = { version: number; reader: string; computedAt: number; expiresAt: number; value: T };

/** Whose eyes a cached result was written for: its texts hold dates in this zone, locale and clock. */
const readerKey = (user: GuidanceReader) => `${user.timeZone}|${user.dates?.locale ?? ""}|${user.dates?.hourCycle ?? ""}`;

/** What compute returns: the value, and the earliest instant (ms) it is known to change at, if any. */
export type Computed<T> = { value: T; changesAt?: number };

/** One cache per database, so tests with their own in-memory databases never share entries. */
const caches = new WeakMap<object, SizedCache<Entry<unknown>>>();

/** How many entries, and about how many bytes, the cache for this database holds. */
export function cacheUse(db: object): { entries: number; bytes: number } {
  const cache = caches.get(db);
  return { entries: cache?.size ?? 0, bytes: cache?.bytes ?? 0 };
}

/**
 * The user's data version: SQLite triggers bump it on every insert, update or
 * delete of a row the guidance reads (migration 0004), whoever writes it.
 */
export function dataVersion(db: Queryable, userId: string): number {
  return db.select({ version: userDataVersions.version }).from(userDataVersions).where(eq(userDataVersions.userId, userId)).get()?.version ?? 0;
}

/**
 * `compute()`'s result for this user, reused while their data version and
 * reader (zone, locale, clock) are unchanged and `now` is within QUEUE_FRESH_MS after it was
 * computed and before the instant compute said it changes. The version is
 * read in the same transaction as compute's reads, so a result is never
 * filed under a version newer than the rows it saw.
 */
export function cachedForUser<T>(
  db: Queryable,
  /** What is cached ("queue", "analytics"): each has its own entry per user. */
  what: string,
  user: GuidanceReader,
  now: Date,
  compute: (tx: Queryable) => Computed<T>,
): T {
  // A read-only snapshot: nothing is written, so there is no commit to check.
  // eslint-disable-next-line no-restricted-syntax
  return db.transaction((tx) => {
    const version = dataVersion(tx, user.id);
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new SizedCache(cacheBudgetBytes())));
    const at = now.getTime();
    const key = `${what}:${user.id}`;
    const hit = cache.get(key) as Entry<T> | undefined;
    const reader = readerKey(user);
    if (hit && hit.version === version && hit.reader === reader && at >= hit.computedAt && at < hit.expiresAt) return hit.value;
    const { value, changesAt } = compute(tx);
    const expiresAt = Math.min(at + QUEUE_FRESH_MS, changesAt !== undefined && changesAt > at ? changesAt : Infinity);
    cache.set(key, { version, reader, computedAt: at, expiresAt, value });
    return value;
  });
}
