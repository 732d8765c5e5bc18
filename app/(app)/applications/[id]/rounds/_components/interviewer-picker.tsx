"use client";

import { useState } from "react";
import type { InterviewerView } from "@/lib/data/interviewers";
import { MAX_NEW_INTERVIEWERS } from "@/lib/validation/round";

type Props = {
  known: InterviewerView[];
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
};

function rowsIn(values: Props["values"]): number {
  const indexes = Object.keys(values)
    .map((k) => /^newInterviewers\.(\d+)\./.exec(k)?.[1])
    .filter((i): i is string => i !== undefined)
    .map(Number);
  return indexes.length ? Math.max(...indexes) + 1 : 1;
}

/** People already met at this company to tick again, plus rows for new ones. */
export function InterviewerPicker({ known, values, errors }: Props) {
  const [initialRows] = useState(() => rowsIn(values));
  const [rows, setRows] = useState(initialRows);
  const pickError = Object.entries(errors)
    .filter(([k]) => k.startsWith("interviewerIds"))
    .flatMap(([, v]) => v ?? []);
  const listError = [...pickError, ...(errors.newInterviewers ?? [])].join(" ");

  return (
    <fieldset className="card space-y-4 p-4 sm:p-6">
      <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">Who you met</legend>
      {known.length ? (
        <div>
          <p className="text-sm font-medium text-slate-800 dark:text-slate-200">Met before at this company</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {known.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2 rounded-full border border-slate-300 dark:border-slate-600 px-3 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:has-[:checked]:border-brand-300 dark:has-[:checked]:bg-brand-950">
                  <input
                    type="checkbox"
                    name={`interviewer.${p.id}`}
                    defaultChecked={values[`interviewer.${p.id}`] === "on"}
                    className="size-4 accent-brand-600 dark:accent-brand-400"
                  />
                  {p.name}
                  {p.title ? <span className="text-slate-600 dark:text-slate-400">· {p.title}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="space-y-3">
        <p className="text-sm font-medium text-slate-800 dark:text-slate-200">{known.length ? "Someone new" : "People (optional)"}</p>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid gap-3 sm:grid-cols-3" role="group" aria-label={`Person ${i + 1}`}>
            {(["name", "title", "email"] as const).map((part) => {
              const name = `newInterviewers.${i}.${part}`;
              const id = `field-newInterviewers-${i}-${part}`;
              const error = errors[name]?.join(" ");
              return (
                <div key={part}>
                  <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
                    {part === "name" ? "Name" : part === "title" ? "Title (optional)" : "Email (optional)"}
                  </label>
                  <input
                    id={id}
                    name={name}
                    type={part === "email" ? "email" : "text"}
                    autoComplete="off"
                    // A row added with the button takes the focus, so typing can go on.
                    autoFocus={part === "name" && i >= initialRows}
                    maxLength={part === "email" ? 254 : 120}
                    className="input mt-1"
                    defaultValue={values[name]}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  {error ? (
                    <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
                      {error}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
        {listError ? (
          <p id="field-newInterviewers-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
            {listError}
          </p>
        ) : null}
        {rows < MAX_NEW_INTERVIEWERS ? (
          <button type="button" className="btn-secondary" onClick={() => setRows((n) => n + 1)}>
            Add another person
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
