"use client";

import { FIELD_LABELS, IMPORT_FIELDS, type ColumnTarget } from "@/lib/import/fields";
import type { ImportSummary } from "@/lib/import/summary";

/**
 * Each column of the file beside a few of its values and the Shortlist
 * field it fills, with the guess (or the recognised format's reading)
 * already chosen. A problem with one column shows beside its choice.
 */
export function ColumnMapping({
  summary,
  mapping,
  onChange,
}: {
  summary: ImportSummary;
  mapping: ColumnTarget[];
  onChange: (mapping: ColumnTarget[]) => void;
}) {
  const general = summary.mappingProblems.filter((p) => p.column === null);
  return (
    <div className="space-y-3">
      {general.length ? (
        <ul id="mapping-problems" className="space-y-1 text-sm text-red-700 dark:text-red-300">
          {general.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Columns in your file and the Shortlist field each one fills</caption>
          <thead className="text-xs text-slate-600 uppercase max-sm:sr-only dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Column in your file
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Example values
              </th>
              <th scope="col" className="py-2 font-medium">
                Goes into
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 max-sm:block dark:divide-slate-700">
            {summary.header.map((name, i) => {
              const problem = summary.mappingProblems.find((p) => p.column === i);
              const id = `column-${i}`;
              return (
                <tr key={`${i}-${name}`}>
                  <th scope="row" className="py-2 pr-3 align-top font-medium max-sm:block max-sm:py-0.5">
                    {name || <span className="text-slate-600 dark:text-slate-400">(no name)</span>}
                  </th>
                  <td className="max-w-xs py-2 pr-3 align-top text-slate-700 dark:text-slate-300 max-sm:block max-sm:py-0.5">
                    <span className="line-clamp-2 break-words">{summary.samples[i]?.join(" · ") || "—"}</span>
                  </td>
                  <td className="py-2 align-top max-sm:block max-sm:py-0.5">
                    <select
                      id={id}
                      aria-label={`Shortlist field for the column “${name}”`}
                      aria-describedby={problem ? `${id}-error` : general.length ? "mapping-problems" : undefined}
                      aria-invalid={problem ? true : undefined}
                      value={mapping[i] ?? "ignore"}
                      onChange={(e) => onChange(mapping.map((m, j) => (j === i ? (e.target.value as ColumnTarget) : m)))}
                      className="input py-1.5"
                    >
                      <option value="ignore">Leave out</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f]}
                        </option>
                      ))}
                    </select>
                    {problem ? (
                      <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
                        {problem.message}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
