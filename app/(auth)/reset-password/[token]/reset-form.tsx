"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { NEW_PASSWORD_RULES, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { resetPasswordAction } from "../../password-reset-actions";

export function ResetForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage message={state.message} answer={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="newPassword" label="New password" errors={errors.newPassword} hint={NEW_PASSWORD_RULES}>
        {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} className="input" />}
      </Field>
      <Field name="confirmPassword" label="Repeat new password" errors={errors.confirmPassword}>
        {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} className="input" />}
      </Field>
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
