"use client";

import { useActionState, useId, useRef } from "react";
import type { FormState } from "@/lib/forms/form-state";
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

/** Deleting cannot be undone, so it asks first in a native modal dialog
 * (which traps focus and closes on Escape without extra code). */
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
  const id = useId();
  const [state, formAction] = useActionState(action, {});
  return (
    <>
      <button type="button" className={triggerClassName} aria-label={accessibleLabel} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100 dark:ring-1 dark:ring-slate-700 dark:backdrop:bg-black/70"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p id={`${id}-description`} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          {description}
        </p>
        {state.message ? (
          <div className="mt-4">
            <FormMessage message={state.message} />
          </div>
        ) : null}
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" autoFocus onClick={() => dialog.current?.close()}>
            Keep it
          </button>
          <form action={formAction}>
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <SubmitButton pendingText="Deleting…" className="btn-danger">
              {confirmLabel}
            </SubmitButton>
          </form>
        </div>
      </dialog>
    </>
  );
}
