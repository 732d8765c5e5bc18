"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { moveApplication } from "@/lib/data/move-application";
import { withUndo } from "@/lib/data/undo/records";
import type { UndoOffer } from "@/lib/forms/form-state";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { retryWhileBusy, storageFailureState } from "@/lib/forms/storage-failure";
import { boardMoveSchema } from "@/lib/validation/board-move";
import type { ApplicationStatus } from "@/lib/vocabulary";

export type BoardMoveResult = { ok: true; status: ApplicationStatus; undo: UndoOffer | null } | { ok: false; message: string };

const NOT_FOUND = "That application could not be found: it may have been deleted. Reload the board.";

/**
 * Moves a card to another column. The id and status come from the browser,
 * so the move is checked for the session's user: another user's application
 * gets the same answer as one that does not exist. Called from the drag and
 * drop and from each card's menu, which need the result to put a refused card
 * back, so this returns a value instead of throwing a 404.
 */
export async function moveCardAction(input: unknown): Promise<BoardMoveResult> {
  const user = await requireUser();
  const parsed = boardMoveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That move could not be made." };
  const { applicationId, status } = parsed.data;
  try {
    const now = new Date();
    const { result, undo } = await retryWhileBusy(() =>
      withUndo(getDb(), {
        plan: { userId: user.id, applicationIds: [applicationId], now },
        work: (tx) => moveApplication(tx, { userId: user.id, id: applicationId, target: status, now }),
        labelFor: (r, [company]) => (r.ok ? `Moved ${company} to ${STATUS_LABELS[status]}` : null),
      }),
    );
    if (!result.ok && result.reason !== "refused") await noteForeignAccess(user.id, { kind: "application", id: applicationId });
    if (!result.ok) return { ok: false, message: result.reason === "refused" ? result.message : NOT_FOUND };
    revalidatePath("/", "layout");
    return { ok: true, status: result.status, undo };
  } catch (error) {
    // A full disk or a lock held too long: the card goes back, with the reason beside it.
    const refused = storageFailureState(error, {}, "board move");
    if (refused?.message) return { ok: false, message: refused.message };
    throw error;
  }
}
