import "server-only";
import { deserialize, serialize } from "node:v8";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications, applicationVersions, guidanceParts } from "@/db/schema";
import { write } from "@/db/write";
import type { OverviewPart } from "@/lib/dashboard/overview";
import { ADVISABLE_STATUSES } from "./guidance-inputs";

// The dashboard's per-application parts, kept in the database beside the
// process's cache (guidance-parts.ts), so a restarted or new server reads
// what is still valid instead of recomputing every application. Rows are
// written back after the request that computed them, in one write per user
// and batch, never on the request's path.

/** A part as the cache holds it: with its size estimate. */
export type SizedPart = OverviewPart & { bytes: number };

/** What a part was computed against: it is valid only while all of it still holds (see the table's comment). */
export type PartStamp = { reader: string; version: number; sharedVersion: number; activeCount: number; computedAt: number };

/** Parts per write: a user-wide change's thousands are stored a slice at a time, between requests. */
const PARTS_PER_WRITE = 250;
/** Rows per INSERT: well under SQLite's and Postgres's limits on bound parameters. */
const ROWS_PER_INSERT = 50;
/** Ids per IN list. */
const IDS_PER_QUERY = 500;

/**
 * The user's stored parts that are valid for this reader and shared
 * version at `at`, of the applications the dashboard advises on, by
 * application id. A row whose body cannot be read (another Node's format)
 * is left out: the caller computes that application afresh.
 */
export async function readStoredParts(
  db: Db,
  { userId, reader, sharedVersion, activeCount, at }: { userId: string; reader: string; sharedVersion: number; activeCount: number; at: number },
): Promise<Map<string, SizedPart>> {
  const rows = await db
    .select({ id: guidanceParts.applicationId, bytes: guidanceParts.bytes, body: guidanceParts.body })
    .from(guidanceParts)
    .innerJoin(applications, and(eq(applications.id, guidanceParts.applicationId), eq(applications.userId, userId)))
    .innerJoin(applicationVersions, eq(applicationVersions.applicationId, guidanceParts.applicationId))
    .where(
      and(
        eq(guidanceParts.userId, userId),
        eq(guidanceParts.reader, reader),
        eq(guidanceParts.sharedVersion, sharedVersion),
        // Nothing the part read has been written since it was computed.
        gte(guidanceParts.version, applicationVersions.version),
        eq(applicationVersions.userId, userId),
        or(isNull(guidanceParts.activeCount), eq(guidanceParts.activeCount, activeCount)),
        lte(guidanceParts.computedAt, at),
        or(isNull(guidanceParts.changesAt), sql`${guidanceParts.changesAt} > ${at}`),
        isNull(applications.archivedAt),
        inArray(applications.status, ADVISABLE_STATUSES),
      ),
    );
  const parts = new Map<string, SizedPart>();
  for (const { id, bytes, body } of rows) {
    try {
      parts.set(id, { ...(deserialize(body) as OverviewPart), bytes });
    } catch {
      // Unreadable: computed again, and the row overwritten.
    }
  }
  return parts;
}

export type PendingParts = Map<string, { stamp: PartStamp; part: SizedPart }>;

/**
 * Writes these parts of the user's, each with its stamp, over any stored
 * before; those whose application is gone meanwhile are skipped. A cache
 * write: losing it costs a recompute, never data.
 */
export async function storeParts(db: Db, { userId, parts }: { userId: string; parts: PendingParts }): Promise<number> {
  if (parts.size === 0) return 0;
  return write(db, { userId }, async (tx) => {
    const ids = [...parts.keys()];
    const present = new Set<string>();
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const found = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.userId, userId), inArray(applications.id, ids.slice(i, i + IDS_PER_QUERY))));
      for (const { id } of found) present.add(id);
    }
    const rows = ids
      .filter((id) => present.has(id))
      .map((id) => {
        const { stamp, part } = parts.get(id)!;
        const { bytes, ...overviewPart } = part;
        return {
          userId,
          applicationId: id,
          reader: stamp.reader,
          version: stamp.version,
          sharedVersion: stamp.sharedVersion,
          activeCount: part.readsOtherApplications ? stamp.activeCount : null,
          computedAt: stamp.computedAt,
          changesAt: Number.isFinite(part.changesAt) ? part.changesAt : null,
          bytes,
          body: serialize(overviewPart),
        };
      });
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await tx
        .insert(guidanceParts)
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoUpdate({
          target: [guidanceParts.userId, guidanceParts.applicationId],
          set: {
            reader: sql`excluded.reader`,
            version: sql`excluded.version`,
            sharedVersion: sql`excluded.shared_version`,
            activeCount: sql`excluded.active_count`,
            computedAt: sql`excluded.computed_at`,
            changesAt: sql`excluded.changes_at`,
            bytes: sql`excluded.bytes`,
            body: sql`excluded.body`,
          },
        });
    }
    return rows.length;
  });
}

