"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { actionWithUser, validatedActionWithUser } from "@/lib/auth/validated-action";
import {
  createApplication,
  deleteApplication,
  setArchived,
  updateApplication,
} from "@/lib/data/applications";
import { createApplicationWithDocument } from "@/lib/data/document-attachments";
import { formField } from "@/lib/forms/form-field";
import { formValues } from "@/lib/forms/form-state";
import type { SessionUser } from "@/lib/data/users";
import { dateFormatFor } from "@/app/(app)/request-dates";
import { localDate } from "@/lib/time/zoned";
import { applicationSchemaFor, type applicationSchema, type ApplicationField } from "@/lib/validation/application";

// Ids come from the form and are never trusted: every data call below is
// scoped by the session's user, so a foreign id matches no row.
const idFrom = (formData: FormData) => formField(formData, "id");
// "The future" is judged by the user's own calendar day, not the server's.
const schemaFor = async (user: SessionUser) =>
  applicationSchemaFor(await dateFormatFor(user), { today: localDate(new Date(), user.timeZone) });

const NOT_YOUR_DOCUMENT = "That document is no longer in your library: choose another, or none.";

export const createApplicationAction = validatedActionWithUser<typeof applicationSchema, ApplicationField | "sentVersionId">(
  schemaFor,
  async (data, user, formData) => {
    const versionId = formField(formData, "sentVersionId");
    const created = versionId
      ? await createApplicationWithDocument(getDb(), { userId: user.id, input: data, versionId, now: new Date() })
      : await createApplication(getDb(), { userId: user.id, input: data });
    if (!created) return { message: NOT_YOUR_DOCUMENT, fieldErrors: { sentVersionId: [NOT_YOUR_DOCUMENT] }, values: formValues(formData) };
    revalidatePath("/", "layout");
    redirect(`/applications/${created.id}`);
  },
);

export const updateApplicationAction = validatedActionWithUser<typeof applicationSchema, ApplicationField>(
  schemaFor,
  async (data, user, formData) => {
    const id = idFrom(formData);
    if (!(await updateApplication(getDb(), { userId: user.id, id, input: data }))) return notFoundFor(user.id, { kind: "application", id });
    revalidatePath("/", "layout");
    redirect(`/applications/${id}`);
  },
);

export const setArchivedAction = actionWithUser(async (user, formData) => {
  const id = idFrom(formData);
  const archived = formData.get("archived") === "true";
  if (!(await setArchived(getDb(), { userId: user.id, id, archived }))) return notFoundFor(user.id, { kind: "application", id });
  revalidatePath("/", "layout");
  redirect(`/applications/${id}`);
});

export const deleteApplicationAction = actionWithUser(async (user, formData) => {
  const id = idFrom(formData);
  if (!(await deleteApplication(getDb(), { userId: user.id, id }))) return notFoundFor(user.id, { kind: "application", id });
  revalidatePath("/", "layout");
  redirect("/applications?deleted=1");
});
