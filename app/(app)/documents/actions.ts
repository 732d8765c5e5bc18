"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { actionWithUser } from "@/lib/auth/validated-action";
import { attachVersion, detachDocument } from "@/lib/data/document-attachments";
import { deleteDocument } from "@/lib/data/documents";
import { formField } from "@/lib/forms/form-field";

// Ids come from the form and are never trusted: every data call is scoped by
// the session's user, so a foreign id matches no row and answers 404.

export const deleteDocumentAction = actionWithUser(async (user, formData) => {
  const id = formField(formData, "documentId");
  if (!(await deleteDocument(getDb(), { userId: user.id, documentId: id }))) return notFoundFor(user.id, { kind: "document", id });
  revalidatePath("/", "layout");
  redirect("/documents?deleted=1");
});

export const attachDocumentAction = actionWithUser<"versionId">(async (user, formData) => {
  const applicationId = formField(formData, "applicationId");
  const roundId = formField(formData, "roundId") || null;
  const versionId = formField(formData, "versionId");
  if (!versionId) return { message: "Choose a document to attach.", fieldErrors: { versionId: ["Choose a document to attach."] } };
  const attached = await attachVersion(getDb(), { userId: user.id, versionId, applicationId, roundId, now: new Date() });
  if (!attached) {
    return notFoundFor(user.id, { kind: "application", id: applicationId }, { kind: "round", id: roundId ?? "" }, { kind: "document-version", id: versionId });
  }
  revalidatePath(`/applications/${applicationId}`);
  redirect(`/applications/${applicationId}#documents`);
});

export const detachDocumentAction = actionWithUser(async (user, formData) => {
  const id = formField(formData, "attachmentId");
  const gone = await detachDocument(getDb(), { userId: user.id, attachmentId: id });
  if (!gone) return notFoundFor(user.id, { kind: "attachment", id });
  revalidatePath(`/applications/${gone.applicationId}`);
  redirect(`/applications/${gone.applicationId}#documents`);
});
