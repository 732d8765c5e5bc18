"use client";

import { useActionState, type RefObject } from "react";
import type { FormState } from "@/lib/forms/form-state";
import { ConfirmDialog } from "./confirm-dialog";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export type ConfirmDeleteProps = {
  /** Redirects when done; answers with a message when nothing could be deleted (a full disk, a busy database). */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields the action needs, such as the id of what is deleted. */
  fields: Record<string, string>;
  title: string;
  description: string;
  confirmLabel?: string;
};

/** The "delete for good?" dialog, opened by whatever trigger owns `dialogRef` (a button, a menu item). */
export function ConfirmDeleteDialog({ dialogRef, action, fields, title, description, confirmLabel = "Delete for good" }: ConfirmDeleteProps & { dialogRef: RefObject<HTMLDialogElement | null> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <ConfirmDialog dialogRef={dialogRef} title={title} description={description} message={state.message ? <FormMessage message={state.message} /> : null} cancelLabel="Keep it">
      <form action={formAction}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SubmitButton pendingText="Deleting…" className="btn-danger">
          {confirmLabel}
        </SubmitButton>
      </form>
    </ConfirmDialog>
  );
}
