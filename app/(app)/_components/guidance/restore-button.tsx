"use client";

import { useActionState } from "react";
import { restoreStepAction } from "../../guidance-actions";
import { ActionFeedback } from "./action-feedback";

/** One click brings a snoozed or dismissed step back. */
export function RestoreButton({ applicationId, stepKey, title }: { applicationId: string; stepKey: string; title: string }) {
  const [state, action, pending] = useActionState(restoreStepAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="key" value={stepKey} />
      <button type="submit" className="btn-secondary px-3 py-1.5" disabled={pending} aria-label={`Restore: ${title}`}>
        Restore
      </button>
      <ActionFeedback pending={pending} message={state.message} />
    </form>
  );
}
