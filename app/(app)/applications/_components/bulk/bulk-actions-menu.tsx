"use client";

import { useState } from "react";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import type { BulkActionInput } from "@/lib/validation/bulk-action";

type Props = { count: number; working: boolean; onAct: (action: BulkActionInput["action"]) => void };

/** The bulk bar's actions; each one's accessible name carries the count. */
export function BulkActions({ count, working, onAct }: Props) {
  const [status, setStatus] = useState<ApplicationStatus>("rejected");
  const n = `${count} selected`;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Act on ${n}`}>
      <button type="button" className="btn-secondary px-3 py-1.5" disabled={working} onClick={() => onAct({ kind: "status", status: "ghosted" })}>
        Mark ghosted
      </button>
      <button type="button" className="btn-secondary px-3 py-1.5" disabled={working} onClick={() => onAct({ kind: "archive" })}>
        Archive
      </button>
      <span className="flex items-center gap-1">
        <label htmlFor="bulk-status" className="sr-only">
          New status
        </label>
        <select id="bulk-status" className="input h-9 w-auto py-1" value={status} onChange={(e) => setStatus(e.currentTarget.value as ApplicationStatus)}>
          {APPLICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="button" className="btn-secondary px-3 py-1.5" disabled={working} onClick={() => onAct({ kind: "status", status })}>
          Move
        </button>
      </span>
      <button type="button" className="btn-secondary px-3 py-1.5 text-red-800 dark:text-red-200" disabled={working} onClick={() => onAct({ kind: "delete" })}>
        Delete…
      </button>
      {working ? <span className="text-sm text-slate-600 dark:text-slate-400">Working…</span> : null}
    </div>
  );
}
