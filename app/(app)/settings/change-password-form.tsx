"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { NEW_PASSWORD_RULES, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage message={state.message} answer={state} />
      <Field name="currentPassword" label="Current password" errors={errors.currentPassword}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className="input" />}
      </Field>
      <Field
        name="newPassword"
        label="New password"
        errors={errors.newPassword}
        hint={NEW_PASSWORD_RULES}
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} className="input" />}
      </Field>
      <Field name="confirmPassword" label="Repeat new password" errors={errors.confirmPassword}>
        {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} className="input" />}
      </Field>
      <SubmitButton pendingText="Changing password…">Change password</SubmitButton>
    </form>
  );
}
