"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { MOVE_ON_RULE } from "@/lib/dashboard/move-on-group";
import { guidanceQueue } from "@/lib/data/guidance";
import { moveOnSchema } from "@/lib/validation/move-on";
import type { Silent } from "@/lib/dashboard/silent";
import { silentApplications } from "@/lib/data/move-on";
import { requireReader } from "./request-dates";
import { runBulk, type BulkAnswer } from "./applications/run-bulk";

const NONE_LEFT = "None of these is waiting any more (perhaps they heard back, or were ghosted in another tab). Today is up to date now.";

/**
 * Today's "heard nothing" item: marks the ticked applications as ghosted in
 * one transaction, with undo. Only those whose move-on step still fires for
 * the session's user are touched, so a stale tab cannot ghost one that has
 * since had a reply, nor anyone else's.
 */
export async function ghostSilentAction(input: unknown): Promise<BulkAnswer> {
  const user = await requireUser();
  const parsed = moveOnSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That could not be done." };
  const db = getDb();
  const now = new Date();
  const silent = new Set((await guidanceQueue(db, { user, now })).filter((s) => s.ruleId === MOVE_ON_RULE).map((s) => s.applicationId));
  const ids = parsed.data.ids.filter((id) => silent.has(id));
  if (ids.length === 0) {
    await noteForeignAccess(user.id, ...parsed.data.ids.slice(0, 10).map((id) => ({ kind: "application" as const, id })));
    revalidatePath("/", "layout");
    return { ok: false, message: NONE_LEFT };
  }
  return runBulk(user.id, ids, { kind: "status", status: "ghosted" }, NONE_LEFT);
}

/**
 * The move-on list's rows, fetched when the user opens it: the session's
 * user's own, read on the server (no id comes from the client). A failed
 * read throws, and the list offers to try again.
 */
export async function silentRowsAction(): Promise<Silent[]> {
  const user = await requireReader();
  return silentApplications(getDb(), { user, now: new Date() });
}
