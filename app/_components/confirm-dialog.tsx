"use client";

import { useId, type ReactNode, type RefObject } from "react";

type Props = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: ReactNode;
  description: ReactNode;
  /** Shown between the description and the buttons, such as the answer to a refused action. */
  message?: ReactNode;
  /** The confirming control (a submit button, or a whole form); "cancel" closes the dialog. */
  children: ReactNode;
  cancelLabel: string;
};

/**
 * What cannot be undone asks first, in a native modal dialog (which traps
 * focus and closes on Escape without extra code). Focus starts on the safe
 * choice.
 */
export function ConfirmDialog({ dialogRef, title, description, message, children, cancelLabel }: Props) {
  const id = useId();
  return (
    <dialog
      ref={dialogRef}
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
      {message ? <div className="mt-4">{message}</div> : null}
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" autoFocus onClick={() => dialogRef.current?.close()}>
          {cancelLabel}
        </button>
        {children}
      </div>
    </dialog>
  );
}
