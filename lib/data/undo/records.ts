import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/open";
import { undoRecords } from "@/db/schema";
import { write, type Tx } from "@/db/write";
import { MINUTE_MS } from "@/lib/time/units";
import { restoreSnapshot, takeSnapshot, versionsOf, type Snapshot } from "./snapshot";

/**
 * How long an action can be undone on the server. The toast shows for
 * seconds, but it pauses while hovered or focused, and a slow connection
 * must not make a pressed Undo fail: the record outlives the toast.
 */
export const UNDO_WINDOW_MS = 15 * MINUTE_MS;

export type Undoable<R> = { result: R; undo: { id: string; label: string } | null };

type Plan = {
  userId: string;
  applicationIds: readonly string[];
  now: Date;
};

/** The toast's words for what was done (given the companies touched), or null when nothing was: no record is kept. */
type Label<R> = (result: R, companies: string[]) => string | null;

/**
 * Runs an action and keeps what it changed, in ONE transaction: the rows of
 * the applications it touches as they were before, and each one's version
 * right after. If the action's commit fails, neither the change nor the
 * record exists, and the caller hears a StorageError, never "done".
 */
export async function withUndo<R>(
  db: Db,
  { plan, work, labelFor }: { plan: Plan; work: (tx: Tx) => Promise<R>; labelFor: Label<R> },
): Promise<Undoable<R>> {
  return write(db, { userId: plan.userId }, async (tx): Promise<Undoable<R>> => {
    const before = await takeSnapshot(tx, { userId: plan.userId, ids: plan.applicationIds });
    const result = await work(tx);
    const label = labelFor(
      result,
      before.applications.map((a) => String(a.company)),
    );
    if (label === null || before.applications.length === 0) return { result, undo: null };
    const touched = before.applications.map((a) => String(a.id));
    await tx.delete(undoRecords).where(and(eq(undoRecords.userId, plan.userId), lt(undoRecords.expiresAt, plan.now)));
    const versions = await versionsOf(tx, { userId: plan.userId, ids: touched });
    const [{ id }] = await tx
      .insert(undoRecords)
      .values({
        userId: plan.userId,
        label,
        before: JSON.stringify(before),
        versions: JSON.stringify(versions),
        createdAt: plan.now,
        expiresAt: new Date(plan.now.getTime() + UNDO_WINDOW_MS),
      })
      .returning({ id: undoRecords.id });
    return { result, undo: { id, label } };
  });
}

export type UndoResult =
  | { ok: true; label: string }
  /** No such record for this user (another user's id, a forged one, or used already): a 404. */
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "expired" }
  /** Something changed since: the companies named, nothing undone. */
  | { ok: false; reason: "changed"; companies: string[] };

async function changedSince(tx: Tx, { userId, expected }: { userId: string; expected: Record<string, number | null> }): Promise<string[]> {
  const now = await versionsOf(tx, { userId, ids: Object.keys(expected) });
  return Object.keys(expected).filter((id) => now[id] !== expected[id]);
}

/**
 * Undoes one of the user's recorded actions: every application it touched
 * goes back to how it was, in one transaction, and the record is used up.
 * If any of them changed after the action (edited, moved again, a step
 * acted on), nothing is undone: the later change is never overwritten.
 */
export async function undoAction(db: Db, { userId, id, now }: { userId: string; id: string; now: Date }): Promise<UndoResult> {
  return write(db, { userId }, async (tx): Promise<UndoResult> => {
    const owned = and(eq(undoRecords.id, id), eq(undoRecords.userId, userId));
    const [record] = await tx.select().from(undoRecords).where(owned).limit(1);
    if (!record) return { ok: false, reason: "not-found" };
    if (record.expiresAt.getTime() <= now.getTime()) {
      await tx.delete(undoRecords).where(owned);
      return { ok: false, reason: "expired" };
    }
    const before = JSON.parse(record.before) as Snapshot;
    const changed = await changedSince(tx, { userId, expected: JSON.parse(record.versions) as Record<string, number | null> });
    if (changed.length > 0) {
      const companies = before.applications.filter((a) => changed.includes(String(a.id))).map((a) => String(a.company));
      return { ok: false, reason: "changed", companies };
    }
    await restoreSnapshot(tx, { userId, snapshot: before });
    await tx.delete(undoRecords).where(owned);
    return { ok: true, label: record.label };
  });
}
