"use client";

import { useId, useState } from "react";
import { mailtoHref, type Draft } from "@/lib/guidance/drafts";
import { useOpenedOnce } from "./opened-once";

/** An editable first draft: copy it, or open it in the user's email app with their edits. */
export function DraftMessage({ draft, label }: { draft: Draft; label: string }) {
  const id = useId();
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  // The editor is drawn once the user opens it: a dashboard of drafts
  // otherwise sends each message three times (the field, the mail link and
  // the props) before anyone asks to see one.
  const { ref, opened, onToggle } = useOpenedOnce();
  const current = { ...draft, subject, body };

  async function copyMessage() {
    try {
      await navigator.clipboard.writeText(`Subject: ${subject}\n\n${body}`);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <details
      ref={ref}
      onToggle={onToggle}
      className="mt-3 rounded-md border border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800 p-3"
      data-testid="draft"
    >
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">{label}</summary>
      {opened ? (
        <div className="mt-3 space-y-3">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {draft.to.length ? `To: ${draft.to.join(", ")}` : "No email address is logged for the people you met; add it in your email app."}
          </p>
          <div>
            <label htmlFor={`${id}-subject`} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
              Subject
            </label>
            <input id={`${id}-subject`} className="input" value={subject} onChange={(e) => setSubject(e.target.value)} />
          </div>
          <div>
            <label htmlFor={`${id}-body`} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
              Message
            </label>
            <textarea id={`${id}-body`} className="input" rows={10} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className="btn-secondary px-3 py-1.5" onClick={copyMessage}>
              Copy message
            </button>
            <a href={mailtoHref(current)} className="btn-secondary px-3 py-1.5">
              Open in email app
            </a>
            <span aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
              {copy === "copied" ? "Copied to the clipboard." : copy === "failed" ? "Copying was blocked; select the text and copy it instead." : ""}
            </span>
          </div>
        </div>
      ) : null}
    </details>
  );
}
