"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { mergeInterviewers } from "@/lib/data/interviewers";
import { mergePeopleSchema, type MergePeopleField } from "@/lib/validation/merge-people";

// Both ids arrive in the form and are never trusted: the merge is scoped by
// the session's user, so another user's person on either side is a 404.
export const mergePeopleAction = validatedActionWithUser<typeof mergePeopleSchema, MergePeopleField>(mergePeopleSchema, async ({ keepId, mergeId }, user) => {
  const outcome = await mergeInterviewers(getDb(), { userId: user.id, keepId, mergeId });
  if (!outcome.ok && outcome.reason === "same-person") {
    return { fieldErrors: { mergeId: ["Choose someone else: a person can't be merged into themselves."] }, values: { keepId, mergeId } };
  }
  if (!outcome.ok) return notFoundFor(user.id, { kind: "interviewer", id: keepId }, { kind: "interviewer", id: mergeId });
  revalidatePath("/people");
  revalidatePath("/applications");
  // No values: the merged person is gone, so the picker starts afresh (the form reads this as success).
  return { message: `Merged ${outcome.merged} into ${outcome.kept}.` };
});
