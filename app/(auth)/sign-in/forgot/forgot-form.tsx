"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { forgotPasswordAction } from "../../password-reset-actions";

export function ForgotForm() {
  const [state, action] = useActionState(forgotPasswordAction, {});
  const sent = Boolean(state.message && !state.values);
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage message={state.message} tone={sent ? "success" : "error"} answer={state} />
      <Field name="email" label="Email" errors={state.fieldErrors?.email}>
        {(p) => <input {...p} type="email" autoComplete="email" className="input" defaultValue={state.values?.email ?? ""} key={state.values?.email} />}
      </Field>
      <SubmitButton pendingText="Sending…">Email me a link</SubmitButton>
    </form>
  );
}
