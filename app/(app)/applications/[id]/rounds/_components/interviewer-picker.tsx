"use client";

import { useEffect, useRef, useState } from "react";
import type { InterviewerView } from "@/lib/data/interviewers";
import { matchPerson } from "@/lib/people/match";
import { MAX_NEW_INTERVIEWERS } from "@/lib/validation/limits";
import type { Offer } from "./offerable-people";

type Props = {
  known: InterviewerView[];
  offers: Offer[];
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

type Typed = { name: string; title: string; email: string };
const BLANK: Typed = { name: "", title: "", email: "" };

const offerText = (p: Offer) => [p.name, p.title, p.lastMet ? `met ${p.lastMet}` : "not met yet"].filter(Boolean).join(", ");

/**
 * People already met at this company to tick again, plus rows for new ones.
 * A row whose name or email is someone already met at the company offers
 * that person instead of a twin (the server matches the same way, whatever
 * this sends).
 */
export function InterviewerPicker({ known, offers, values, errors }: Props) {
  const [initialRows] = useState(() => rowsIn(values));
  // Rows keep a key of their own, and their inputs are controlled, so taking
  // one out (its person used instead) leaves what was typed in the others.
  const [rows, setRows] = useState(() => Array.from({ length: initialRows }, (_, i) => i));
  const [nextKey, setNextKey] = useState(initialRows);
  const [typed, setTyped] = useState<Record<number, Typed>>(() =>
    Object.fromEntries(
      rows.map((i) => [i, { name: values[`newInterviewers.${i}.name`] ?? "", title: values[`newInterviewers.${i}.title`] ?? "", email: values[`newInterviewers.${i}.email`] ?? "" }]),
    ),
  );
  const [checked, setChecked] = useState(() => new Set(Object.keys(values).flatMap((k) => (k.startsWith("interviewer.") && values[k] === "on" ? [k.slice(12)] : []))));
  const [focusId, setFocusId] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (focusId) list.current?.querySelector<HTMLInputElement>(`input[name="interviewer.${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId]);

  // Those met at this application, then anyone from the company picked through an offer.
  const shown = [...known, ...offers.filter((o) => checked.has(o.id) && !known.some((k) => k.id === o.id))];
  const pickError = Object.entries(errors)
    .filter(([k]) => k.startsWith("interviewerIds"))
    .flatMap(([, v]) => v ?? []);
  const listError = [...pickError, ...(errors.newInterviewers ?? [])].join(" ");

  const toggle = (id: string, on: boolean) =>
    setChecked((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  function use(person: Offer, rowKey: number) {
    toggle(person.id, true);
    const rest = rows.filter((k) => k !== rowKey);
    setRows(rest.length ? rest : [nextKey]);
    if (!rest.length) setNextKey((n) => n + 1);
    setTyped((now) => ({ ...now, [rowKey]: BLANK }));
    setFocusId(person.id);
  }

  return (
    <fieldset className="card space-y-4 p-4 sm:p-6">
      <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">Who you met</legend>
      {shown.length ? (
        <div>
          <p className="text-sm font-medium text-slate-800 dark:text-slate-200">Met before at this company</p>
          <ul ref={list} className="mt-2 flex flex-wrap gap-2">
            {shown.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2 rounded-full border border-slate-300 dark:border-slate-600 px-3 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:has-[:checked]:border-brand-300 dark:has-[:checked]:bg-brand-950">
                  <input
                    type="checkbox"
                    name={`interviewer.${p.id}`}
                    checked={checked.has(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
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
        <p className="text-sm font-medium text-slate-800 dark:text-slate-200">{shown.length ? "Someone new" : "People (optional)"}</p>
        {rows.map((rowKey, i) => {
          const now = typed[rowKey] ?? BLANK;
          const match = now.name.trim() || now.email.trim() ? matchPerson(offers, now) : undefined;
          const offer = match && !checked.has(match.id) ? match : undefined;
          return (
            <div key={rowKey} className="space-y-2" role="group" aria-label={`Person ${i + 1}`}>
              <div className="grid gap-3 sm:grid-cols-3">
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
                        autoFocus={part === "name" && rowKey >= initialRows}
                        maxLength={part === "email" ? 254 : 120}
                        className="input mt-1"
                        value={now[part]}
                        onChange={(e) => setTyped((t) => ({ ...t, [rowKey]: { ...now, [part]: e.target.value } }))}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={[error ? `${id}-error` : null, offer && part !== "title" ? `offer-${rowKey}` : null].filter(Boolean).join(" ") || undefined}
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
              <div aria-live="polite">
                {offer ? (
                  <p
                    id={`offer-${rowKey}`}
                    className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-slate-800 dark:border-brand-800 dark:bg-brand-950 dark:text-slate-200"
                    data-testid="person-offer"
                  >
                    <span>Already met: {offerText(offer)}.</span>
                    <button type="button" className="btn-secondary" onClick={() => use(offer, rowKey)}>
                      Use this person
                    </button>
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
        {listError ? (
          <p id="field-newInterviewers-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
            {listError}
          </p>
        ) : null}
        {rows.length < MAX_NEW_INTERVIEWERS ? (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setRows((r) => [...r, nextKey]);
              setNextKey((n) => n + 1);
            }}
          >
            Add another person
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
