"use client";

import { markGhostedAction } from "../../guidance-actions";
import { useUndoableAction } from "../undo/use-undoable-action";
import { ActionFeedback } from "./action-feedback";

/** The move-on step's one-click answer; `from` says which page shows the confirmation. */
export function MarkGhostedButton({ applicationId, from, title }: { applicationId: string; from: "application" | "dashboard"; title: string }) {
  const [state, action, pending] = useUndoableAction(markGhostedAction);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="from" value={from} />
      <button
        type="submit"
        className="btn-secondary px-3 py-1.5"
        disabled={pending}
        aria-label={`Mark as ghosted: ${title}`}
      >
        Mark as ghosted
      </button>
      <span className="text-xs text-slate-600 dark:text-slate-400">Nothing is deleted, and you can undo it.</span>
      <ActionFeedback pending={pending} message={state.message} />
    </form>
  );
}
