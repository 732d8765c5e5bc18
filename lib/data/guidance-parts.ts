import "server-only";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications, applicationVersions } from "@/db/schema";
import { snapshot } from "@/db/write";
import {
  compareCheckIns,
  comparePutAside,
  mergeAll,
  overviewPart,
  replaceItems,
  type CheckInItem,
  type GuidanceOverview,
  type OverviewChange,
  type OverviewPart,
  type PutAsideItem,
  type QueueItem,
} from "@/lib/dashboard/overview";
import { compareRecommendations } from "@/lib/guidance/queue";
import { cachedEntry, dataVersions, readerKey, type DataVersions } from "./guidance-cache";
import { activeApplicationCount, ADVISABLE_STATUSES, loadGuidanceInputs, type GuidanceReader } from "./guidance-inputs";
import { queueParts, readStoredParts, type PartStamp } from "./guidance-store";
import { ExpiryQueue } from "./guidance-expiry";
import { estimateBytes, OBJECT_BYTES, SLOT_BYTES, STRING_BYTES } from "./sized-cache";

// The dashboard's overview, kept per application: a write to one
// application recomputes that application and merges its new part into the
// cached queue. Versions live in the database (application_versions, set by
// triggers), so a write through another process is seen on the next read.

/** Past this many applications to recompute, one read of all the user's rows beats IN lists of ids. */
export const PARTIAL_RELOAD_MAX = 200;

type Part = OverviewPart & { usesActiveCount: boolean; bytes: number };

type Entry = DataVersions & {
  reader: string;
  activeCount: number;
  computedAt: number;
  /** The earliest part's changesAt: until then, an unchanged version serves the overview as it is. */
  expiresAt: number;
  parts: Map<string, Part>;
  expiries: ExpiryQueue<Part>;
  /** The parts whose answer reads the count of applications in play. */
  usingCount: Set<string>;
  /** The parts' estimates, summed as they come and go. */
  partBytes: number;
  overview: GuidanceOverview;
  /** How the last partial rebuild made `overview` from the one before (null after a full build): the dashboard's plan is derived with it. */
  change: OverviewChange | null;
  /** The estimate of what only `change` holds: the replaced parts' items and the lists before. */
  changeBytes: number;
};

/** The overview as kept: the lists, and how the last partial rebuild made them (see Entry). */
export type KeptOverview = Pick<Entry, "overview" | "change">;

/** The parts, plus what the merged lists add (slots only: the items are the parts') and the map and heap holding them. */
function entryBytes(entry: Entry): number {
  const { queue, putAside, checkIns } = entry.overview;
  const slots = queue.length + putAside.length + checkIns.length + 4 * entry.parts.size + 3 * entry.expiries.size + entry.usingCount.size;
  return 6 * OBJECT_BYTES + SLOT_BYTES * (slots + 16) + entry.parts.size * (STRING_BYTES + 2 * 36) + entry.partBytes + entry.changeBytes;
}

function partOf(input: Parameters<typeof overviewPart>[0], now: Date): Part {
  const part = overviewPart(input, now);
  // Only parts whose answer read the count of applications in play are recomputed when it changes.
  return { ...part, usesActiveCount: part.readsOtherApplications, bytes: estimateBytes(part) };
}

const frozen = (o: GuidanceOverview): GuidanceOverview =>
  Object.freeze({ queue: Object.freeze(o.queue), putAside: Object.freeze(o.putAside), checkIns: Object.freeze(o.checkIns) });

/** Files `part` under `id` in the entry's map, heap, count set and byte sum (after any old part is taken out). */
function addPart(entry: Pick<Entry, "parts" | "expiries" | "usingCount" | "partBytes">, id: string, part: Part): void {
  entry.parts.set(id, part);
  entry.expiries.push(part.changesAt, id, part);
  if (part.usesActiveCount) entry.usingCount.add(id);
  entry.partBytes += part.bytes;
}

function removePart(entry: Entry, id: string): Part | undefined {
  const part = entry.parts.get(id);
  if (!part) return undefined;
  entry.parts.delete(id);
  entry.usingCount.delete(id);
  entry.partBytes -= part.bytes;
  return part;
}

/** The ids of the applications the dashboard advises on. */
async function advisableIds(db: Db, { userId }: { userId: string }): Promise<string[]> {
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNull(applications.archivedAt), inArray(applications.status, ADVISABLE_STATUSES)));
  return rows.map((r) => r.id);
}

/**
 * What a build reads, in one snapshot: the stored parts still valid at
 * `now`, and the inputs of the advisable applications without one (read
 * whole past PARTIAL_RELOAD_MAX of them, then only theirs kept).
 */
