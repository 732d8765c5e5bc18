"use client";

import { useRef } from "react";
import { ConfirmDeleteDialog, type ConfirmDeleteProps } from "./confirm-delete-dialog";

type Props = ConfirmDeleteProps & {
  /** The visible trigger's text, and its accessible name when it is terse. */
  label?: string;
  accessibleLabel?: string;
  triggerClassName?: string;
};

/** Deleting cannot be undone, so it asks first (see ConfirmDialog). */
export function ConfirmDeleteButton({ label = "Delete", accessibleLabel, triggerClassName = "btn-secondary text-red-800 dark:text-red-200", ...dialog }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={triggerClassName} aria-label={accessibleLabel} onClick={() => dialogRef.current?.showModal()}>
        {label}
      </button>
      <ConfirmDeleteDialog dialogRef={dialogRef} {...dialog} />
    </>
  );
}
