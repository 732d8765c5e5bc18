"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { undoAction, type UndoResult } from "@/lib/data/undo/records";
import { retryWhileBusy, storageFailureState } from "@/lib/forms/storage-failure";
import { undoSchema } from "@/lib/validation/undo";

export type UndoAnswer = { ok: boolean; message: string };

function refusal(result: Exclude<UndoResult, { ok: true }>): string {
  if (result.reason === "not-found") return "There is nothing to undo: it was undone already.";
  if (result.reason === "expired") return "Too late to undo this here: change it back by hand.";
  const names = result.companies.length > 3 ? `${result.companies.slice(0, 3).join(", ")} and others` : result.companies.join(", ");
  return `Not undone: ${names} changed after this, and undoing would overwrite that. Nothing was changed.`;
}

/**
 * The toast's Undo. The record is found for the session's user only: a
 * forged or foreign id changes nothing and gets the answer a used one gets
 * (logged when foreign). Says "undone" only after the commit.
 */
export async function undoRecordedAction(input: unknown): Promise<UndoAnswer> {
  const user = await requireUser();
  const parsed = undoSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: refusal({ ok: false, reason: "not-found" }) };
  const { id } = parsed.data;
  try {
    const result = await retryWhileBusy(() => undoAction(getDb(), { userId: user.id, id, now: new Date() }));
    if (!result.ok) {
      if (result.reason === "not-found") await noteForeignAccess(user.id, { kind: "undo", id });
      return { ok: false, message: refusal(result) };
    }
    revalidatePath("/", "layout");
    return { ok: true, message: `Undone: ${result.label}.` };
  } catch (error) {
    const refused = storageFailureState(error, {}, "undo");
    if (refused?.message) return { ok: false, message: refused.message };
    throw error;
  }
}
