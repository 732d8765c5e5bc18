"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { finishSignUpAction } from "../../../sign-up-link-actions";

export function FinishSignUpForm({ token }: { token: string }) {
  const [state, action] = useActionState(finishSignUpAction, {});
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage message={state.message} answer={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="Password" errors={state.fieldErrors?.password}>
        {(p) => <input {...p} type="password" autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} className="input" />}
      </Field>
      <SubmitButton pendingText="Creating your account…" className="btn-primary w-full">
        Create my account
      </SubmitButton>
    </form>
  );
}
