"use client";

import { useActionState, useRef } from "react";
import type { FormState } from "@/lib/forms/form-state";
import { ConfirmDialog } from "./confirm-dialog";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

type Props = {
  /** Redirects when done; answers with a message when nothing could be deleted (a full disk, a busy database). */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields the action needs, such as the id of what is deleted. */
  fields: Record<string, string>;
  title: string;
  description: string;
  /** The visible trigger's text, and its accessible name when it is terse. */
  label?: string;
  accessibleLabel?: string;
  confirmLabel?: string;
  triggerClassName?: string;
};

/** Deleting cannot be undone, so it asks first (see ConfirmDialog). */
export function ConfirmDeleteButton({
  action,
  fields,
  title,
  description,
  label = "Delete",
  accessibleLabel,
  confirmLabel = "Delete for good",
  triggerClassName = "btn-secondary text-red-800 dark:text-red-200",
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction] = useActionState(action, {});
  return (
    <>
      <button type="button" className={triggerClassName} aria-label={accessibleLabel} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <ConfirmDialog
        dialogRef={dialog}
        title={title}
        description={description}
        message={state.message ? <FormMessage message={state.message} /> : null}
        cancelLabel="Keep it"
      >
        <form action={formAction}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <SubmitButton pendingText="Deleting…" className="btn-danger">
            {confirmLabel}
          </SubmitButton>
        </form>
      </ConfirmDialog>
    </>
  );
}
