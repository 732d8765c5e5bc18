"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { actionWithUser } from "@/lib/auth/validated-action";
import { actOnStep, applicationGuidance, restoreStep, type StepAction } from "@/lib/data/guidance";
import { moveApplication } from "@/lib/data/move-application";
import { withUndo } from "@/lib/data/undo/records";
import { DAY_MS } from "@/lib/time/units";
import { formValues } from "@/lib/forms/form-state";
import { tomorrowMorning } from "@/lib/time/tomorrow-morning";
import { markGhostedSchema, restoreStepSchema, SNOOZE_DAYS, SNOOZE_MORNING, stepActionSchema, type StepActionName } from "@/lib/validation/guidance-step";

const STEP_GONE = "This step no longer applies (perhaps it was done in another tab). The list is up to date now.";
const STEP_NOT_ASIDE = "This step is no longer put aside (perhaps it was restored in another tab). The list is up to date now.";

const STEP_LABELS: Record<StepActionName, string> = {
  done: "Marked a step done",
  dismiss: "Dismissed a step",
  [SNOOZE_MORNING]: "Snoozed a step until tomorrow morning",
  "snooze-1d": "Snoozed a step for a day",
  "snooze-3d": "Snoozed a step for 3 days",
  "snooze-1w": "Snoozed a step for a week",
};

function toStepAction(name: StepActionName, now: Date, timeZone: string): StepAction {
  if (name === "done") return { kind: "done" };
  if (name === "dismiss") return { kind: "dismiss" };
  if (name === SNOOZE_MORNING) return { kind: "snooze", until: tomorrowMorning(now, timeZone) };
  return { kind: "snooze", until: new Date(now.getTime() + SNOOZE_DAYS[name] * DAY_MS) };
}

/**
 * Done, Snooze or Dismiss on a next step. The application id and key come
 * from the browser, so the step is found again on the server for the
 * session's user; anything else is a 404.
 */
export const stepAction = actionWithUser(async (user, formData) => {
  const parsed = stepActionSchema.safeParse(formValues(formData));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "That step could not be updated." };
  const now = new Date();
  const { applicationId, key, action } = parsed.data;
  const db = getDb();
  const { result, undo } = await withUndo(db, {
    plan: { userId: user.id, applicationIds: [applicationId], now },
    work: (tx) => actOnStep(tx, { user, applicationId, key, action: toStepAction(action, now, user.timeZone), now }),
    labelFor: (r, [company]) => (r.ok ? `${STEP_LABELS[action]} for ${company}` : null),
  });
  if (!result.ok && result.reason === "not-found") return notFoundFor(user.id, { kind: "application", id: applicationId });
  revalidatePath("/", "layout");
  // Usually the step has gone from the page by now; this is read only when it is still there.
  return result.ok ? (undo ? { undo } : {}) : { message: STEP_GONE };
});

/**
 * "Mark as ghosted" on the move-on step: one click, no confirmation, since
 * nothing is deleted and the toast offers Undo. A foreign or unknown id is a
 * 404, like any other step.
 */
export const markGhostedAction = actionWithUser(async (user, formData) => {
  const parsed = markGhostedSchema.safeParse(formValues(formData));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "That application could not be updated." };
  const { applicationId } = parsed.data;
  const db = getDb();
  const now = new Date();
  // A stale tab must not ghost an application that has since heard back or got an offer.
  const guidance = await applicationGuidance(db, { user, applicationId, now });
  if (!guidance) return notFoundFor(user.id, { kind: "application", id: applicationId });
  if (!guidance.recommendations.some((r) => r.ruleId === "move-on-no-response")) {
    revalidatePath("/", "layout");
    return { message: STEP_GONE };
  }
  const { result, undo } = await withUndo(db, {
    plan: { userId: user.id, applicationIds: [applicationId], now },
    work: (tx) => moveApplication(tx, { userId: user.id, id: applicationId, target: "ghosted", now }),
    labelFor: (r, [company]) => (r.ok ? `Marked ${company} as ghosted` : null),
  });
  if (!result.ok && result.reason === "not-found") return notFoundFor(user.id, { kind: "application", id: applicationId });
  if (!result.ok) return { message: result.message };
  revalidatePath("/", "layout");
  return undo ? { undo } : {};
});

/**
 * Restore on a snoozed or dismissed step: it is back among the steps at
 * once. Only the session's user's own put-aside step can be restored:
 * another user's is a 404; their own that is already back (a second tab)
 * says so rather than showing a 404 page.
 */
export const restoreStepAction = actionWithUser(async (user, formData) => {
  const parsed = restoreStepSchema.safeParse(formValues(formData));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "That step could not be restored." };
  const result = await restoreStep(getDb(), { userId: user.id, ...parsed.data });
  if (!result.ok && result.reason === "not-found") return notFoundFor(user.id, { kind: "application", id: parsed.data.applicationId });
  revalidatePath("/", "layout");
  return result.ok ? { message: "Restored: it is back among your steps." } : { message: STEP_NOT_ASIDE };
});
