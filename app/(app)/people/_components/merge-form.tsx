"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { mergePeopleAction } from "../actions";

export type MergeChoice = { id: string; label: string };

type Props = {
  keep: { id: string; name: string };
  company: string;
  sameCompany: MergeChoice[];
  elsewhere: MergeChoice[];
  /** Choices at other companies left out of the list. */
  elsewhereHidden: number;
};

/**
 * Merging cannot be undone, so the choice is confirmed in a native modal
 * dialog (focus trapped, Escape closes) inside the same form.
 */
export function MergeForm({ keep, company, sameCompany, elsewhere, elsewhereHidden }: Props) {
  const [state, formAction] = useActionState(mergePeopleAction, {});
  const [picked, setPicked] = useState(state.values?.mergeId ?? "");
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const errors = state.fieldErrors ?? {};
  // An answer, whichever it is, ends the confirmation: the message shows beside the form.
  useEffect(() => dialog.current?.close(), [state]);
  // A merge that worked answers with a message and no values; a refused one keeps what was submitted.
  const errored = Boolean(state.values || state.fieldErrors);
  const chosen = [...sameCompany, ...elsewhere].find((c) => c.id === picked);
  const mergeError = errors.mergeId ?? errors.keepId;

  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
      <input type="hidden" name="keepId" value={keep.id} />
      <Field name="mergeId" label={`Person to merge into ${keep.name}`} errors={mergeError} hint={elsewhereHidden ? `People at other companies: the first ${elsewhere.length} are listed.` : undefined}>
        {(p) => (
          <select {...p} className="input" value={chosen ? picked : ""} onChange={(e) => setPicked(e.target.value)}>
            <option value="">Choose a person</option>
            {sameCompany.length ? (
              <optgroup label={`At ${company}`}>
                {sameCompany.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {elsewhere.length ? (
              <optgroup label="At other companies">
                {elsewhere.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        )}
      </Field>
      {/* With no one chosen it submits as it is, for the server's message beside the field. */}
      <button
        type="submit"
        className="btn-secondary"
        onClick={(e) => {
          if (!chosen) return;
          e.preventDefault();
          dialog.current?.showModal();
        }}
      >
        Merge…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100 dark:ring-1 dark:ring-slate-700 dark:backdrop:bg-black/70"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Merge {chosen?.label.split(" · ")[0]} into {keep.name}?
        </h2>
        <p id={`${id}-description`} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Every round with them will list {keep.name} instead, and their entry is deleted. This can’t be undone.
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" autoFocus onClick={() => dialog.current?.close()}>
            Keep both
          </button>
          <SubmitButton pendingText="Merging…" className="btn-primary">
            Merge
          </SubmitButton>
        </div>
      </dialog>
    </form>
  );
}
