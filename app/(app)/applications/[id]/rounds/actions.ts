"use server";

import { getDb } from "@/db/client";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { actionWithUser, validatedActionWithUser } from "@/lib/auth/validated-action";
import { createRound, deleteRound, getRound, markThankYouSent, updateRound } from "@/lib/data/rounds";
import { formField } from "@/lib/forms/form-field";
import { keepIfUnchanged } from "@/lib/time/zoned";
import type { SessionUser } from "@/lib/data/users";
import { dateStyleFor } from "@/app/(app)/request-dates";
import { roundSchema } from "@/lib/validation/round";
import { backToTimeline } from "../back-to-timeline";

// Ids arrive in the form and are never trusted: each data call is scoped by
// the session's user, so another user's id matches nothing and gives 404.

const schemaFor = async (user: SessionUser) => roundSchema({ timeZone: user.timeZone, now: new Date(), dates: await dateStyleFor(user) });

export const createRoundAction = validatedActionWithUser(schemaFor, async (data, user, formData) => {
  const applicationId = formField(formData, "applicationId");
  const id = await createRound(getDb(), { userId: user.id, applicationId, input: data });
  if (!id) return notFoundFor(user.id, { kind: "application", id: applicationId });
  backToTimeline(applicationId, `round-${id}`);
});

export const updateRoundAction = validatedActionWithUser(schemaFor, async (data, user, formData) => {
  const id = formField(formData, "roundId");
  const db = getDb();
  const saved = await getRound(db, { userId: user.id, id });
  const zone = user.timeZone;
  const applicationId = await updateRound(db, {
    userId: user.id,
    id,
    input: {
      ...data,
      scheduledAt: keepIfUnchanged(saved?.scheduledAt, data.scheduledAt, zone),
      thankYouSentAt: data.thankYouSentAt && keepIfUnchanged(saved?.thankYouSentAt, data.thankYouSentAt, zone),
    },
  });
  if (!applicationId) return notFoundFor(user.id, { kind: "round", id });
  backToTimeline(applicationId, `round-${id}`);
});

export const deleteRoundAction = actionWithUser(async (user, formData) => {
  const roundId = formField(formData, "roundId");
  const applicationId = await deleteRound(getDb(), { userId: user.id, id: roundId });
  if (!applicationId) return notFoundFor(user.id, { kind: "round", id: roundId });
  backToTimeline(applicationId);
});

/** The one-click "Thank-you sent now" on the timeline. */
export const markThankYouSentAction = actionWithUser(async (user, formData) => {
  const id = formField(formData, "roundId");
  const result = await markThankYouSent(getDb(), { userId: user.id, id, at: new Date() });
  if (!result.ok && result.reason === "not-found") return notFoundFor(user.id, { kind: "round", id });
  if (!result.ok) return { message: "This round hasn't started yet, so a thank-you can't be marked as sent." };
  backToTimeline(result.applicationId, `round-${id}`);
});
