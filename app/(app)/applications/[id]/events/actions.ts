"use server";

import { getDb } from "@/db/client";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { actionWithUser, validatedActionWithUser } from "@/lib/auth/validated-action";
import { deleteEvent, getEvent, logEvent, updateEvent } from "@/lib/data/events";
import { formField } from "@/lib/forms/form-field";
import { formValues } from "@/lib/forms/form-state";
import { keepIfUnchanged } from "@/lib/time/zoned";
import type { SessionUser } from "@/lib/data/users";
import { dateStyleFor } from "@/app/(app)/request-dates";
import { eventEditSchema, eventSchema } from "@/lib/validation/event";
import { backToTimeline } from "../back-to-timeline";

// As with rounds: ids from the form only ever match the session user's rows.

const context = async (user: SessionUser) => ({ timeZone: user.timeZone, now: new Date(), dates: await dateStyleFor(user) });

export const logEventAction = validatedActionWithUser(
  async (user) => eventSchema(await context(user)),
  async (data, user, formData) => {
    const applicationId = formField(formData, "applicationId");
    const result = await logEvent(getDb(), { userId: user.id, applicationId, input: data });
    if (!result.ok && result.reason === "not-found") return notFoundFor(user.id, { kind: "application", id: applicationId });
    if (!result.ok) {
      return { message: "Not saved: see the message below.", fieldErrors: { kind: [result.message] }, values: formValues(formData) };
    }
    backToTimeline(applicationId, `event-${result.id}`);
  },
);

export const updateEventAction = validatedActionWithUser(
  async (user) => eventEditSchema(await context(user)),
  async (data, user, formData) => {
    const id = formField(formData, "eventId");
    const db = getDb();
    const occurredAt = keepIfUnchanged((await getEvent(db, { userId: user.id, id }))?.occurredAt, data.occurredAt, user.timeZone);
    const applicationId = await updateEvent(db, { userId: user.id, id, input: { ...data, occurredAt } });
    if (!applicationId) return notFoundFor(user.id, { kind: "event", id });
    backToTimeline(applicationId, `event-${id}`);
  },
);

export const deleteEventAction = actionWithUser(async (user, formData) => {
  const eventId = formField(formData, "eventId");
  const applicationId = await deleteEvent(getDb(), { userId: user.id, id: eventId });
  if (!applicationId) return notFoundFor(user.id, { kind: "event", id: eventId });
  backToTimeline(applicationId);
});
