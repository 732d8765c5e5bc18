"use client";

import type { RefObject } from "react";

export type Toast = { key: string; text: string; undoId: string | null; busy: boolean; failed?: boolean };

type Props = {
  toast: Toast;
  undoButton: RefObject<HTMLButtonElement | null>;
  closeButton: RefObject<HTMLButtonElement | null>;
  onUndo: () => void;
  onClose: () => void;
  /** True while the pointer is over it or focus is in it: the countdown waits. */
  onHold: (held: boolean) => void;
};

/** The toast itself; its words are announced by the provider's live region, not from here. */
export function UndoToastView({ toast, undoButton, closeButton, onUndo, onClose, onHold }: Props) {
  return (
    <div
      data-undo-toast
      data-testid="undo-toast"
      role="group"
      aria-label="Undo"
      className="fixed inset-x-3 bottom-4 z-50 mx-auto flex max-w-lg items-center gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg sm:inset-x-0 dark:bg-slate-100 dark:text-slate-900"
      onMouseEnter={() => onHold(true)}
      onMouseLeave={() => onHold(false)}
      onFocus={() => onHold(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onHold(false);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <p className={`min-w-0 flex-1 ${toast.failed ? "font-medium" : ""}`}>{toast.text}</p>
      {toast.undoId ? (
        <button
          ref={undoButton}
          type="button"
          onClick={onUndo}
          disabled={toast.busy}
          className="rounded-md px-3 py-1.5 font-semibold text-brand-100 underline underline-offset-2 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-white dark:text-brand-800 dark:hover:bg-slate-200 dark:focus-visible:outline-slate-900"
        >
          {toast.busy ? "Undoing…" : "Undo"}
        </button>
      ) : null}
      <button
        ref={closeButton}
        type="button"
        onClick={onClose}
        aria-label="Close this message"
        className="rounded-md px-2 py-1 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-white dark:hover:bg-slate-200 dark:focus-visible:outline-slate-900"
      >
        <span aria-hidden>×</span>
      </button>
    </div>
  );
}