async function readForBuild(db: Db, { user, now, versions }: { user: GuidanceReader; now: Date; versions: DataVersions }) {
  return snapshot(db, async (read) => {
    const activeCount = await activeApplicationCount(read, { userId: user.id });
    const stored = await readStoredParts(read, { userId: user.id, reader: readerKey(user), sharedVersion: versions.sharedVersion, activeCount, at: now.getTime() });
    const missing = (stored.size > 0 ? await advisableIds(read, { userId: user.id }) : null)?.filter((id) => !stored.has(id));
    if (missing?.length === 0) return { stored, activeCount, inputs: [] };
    const few = missing && missing.length <= PARTIAL_RELOAD_MAX;
    const inputs = await loadGuidanceInputs(read, { user, scope: few ? { dashboard: true, applicationIds: missing } : { dashboard: true } });
    return { stored, activeCount, inputs: stored.size > 0 && !few ? inputs.filter((i) => !stored.has(i.application.id)) : inputs };
  });
}

/**
 * Every advisable application's part: those stored in the database and
 * still valid (a restarted or new server) as they are, the others computed
 * from one snapshot of the user's rows and queued to be stored.
 */
async function build(db: Db, { user, now, versions }: { user: GuidanceReader; now: Date; versions: DataVersions }): Promise<Entry> {
  const { stored, activeCount, inputs } = await readForBuild(db, { user, now, versions });
  const holder = { parts: new Map<string, Part>(), expiries: new ExpiryQueue<Part>(), usingCount: new Set<string>(), partBytes: 0 };
  for (const [id, part] of stored) addPart(holder, id, { ...part, usesActiveCount: part.readsOtherApplications });
  const fresh = new Map<string, Part>();
  for (const input of inputs) fresh.set(input.application.id, partOf(input, now));
  for (const [id, part] of fresh) addPart(holder, id, part);
  queueParts(db, { userId: user.id, stamp: stampOf(user, versions, activeCount, now), parts: fresh });
  const { changesAt, ...lists } = mergeAll(holder.parts.values());
  return {
    ...versions,
    ...holder,
    reader: readerKey(user),
    activeCount,
    computedAt: now.getTime(),
    expiresAt: changesAt,
    overview: frozen(lists),
    change: null,
    changeBytes: 0,
  };
}

const stampOf = (user: GuidanceReader, versions: DataVersions, activeCount: number, now: Date): PartStamp => ({
  reader: readerKey(user),
  version: versions.version,
  sharedVersion: versions.sharedVersion,
  activeCount,
  computedAt: now.getTime(),
});

/** The ids whose parts must be recomputed, and those whose applications are gone; null when a full build is cheaper. */
async function staleIds(
  db: Db,
  { userId, entry, versions, at, activeCount }: { userId: string; entry: Entry; versions: DataVersions; at: number; activeCount: number },
): Promise<{ changed: Set<string>; removed: Set<string> } | null> {
  const changed = new Set<string>();
  if (versions.version !== entry.version) {
    const rows = await db
      .select({ id: applicationVersions.applicationId })
      .from(applicationVersions)
      .where(and(eq(applicationVersions.userId, userId), gt(applicationVersions.version, entry.version)));
    if (rows.length > PARTIAL_RELOAD_MAX) return null;
    for (const { id } of rows) changed.add(id);
  }
  const removed = new Set<string>();
  if (versions.removedVersion > entry.version) {
    const rows = await db.select({ id: applicationVersions.applicationId }).from(applicationVersions).where(eq(applicationVersions.userId, userId));
    const present = new Set(rows.map((r) => r.id));
    for (const id of entry.parts.keys()) if (!present.has(id)) removed.add(id);
  }
  if (activeCount !== entry.activeCount) {
    if (entry.usingCount.size > PARTIAL_RELOAD_MAX) return null;
    for (const id of entry.usingCount) changed.add(id);
  }
  for (const id of entry.expiries.popDue(at, (id, part) => entry.parts.get(id) === part)) changed.add(id);
  for (const id of removed) changed.delete(id);
  return changed.size > PARTIAL_RELOAD_MAX ? null : { changed, removed };
}

