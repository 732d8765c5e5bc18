"use client";

import { useActionState, useState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { saveAccountDetailsAction } from "./account-details-actions";

/** Name and email; the current password is asked for as soon as the email differs from the one on file. */
export function AccountDetailsForm({ name, email }: { name: string; email: string }) {
  const [state, action] = useActionState(saveAccountDetailsAction, {});
  const errors = state.fieldErrors ?? {};
  const shownEmail = state.values?.email ?? email;
  const [typedEmail, setTypedEmail] = useState(shownEmail);
  const needsPassword = typedEmail.trim().toLowerCase() !== email.toLowerCase() || Boolean(errors.currentPassword);
  const errored = Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate className="mt-3 space-y-4">
      <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" errors={errors.name}>
          {(p) => <input {...p} key={state.values?.name ?? name} required maxLength={100} dir="auto" autoComplete="name" className="input" defaultValue={state.values?.name ?? name} />}
        </Field>
        <Field name="email" label="Email" errors={errors.email}>
          {(p) => (
            <input
              {...p}
              key={shownEmail}
              type="email"
              required
              maxLength={254}
              autoComplete="email"
              className="input"
              defaultValue={shownEmail}
              onChange={(e) => setTypedEmail(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      {needsPassword ? (
        <Field name="currentPassword" label="Current password" errors={errors.currentPassword} hint="Needed to change the email you sign in with.">
          {(p) => <input {...p} type="password" autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} className="input" />}
        </Field>
      ) : null}
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        Save name and email
      </SubmitButton>
    </form>
  );
}
