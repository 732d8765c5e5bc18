"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { actOnStep, type StepAction } from "@/lib/data/guidance";
import { DAY } from "@/lib/guidance/facts";
import { formValues, type FormState } from "@/lib/forms/form-state";
import { SNOOZE_DAYS, stepActionSchema, type StepActionName } from "@/lib/validation/guidance-step";

function toStepAction(name: StepActionName, now: Date): StepAction {
  if (name === "done") return { kind: "done" };
  if (name === "dismiss") return { kind: "dismiss" };
  return { kind: "snooze", until: new Date(now.getTime() + SNOOZE_DAYS[name] * DAY) };
}

/**
 * Done, Snooze or Dismiss on a next step. The application id and key come
 * from the browser, so the step is found again on the server for the
 * session's user; anything else is a 404.
 */
export async function stepAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = stepActionSchema.safeParse(formValues(formData));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "That step could not be updated." };
  const now = new Date();
  const { applicationId, key, action } = parsed.data;
  const result = actOnStep(getDb(), user, applicationId, key, toStepAction(action, now), now);
  if (!result.ok && result.reason === "not-found") notFound();
  revalidatePath("/", "layout");
  // Usually the step has gone from the page by now; this is read only when it is still there.
  return result.ok ? {} : { message: "This step no longer applies (perhaps it was done in another tab). The list is up to date now." };
}
