import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { inList } from "@/db/dialect";
import type { Db } from "@/db/open";
import type { Tx } from "@/db/write";
import { applications, type ApplicationStatus } from "@/db/schema";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { plural } from "@/lib/text/plural";
import { pruneContacts } from "./interviewers";
import { moveApplication } from "./move-application";
import { withUndo, type Undoable } from "./undo/records";
import { ownedApplication } from "./ownership";

export type BulkAction = { kind: "status"; status: ApplicationStatus } | { kind: "archive" } | { kind: "delete" };

export type BulkResult =
  | { ok: true; changed: number }
  /** None of the ids is the user's: the caller answers 404. */
  | { ok: false; reason: "not-found" }
  /** One application cannot take the move (a rejection on a withdrawn one): nothing was changed. */
  | { ok: false; reason: "refused"; message: string };

const applicationsCount = (n: number) => plural(n, "application");

/** Thrown inside the transaction so a refusal halfway through rolls back the moves before it. */
class Refused extends Error {}

const among = (ids: readonly string[]) => inList(applications.id, ids);

async function apply(
  tx: Tx,
  { userId, ids, action, now }: { userId: string; ids: string[]; action: BulkAction; now: Date },
): Promise<number> {
  const mine = and(eq(applications.userId, userId), among(ids));
  if (action.kind === "archive") {
    const archived = await tx
      .update(applications)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(mine, isNull(applications.archivedAt)))
      .returning({ id: applications.id });
    return archived.length;
  }
  if (action.kind === "delete") {
    const deleted = await tx.delete(applications).where(mine).returning({ id: applications.id });
    await pruneContacts(tx, { userId });
    return deleted.length;
  }
  let changed = 0;
  for (const id of ids) {
    // Each move logs the event it stands for (an offer, a rejection), as a board move does.
    const moved = await moveApplication(tx, { userId, id, target: action.status, now });
    if (!moved.ok && moved.reason === "refused") {
      const [found] = await tx
        .select({ company: applications.company })
        .from(applications)
        .where(ownedApplication(userId, id))
        .limit(1);
      throw new Refused(`${found?.company ?? "One application"}: ${moved.message} Nothing was changed.`);
    }
    if (moved.ok) changed += 1;
  }
  return changed;
}

function labelFor(action: BulkAction, n: number): string {
  if (action.kind === "archive") return `Archived ${applicationsCount(n)}`;
  if (action.kind === "delete") return `Deleted ${applicationsCount(n)}`;
  return `Moved ${applicationsCount(n)} to ${STATUS_LABELS[action.status]}`;
}

/**
 * One action on many of the user's applications, in one transaction, kept
 * for undo. Ids that are not the user's are ignored (they are never
 * touched); when none is, the answer is not-found. A delete keeps the rows
 * in the undo record, and an undo puts them back with their rounds, events
 * and people (not a soft delete: the list and the guidance never see them).
 */
export async function bulkApply(
  db: Db,
  { userId, ids, action, now }: { userId: string; ids: readonly string[]; action: BulkAction; now: Date },
): Promise<Undoable<BulkResult>> {
  try {
    return await withUndo(db, {
      plan: { userId, applicationIds: ids, now },
      work: async (tx): Promise<BulkResult> => {
        const owned = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.userId, userId), among(ids)));
        if (owned.length === 0) return { ok: false, reason: "not-found" };
        return { ok: true, changed: await apply(tx, { userId, ids: owned.map((a) => a.id), action, now }) };
      },
      labelFor: (r) => (r.ok && r.changed > 0 ? labelFor(action, r.changed) : null),
    });
  } catch (error) {
    if (error instanceof Refused) return { result: { ok: false, reason: "refused", message: error.message }, undo: null };
    throw error;
  }
}
