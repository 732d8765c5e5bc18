"use client";

import { useActionState } from "react";
import { stepAction } from "../../guidance-actions";

const SNOOZES = [
  ["snooze-1d", "1 day"],
  ["snooze-3d", "3 days"],
  ["snooze-1w", "1 week"],
] as const;

/** Done, Snooze and Dismiss for one step; `titleId` names the step for screen readers. */
export function StepActions({ applicationId, stepKey, titleId, doneLabel }: { applicationId: string; stepKey: string; titleId: string; doneLabel: string }) {
  const [state, action, pending] = useActionState(stepAction, {});
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-2" aria-describedby={titleId}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="key" value={stepKey} />
      <button type="submit" name="action" value="done" className="btn-primary px-3 py-1.5" disabled={pending} aria-describedby={titleId}>
        {doneLabel}
      </button>
      <details className="group relative">
        <summary className="btn-secondary cursor-pointer list-none px-3 py-1.5 marker:hidden" aria-describedby={titleId}>
          Snooze
        </summary>
        <div className="absolute z-10 mt-1 flex w-36 flex-col rounded-md border border-slate-200 bg-white p-1 shadow-lg" role="group" aria-label="Snooze for">
          {SNOOZES.map(([value, label]) => (
            <button
              key={value}
              type="submit"
              name="action"
              value={value}
              disabled={pending}
              className="rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100"
            >
              {label}
            </button>
          ))}
        </div>
      </details>
      <button type="submit" name="action" value="dismiss" className="btn-secondary px-3 py-1.5" disabled={pending} aria-describedby={titleId}>
        Dismiss
      </button>
      {pending ? <span className="text-sm text-slate-600">Saving…</span> : null}
      {state.message ? (
        <p role="alert" className="basis-full text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
