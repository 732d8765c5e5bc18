"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { SubmitButton } from "@/app/_components/submit-button";
import { deleteAccountAction } from "./account-actions";

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, {});
  return (
    <form action={action} noValidate className="space-y-4">
      <Field name="password" label="Account password" idPrefix="delete" errors={state.fieldErrors?.password} hint="Needed to be sure it is you. This can't be undone.">
        {(p) => <input {...p} type="password" autoComplete="current-password" className="input max-w-sm" />}
      </Field>
      <SubmitButton pendingText="Deleting your account…" className="btn-danger">
        Delete my account and all its data
      </SubmitButton>
    </form>
  );
}
