"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { NEW_PASSWORD_RULES, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { useBrowserTimeZone } from "@/app/_components/use-browser-time-zone";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, {});
  const errors = state.fieldErrors ?? {};
  // Interview times are shown in this zone; Settings can change it later.
  const timeZone = useBrowserTimeZone();
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} answer={state} />
      {timeZone ? <input type="hidden" name="timeZone" value={timeZone} /> : null}
      <Field name="name" label="Name" errors={errors.name}>
        {(p) => <input {...p} autoComplete="name" required className="input" defaultValue={state.values?.name} />}
      </Field>
      <Field name="email" label="Email" errors={errors.email}>
        {(p) => <input {...p} type="email" autoComplete="email" required className="input" defaultValue={state.values?.email} />}
      </Field>
      <Field
        name="password"
        label="Password"
        errors={errors.password}
        hint={`${NEW_PASSWORD_RULES} A long passphrase is best.`}
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX_LENGTH} className="input" />}
      </Field>
      <SubmitButton pendingText="Creating your account…" className="btn-primary w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