/** What `update` reads, in one snapshot: what changed since `entry`, and the changed applications' inputs; null when a full build is cheaper. */
async function readChanges(db: Db, { user, now, versions, entry }: { user: GuidanceReader; now: Date; versions: DataVersions; entry: Entry }) {
  return snapshot(db, async (read) => {
    // The count moves only with a write to an application, which also moves the version.
    const activeCount = versions.version === entry.version ? entry.activeCount : await activeApplicationCount(read, { userId: user.id });
    const stale = await staleIds(read, { userId: user.id, entry, versions, at: now.getTime(), activeCount });
    if (!stale) return null;
    const inputs = stale.changed.size > 0 ? await loadGuidanceInputs(read, { user, scope: { dashboard: true, applicationIds: [...stale.changed] } }) : [];
    return { ...stale, activeCount, inputs };
  });
}

/** The entry brought up to date from `entry`: only the changed, expired or count-dependent parts are recomputed. */
async function update(db: Db, { user, now, versions, entry }: { user: GuidanceReader; now: Date; versions: DataVersions; entry: Entry }): Promise<Entry> {
  const read = await readChanges(db, { user, now, versions, entry });
  if (!read) return build(db, { user, now, versions });
  const { changed, removed, activeCount, inputs } = read;
  const fresh = new Map<string, Part>();
  for (const input of inputs) fresh.set(input.application.id, partOf(input, now));
  queueParts(db, { userId: user.id, stamp: stampOf(user, versions, activeCount, now), parts: fresh });
  const gone = { queue: [] as QueueItem[], putAside: [] as PutAsideItem[], checkIns: [] as CheckInItem[] };
  const added = { queue: [] as QueueItem[], putAside: [] as PutAsideItem[], checkIns: [] as CheckInItem[] };
  let goneBytes = 0;
  for (const id of [...changed, ...removed]) {
    const old = removePart(entry, id);
    if (!old) continue;
    goneBytes += old.bytes;
    gone.queue.push(...old.queue);
    gone.putAside.push(...old.putAside);
    if (old.checkIn) gone.checkIns.push(old.checkIn);
  }
  for (const [id, part] of fresh) {
    addPart(entry, id, part);
    added.queue.push(...part.queue);
    added.putAside.push(...part.putAside);
    if (part.checkIn) added.checkIns.push(part.checkIn);
  }
  const old = entry.overview;
  const queue = replaceItems(old.queue, gone.queue, added.queue, compareRecommendations);
  const putAside = replaceItems(old.putAside, gone.putAside, added.putAside, comparePutAside);
  const checkIns = replaceItems(old.checkIns, gone.checkIns, added.checkIns, compareCheckIns);
  // An item not where the order puts it means the cached order cannot be trusted: start again.
  if (!queue || !putAside || !checkIns) return build(db, { user, now, versions });
  const isCurrent = (id: string, part: Part) => entry.parts.get(id) === part;
  // Leftovers of replaced parts outnumber the live ones: rebuild the heap, once in a while.
  if (entry.expiries.size > 2 * entry.parts.size + 64) {
    entry.expiries = new ExpiryQueue<Part>();
    for (const [id, part] of entry.parts) entry.expiries.push(part.changesAt, id, part);
  }
  const slotsBefore = old.queue.length + old.putAside.length + old.checkIns.length;
  return {
    ...entry,
    ...versions,
    activeCount,
    computedAt: now.getTime(),
    expiresAt: entry.expiries.soonest(isCurrent),
    overview: frozen({ queue, putAside, checkIns }),
    // Only the last change is kept: the overview before holds no link to the one before it.
    change: { from: old, gone, added },
    changeBytes: goneBytes + SLOT_BYTES * slotsBefore,
  };
}

/**
 * The user's overview at `now`, and how its last partial rebuild made it:
 * served as it is while nothing of theirs changed and no part has expired;
 * otherwise rebuilt from the cached parts, recomputing only what changed.
 * A new reader (zone, locale, clock), a change to what every application
 * reads, or an earlier instant than the last computed builds it afresh.
 * One rebuild at a time per user; others asking meanwhile wait for it.
 */
export async function cachedOverview(
  db: Db,
  { user, now, versions }: { user: GuidanceReader; now: Date; versions?: DataVersions },
): Promise<KeptOverview> {
  const known = versions ?? (await dataVersions(db, { userId: user.id }));
  const at = now.getTime();
  const reader = readerKey(user);
  const reusable = (entry: Entry) => entry.reader === reader && entry.sharedVersion === known.sharedVersion && at >= entry.computedAt;
  return cachedEntry<Entry>(db, {
    key: `queue:${user.id}`,
    fits: (entry) => reusable(entry) && entry.version === known.version && at < entry.expiresAt,
    // The old entry's parts are reused, and updated in place (it is out of the cache meanwhile).
    rebuild: (old) => (old && reusable(old) ? update(db, { user, now, versions: known, entry: old }) : build(db, { user, now, versions: known })),
    bytes: entryBytes,
  });
}