/** How long computed parts wait to be stored: the requests meanwhile add theirs to the same write. */
export const WRITE_BACK_AFTER_MS = 2_000;

/** Per database: the parts waiting to be written, by user, and when the next write-back runs. */
type WriteBack = { afterMs: number; pending: Map<string, PendingParts>; timer?: NodeJS.Timeout; flushing?: Promise<void> };

// Shared by every copy of this module Next's chunks hold: instrumentation.ts turns it on, the pages queue.
const shared = globalThis as unknown as Record<symbol, WeakMap<object, WriteBack> | undefined>;
const writeBacks = (shared[Symbol.for("shortlist.guidanceWriteBack")] ??= new WeakMap<object, WriteBack>());

/**
 * Turns on writing computed parts back for this database, `afterMs` after
 * the first one waiting (so one request's thousands of parts, and the next
 * few requests', go in one write). Off by default: a test's database keeps
 * only what it writes itself, unless it turns this on (afterMs Infinity:
 * only flushStoredParts writes).
 */
export function startWriteBack(db: Db, { afterMs }: { afterMs: number }): void {
  if (!writeBacks.has(db)) writeBacks.set(db, { afterMs, pending: new Map() });
}

/** Queues these freshly computed parts of the user's to be stored, if write-back is on for this database. */
export function queueParts(db: Db, { userId, stamp, parts }: { userId: string; stamp: PartStamp; parts: Iterable<[string, SizedPart]> }): void {
  const writeBack = writeBacks.get(db);
  if (!writeBack) return;
  let mine = writeBack.pending.get(userId);
  if (!mine) writeBack.pending.set(userId, (mine = new Map()));
  for (const [id, part] of parts) mine.set(id, { stamp, part });
  if (mine.size === 0) writeBack.pending.delete(userId);
  if (writeBack.pending.size > 0 && !writeBack.timer && Number.isFinite(writeBack.afterMs)) {
    writeBack.timer = setTimeout(flushQuietly, writeBack.afterMs, db);
    writeBack.timer.unref();
  }
}

function chunksOf(parts: PendingParts): PendingParts[] {
  const entries = [...parts];
  const chunks: PendingParts[] = [];
  for (let i = 0; i < entries.length; i += PARTS_PER_WRITE) chunks.push(new Map(entries.slice(i, i + PARTS_PER_WRITE)));
  return chunks;
}

function flushQuietly(db: Db): void {
  flushStoredParts(db).catch((error: unknown) => console.warn("guidance parts not stored (they are computed again when needed):", error));
}

/**
 * Writes every queued part now, one write per user and slice of
 * PARTS_PER_WRITE. A user's parts whose write fails are queued again (unless
 * newer ones took their place), and the failure is thrown once the other
 * users' are written.
 */
export async function flushStoredParts(db: Db): Promise<void> {
  const writeBack = writeBacks.get(db);
  if (!writeBack) return;
  clearTimeout(writeBack.timer);
  writeBack.timer = undefined;
  await writeBack.flushing;
  const batch = writeBack.pending;
  writeBack.pending = new Map();
  let failure: unknown;
  const requeue = (userId: string, parts: PendingParts) => {
    const now = writeBack.pending.get(userId) ?? new Map();
    for (const [id, entry] of parts) if (!now.has(id)) now.set(id, entry);
    writeBack.pending.set(userId, now);
  };
  const run = (async () => {
    for (const [userId, parts] of batch) {
      const chunks = chunksOf(parts);
      for (let i = 0; i < chunks.length; i++) {
        try {
          await storeParts(db, { userId, parts: chunks[i] });
        } catch (error) {
          failure ??= error;
          for (const rest of chunks.slice(i)) requeue(userId, rest);
          break;
        }
        // Serializing thousands of parts is main-thread work: requests waiting meanwhile go first.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  })();
  writeBack.flushing = run;
  await run;
  if (failure !== undefined) throw failure;
}
