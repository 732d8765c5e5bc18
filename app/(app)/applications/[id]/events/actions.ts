"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { deleteEvent, logEvent, updateEvent } from "@/lib/data/events";
import { formValues } from "@/lib/forms/form-state";
import { eventEditSchema, eventSchema } from "@/lib/validation/event";

// As with rounds: ids from the form only ever match the session user's rows.
const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const context = (user: { timeZone: string }) => ({ timeZone: user.timeZone, now: new Date() });

function done(applicationId: string, anchor = "timeline"): never {
  revalidatePath("/", "layout");
  redirect(`/applications/${applicationId}#${anchor}`);
}

export const logEventAction = validatedActionWithUser(
  (user) => eventSchema(context(user)),
  async (data, user, formData) => {
    const applicationId = field(formData, "applicationId");
    const result = logEvent(getDb(), user.id, applicationId, data);
    if (!result.ok && result.reason === "not-found") notFound();
    if (!result.ok) return { message: result.message, fieldErrors: { kind: [result.message] }, values: formValues(formData) };
    done(applicationId, `event-${result.id}`);
  },
);

export const updateEventAction = validatedActionWithUser(
  (user) => eventEditSchema(context(user)),
  async (data, user, formData) => {
    const id = field(formData, "eventId");
    const applicationId = updateEvent(getDb(), user.id, id, data);
    if (!applicationId) notFound();
    done(applicationId, `event-${id}`);
  },
);

export async function deleteEventAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const applicationId = deleteEvent(getDb(), user.id, field(formData, "eventId"));
  if (!applicationId) notFound();
  done(applicationId);
}
