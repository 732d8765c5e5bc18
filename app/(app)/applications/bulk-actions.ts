"use server";

import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { listQueryFrom } from "@/lib/applications/list-query";
import { matchingApplicationIds } from "@/lib/data/application-list";
import { plural } from "@/lib/text/plural";
import { applicationFilterSchema } from "@/lib/validation/application-filter";
import { bulkActionSchema, type BulkActionInput } from "@/lib/validation/bulk-action";
import { runBulk, type BulkAnswer } from "./run-bulk";

const NONE_FOUND = "Those applications could not be found: they may have been deleted. Reload the list.";

async function idsFor(selection: BulkActionInput["selection"], user: { id: string; timeZone: string }): Promise<string[] | BulkAnswer> {
  if (selection.kind === "picked") return selection.ids;
  const filter = applicationFilterSchema.parse(Object.fromEntries(new URLSearchParams(selection.query)));
  const ids = await matchingApplicationIds(getDb(), { user, q: listQueryFrom(filter), now: new Date() });
  // The confirmation named a count: acting on a different one would not be what was agreed to.
  if (ids.length !== selection.expected) {
    return { ok: false, message: `The list has changed: ${plural(ids.length, "application")} match now. Nothing was changed; check the selection and try again.` };
  }
  return ids;
}

/**
 * Ghosted, archive, another status or delete for the ticked applications,
 * or for all that the list's filters match: one transaction, with undo.
 * Ids come from the browser and are scoped to the session's user; when none
 * is theirs the answer is the one a deleted application gets.
 */
export async function bulkAction(input: unknown): Promise<BulkAnswer> {
  const user = await requireUser();
  const parsed = bulkActionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That could not be done." };
  const ids = await idsFor(parsed.data.selection, user);
  if (!Array.isArray(ids)) return ids;
  return runBulk(user.id, ids, parsed.data.action, NONE_FOUND);
}
