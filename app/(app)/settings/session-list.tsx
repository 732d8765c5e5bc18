"use client";

import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { endOtherSessionsAction, endSessionAction } from "./session-actions";

export type SessionLine = { id: string; device: string; current: boolean; signedIn: string; lastUsed: string; address: string | null };

export function SessionList({ lines }: { lines: SessionLine[] }) {
  const [ended, endOne] = useActionState(endSessionAction, {});
  const [endedOthers, endOthers] = useActionState(endOtherSessionsAction, {});
  const status = useRef<HTMLParagraphElement>(null);
  const message = endedOthers.message ?? ended.message;

  // The ended line (and the button that had focus) goes away: focus moves to
  // the message that says what happened, not to the top of the page.
  useEffect(() => {
    if (ended.message || endedOthers.message) status.current?.focus();
  }, [ended, endedOthers]);

  const others = lines.filter((line) => !line.current).length;
  return (
    <div>
      {message ? (
        <p
          ref={status}
          role="status"
          tabIndex={-1}
          className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 focus:outline-none dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          {message}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-200 dark:divide-slate-700" aria-label="Signed-in devices">
        {lines.map((line) => (
          <li key={line.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="font-medium">
                {line.device}
                {line.current ? (
                  <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800 dark:bg-brand-900 dark:text-brand-100">
                    This device
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {line.current ? "In use now" : `Last used ${line.lastUsed}`} · signed in {line.signedIn}
                {line.address ? <> · from {line.address}</> : null}
              </p>
            </div>
            {line.current ? null : (
              <form action={endOne}>
                <input type="hidden" name="sessionId" value={line.id} />
                <SubmitButton
                  pendingText="Ending…"
                  className="btn-secondary"
                  accessibleLabel={`End the session on ${line.device}, last used ${line.lastUsed}`}
                >
                  End session
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <form action={endOthers} className="mt-4">
          <SubmitButton pendingText="Ending other sessions…" className="btn-secondary">
            Sign out all other sessions
          </SubmitButton>
        </form>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No other device is signed in.</p>
      )}
    </div>
  );
}
