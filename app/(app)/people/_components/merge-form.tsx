"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
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
  /** The person a duplicate hint suggested; ignored unless it is one of the choices. */
  suggested?: string;
};

/** Merging cannot be undone, so the choice is confirmed in a dialog inside the same form. */
export function MergeForm({ keep, company, sameCompany, elsewhere, elsewhereHidden, suggested }: Props) {
  const [state, formAction] = useActionState(mergePeopleAction, {});
  const [picked, setPicked] = useState(state.values?.mergeId ?? suggested ?? "");
  const dialog = useRef<HTMLDialogElement>(null);
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
      <ConfirmDialog
        dialogRef={dialog}
        title={`Merge ${chosen?.label.split(" · ")[0]} into ${keep.name}?`}
        description={`Every round with them will list ${keep.name} instead, and their entry is deleted. This can’t be undone.`}
        cancelLabel="Keep both"
      >
        <SubmitButton pendingText="Merging…" className="btn-primary">
          Merge
        </SubmitButton>
      </ConfirmDialog>
    </form>
  );
}
