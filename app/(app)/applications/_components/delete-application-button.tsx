"use client";

import { useRef } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { deleteApplicationAction } from "../actions";

/** Deleting cannot be undone, so it asks first in a native modal dialog
 * (which traps focus and closes on Escape without extra code). */
export function DeleteApplicationButton({ id, label }: { id: string; label: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="btn-secondary text-red-800" onClick={() => dialog.current?.showModal()}>
        Delete
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-title"
        aria-describedby="delete-description"
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id="delete-title" className="text-lg font-semibold">
          Delete this application?
        </h2>
        <p id="delete-description" className="mt-2 text-sm text-slate-700">
          {label} and everything recorded with it will be removed for good. To keep it out of sight instead, archive it.
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" autoFocus onClick={() => dialog.current?.close()}>
            Keep it
          </button>
          <form action={deleteApplicationAction}>
            <input type="hidden" name="id" value={id} />
            <SubmitButton pendingText="Deleting…" className="btn-danger">
              Delete for good
            </SubmitButton>
          </form>
        </div>
      </dialog>
    </>
  );
}
