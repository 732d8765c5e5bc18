import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { userDataVersions } from "@/db/schema";

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
const MAX_ENTRIES = 400;

type Entry<T> = { version: number; timeZone: string; computedAt: number; expiresAt: number; value: T };

/** What compute returns: the value, and the earliest instant (ms) it is known to change at, if any. */
export type Computed<T> = { value: T; changesAt?: number };

/** One cache per database, so tests with their own in-memory databases never share entries. */
const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

/**
 * The user's data version: SQLite triggers bump it on every insert, update or
 * delete of a row the guidance reads (migration 0004), whoever writes it.
 */
export function dataVersion(db: Queryable, userId: string): number {
  return db.select({ version: userDataVersions.version }).from(userDataVersions).where(eq(userDataVersions.userId, userId)).get()?.version ?? 0;
}

/**
 * `compute()`'s result for this user, reused while their data version and
 * time zone are unchanged and `now` is within QUEUE_FRESH_MS after it was
 * computed and before the instant compute said it changes. The version is
 * read in the same transaction as compute's reads, so a result is never
 * filed under a version newer than the rows it saw.
 */
export function cachedForUser<T>(
  db: Queryable,
  /** What is cached ("queue", "analytics"): each has its own entry per user. */
  what: string,
  user: { id: string; timeZone: string },
  now: Date,
  compute: (tx: Queryable) => Computed<T>,
): T {
  // A read-only snapshot: nothing is written, so there is no commit to check.
  // eslint-disable-next-line no-restricted-syntax
  return db.transaction((tx) => {
    const version = dataVersion(tx, user.id);
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new Map()));
    const at = now.getTime();
    const key = `${what}:${user.id}`;
    const hit = cache.get(key) as Entry<T> | undefined;
    if (hit && hit.version === version && hit.timeZone === user.timeZone && at >= hit.computedAt && at < hit.expiresAt) {
      // Refresh its place so the least recently used user is the one evicted.
      cache.delete(key);
      cache.set(key, hit);
      return hit.value;
    }
    const { value, changesAt } = compute(tx);
    const expiresAt = Math.min(at + QUEUE_FRESH_MS, changesAt !== undefined && changesAt > at ? changesAt : Infinity);
    cache.delete(key);
    cache.set(key, { version, timeZone: user.timeZone, computedAt: at, expiresAt, value });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    return value;
  });
}
