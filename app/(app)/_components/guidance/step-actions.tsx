"use client";

import { stepAction } from "../../guidance-actions";
import { useUndoableAction } from "../undo/use-undoable-action";
import { ActionFeedback } from "./action-feedback";

const SNOOZES = [
  ["snooze-morning", "Tomorrow morning"],
  ["snooze-1d", "1 day"],
  ["snooze-3d", "3 days"],
  ["snooze-1w", "1 week"],
] as const;

/**
 * The snooze choices, always drawn: drawn on first opening, they came a
 * render after the menu opened, so a keyboard user's Tab straight after
 * Enter went past them, and without JavaScript they never came.
 */
function SnoozeMenu({ title, pending }: { title: string; pending: boolean }) {
  return (
    <details className="group relative">
      <summary className="btn-secondary cursor-pointer list-none px-3 py-1.5 marker:hidden" aria-label={`Snooze: ${title}`}>
        Snooze
      </summary>
      <div
        className="absolute z-10 mt-1 flex w-44 flex-col rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 shadow-lg"
        role="group"
        aria-label={`Snooze “${title}” for`}
      >
        {SNOOZES.map(([value, label]) => (
          <button
            key={value}
            type="submit"
            name="action"
            value={value}
            disabled={pending}
            className="rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {label}
          </button>
        ))}
      </div>
    </details>
  );
}

/**
 * "full": Done, Snooze and Dismiss for a to-do. "done": Done alone, for a
 * line of a checklist whose item is put aside as a whole elsewhere.
 * "got-it": advice has nothing to do, so one "Got it" (kept as done) puts it
 * away. Each control's accessible name carries the step's title, because a
 * page lists many steps and a screen reader's list of buttons would
 * otherwise read "Done, Done, Done".
 */
export function StepActions({ applicationId, stepKey, title, mode = "full", className = "mt-3" }: { applicationId: string; stepKey: string; title: string; mode?: "full" | "done" | "got-it"; className?: string }) {
  const [state, action, pending] = useUndoableAction(stepAction);
  const named = (text: string) => ({ children: text, "aria-label": `${text}: ${title}` });
  return (
    <form action={action} className={`${className} flex flex-wrap items-center gap-2`}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="key" value={stepKey} />
      {mode === "got-it" ? (
        <button type="submit" name="action" value="done" className="btn-secondary px-3 py-1" disabled={pending} {...named("Got it")} />
      ) : (
        <button type="submit" name="action" value="done" className={`btn-primary ${mode === "done" ? "px-2.5 py-1 text-sm" : "px-3 py-1.5"}`} disabled={pending} {...named("Done")} />
      )}
      {mode === "full" ? (
        <>
          <SnoozeMenu title={title} pending={pending} />
          <button type="submit" name="action" value="dismiss" className="btn-secondary px-3 py-1.5" disabled={pending} {...named("Dismiss")} />
        </>
      ) : null}
      <ActionFeedback pending={pending} message={state.message} />
    </form>
  );
}
