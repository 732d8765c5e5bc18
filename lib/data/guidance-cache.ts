import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { userDataVersions } from "@/db/schema";
import { snapshot } from "@/db/write";
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

/** A database's cache: its entries, and the rebuilds running now, by key (each settles once its entry is filed). */
type Store = { entries: SizedCache<unknown>; rebuilds: Map<string, Promise<void>> };

/** One cache per database, so tests with their own in-memory databases never share entries. */
const stores = new WeakMap<object, Store>();

function storeFor(db: object): Store {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = { entries: new SizedCache(cacheBudgetBytes()), rebuilds: new Map() }));
  return store;
}

/** How many entries, and about how many bytes, the cache for this database holds. */
export function cacheUse(db: object): { entries: number; bytes: number } {
  const cache = stores.get(db)?.entries;
  return { entries: cache?.size ?? 0, bytes: cache?.bytes ?? 0 };
}

export type DataVersions = { version: number; sharedVersion: number; removedVersion: number };

/**
 * The user's data versions: SQLite triggers bump `version` on every insert,
 * update or delete of a row the guidance reads (see guidance-tables.ts),
 * whoever writes it; `sharedVersion` when an input of every application
 * changed, `removedVersion` when an application was deleted.
 *
 * A page that looks up several cached things reads them once and passes
 * them to each. Read before the rows a result is computed from, they never
 * file a result under a version newer than the rows it saw: at worst a
 * result is filed under an older one, and the next request recomputes what
 * changed since.
 */
export async function dataVersions(db: Db, { userId }: { userId: string }): Promise<DataVersions> {
  const [row] = await db
    .select({ version: userDataVersions.version, sharedVersion: userDataVersions.sharedVersion, removedVersion: userDataVersions.removedVersion })
    .from(userDataVersions)
    .where(eq(userDataVersions.userId, userId))
    .limit(1);
  return row ?? { version: 0, sharedVersion: 0, removedVersion: 0 };
}

export const dataVersion = async (db: Db, { userId }: { userId: string }): Promise<number> => (await dataVersions(db, { userId })).version;

/**
 * The entry under `key` if `fits` accepts it, else the one `rebuild` makes
 * from the old entry (which it may update in place), filed under `key`.
 * Single-flight per key: while one rebuild runs, other lookups of the key
 * wait for it and then look again, so two requests after one write compute
 * once, and two rebuilds never update one entry together. The old entry is
 * taken out before the rebuild starts: a rebuild that fails half-way leaves
 * nothing behind, and the next lookup builds afresh.
 */
export async function cachedEntry<E>(
  db: Db,
  {
    key,
    fits,
    rebuild,
    bytes,
  }: {
    key: string;
    fits: (entry: E) => boolean;
    rebuild: (old: E | undefined) => Promise<E>;
    /** The entry's size, when the cache's walk of it would be slow or wrong. */
    bytes?: (entry: E) => number;
  },
): Promise<E> {
  const { entries, rebuilds } = storeFor(db);
  for (;;) {
    const hit = entries.get(key) as E | undefined;
    if (hit !== undefined && fits(hit)) return hit;
    const running = rebuilds.get(key);
    if (!running) break;
    await running;
  }
  const old = entries.get(key) as E | undefined;
  entries.delete(key);
  const rebuilt = (async () => {
    const entry = await rebuild(old);
    entries.set(key, entry, bytes?.(entry));
    return entry;
  })();
  const settled: Promise<void> = rebuilt.then(forget, forget);
  function forget() {
    if (rebuilds.get(key) === settled) rebuilds.delete(key);
  }
  rebuilds.set(key, settled);
  return rebuilt;
}

type Entry<T> = { version: number; reader: string; computedAt: number; expiresAt: number; value: T };

/**
 * `compute()`'s result for this user, reused while their data version and
 * reader (zone, locale, clock) are unchanged and `now` is between when it
 * was computed and the instant compute said it changes: no fixed window, so
 * what time alone changes shows at that instant. `compute` reads in one
 * snapshot, so the rows it sees agree with each other.
 */
export async function cachedForUser<T>(
  db: Db,
  {
    what,
    user,
    now,
    versions,
    compute,
  }: {
    /** What is cached ("analytics"): each has its own entry per user. */
    what: string;
    user: GuidanceReader;
    now: Date;
    /** The user's data versions, when the request has read them already. */
    versions?: DataVersions;
    compute: (read: Db) => Promise<Computed<T>>;
  },
): Promise<T> {
  const { version } = versions ?? (await dataVersions(db, { userId: user.id }));
  const at = now.getTime();
  const reader = readerKey(user);
  const entry = await cachedEntry<Entry<T>>(db, {
    key: `${what}:${user.id}`,
    fits: (hit) => hit.version === version && hit.reader === reader && at >= hit.computedAt && at < hit.expiresAt,
    rebuild: async () => {
      const { value, changesAt } = await snapshot(db, compute);
      const expiresAt = changesAt !== undefined && changesAt > at ? changesAt : changesAt === undefined ? Infinity : at;
      return { version, reader, computedAt: at, expiresAt, value };
    },
  });
  return entry.value;
}
