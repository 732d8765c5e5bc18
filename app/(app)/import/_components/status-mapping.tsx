"use client";

import { STATUS_LABELS } from "@/lib/applications/labels";
import type { StageChoice } from "@/lib/import/analyse";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";

/** Each stage name the file uses, how many rows use it, and the Shortlist status it becomes. */
export function StatusMapping({ stages, onChange }: { stages: StageChoice[]; onChange: (key: string, status: ApplicationStatus) => void }) {
  return (
    <div className="max-w-2xl">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Stages in your file and the Shortlist status each one becomes</caption>
        <thead className="text-xs text-slate-600 uppercase max-sm:sr-only dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              In your file
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Rows
            </th>
            <th scope="col" className="py-2 font-medium">
              Becomes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 max-sm:block dark:divide-slate-700">
          {stages.map((stage) => (
            <tr key={stage.key} className="max-sm:block max-sm:py-2">
              <th scope="row" className="py-2 pr-3 font-medium max-sm:block max-sm:py-0.5">
                {stage.label}
                {stage.known ? null : <span className="ml-2 text-xs font-normal text-amber-800 dark:text-amber-300">a guess: check it</span>}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums max-sm:block max-sm:py-0.5 max-sm:text-left">
                <span className="sm:hidden">Rows: </span>
                {stage.rows.toLocaleString("en-US")}
              </td>
              <td className="py-2 max-sm:block max-sm:py-0.5">
                <select
                  aria-label={`Shortlist status for “${stage.label}”`}
                  value={stage.status}
                  onChange={(e) => onChange(stage.key, e.target.value as ApplicationStatus)}
                  className="input py-1.5"
                >
                  {APPLICATION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
