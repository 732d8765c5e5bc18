import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { bulkApply, type BulkAction } from "@/lib/data/bulk-applications";
import type { UndoOffer } from "@/lib/forms/form-state";
import { retryWhileBusy, storageFailureState } from "@/lib/forms/storage-failure";

export type BulkAnswer = { ok: true; undo: UndoOffer | null } | { ok: false; message: string };

/**
 * Runs a bulk action for the session's user, as the list's bar and Today's
 * move-on item both do: the busy retry, a storage failure as a message, a
 * reach for ids none of which are the user's logged and answered like
 * deleted ones (`notFound`), and "done" only after the commit.
 */
export async function runBulk(userId: string, ids: string[], action: BulkAction, notFound: string): Promise<BulkAnswer> {
  try {
    const { result, undo } = await retryWhileBusy(() => bulkApply(getDb(), { userId, ids, action, now: new Date() }));
    if (!result.ok && result.reason === "not-found") {
      await noteForeignAccess(userId, ...ids.slice(0, 10).map((id) => ({ kind: "application" as const, id })));
      return { ok: false, message: notFound };
    }
    if (!result.ok) return { ok: false, message: result.message };
    revalidatePath("/", "layout");
    return { ok: true, undo };
  } catch (error) {
    const refused = storageFailureState(error, {}, "bulk action");
    if (refused?.message) return { ok: false, message: refused.message };
    throw error;
  }
}
