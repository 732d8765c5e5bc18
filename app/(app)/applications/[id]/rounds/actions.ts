"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { createRound, deleteRound, markThankYouSent, updateRound } from "@/lib/data/rounds";
import type { FormState } from "@/lib/forms/form-state";
import { roundSchema } from "@/lib/validation/round";

// Ids arrive in the form and are never trusted: each data call is scoped by
// the session's user, so another user's id matches nothing and gives 404.
const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const schemaFor = (user: { timeZone: string }) => roundSchema({ timeZone: user.timeZone, now: new Date() });

function done(applicationId: string, anchor = "timeline"): never {
  revalidatePath("/", "layout");
  redirect(`/applications/${applicationId}#${anchor}`);
}

export const createRoundAction = validatedActionWithUser(schemaFor, async (data, user, formData) => {
  const applicationId = field(formData, "applicationId");
  const id = createRound(getDb(), user.id, applicationId, data);
  if (!id) notFound();
  done(applicationId, `round-${id}`);
});

export const updateRoundAction = validatedActionWithUser(schemaFor, async (data, user, formData) => {
  const id = field(formData, "roundId");
  const applicationId = updateRound(getDb(), user.id, id, data);
  if (!applicationId) notFound();
  done(applicationId, `round-${id}`);
});

export async function deleteRoundAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const applicationId = deleteRound(getDb(), user.id, field(formData, "roundId"));
  if (!applicationId) notFound();
  done(applicationId);
}

/** The one-click "Thank-you sent now" on the timeline. */
export async function markThankYouSentAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = field(formData, "roundId");
  const result = markThankYouSent(getDb(), user.id, id, new Date());
  if (!result.ok && result.reason === "not-found") notFound();
  if (!result.ok) return { message: "This round hasn't started yet, so a thank-you can't be marked as sent." };
  done(result.applicationId, `round-${id}`);
}
