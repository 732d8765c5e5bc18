"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { RecoveryCodes } from "./recovery-codes";
import { renewRecoveryCodesAction, turnOffTwoFactorAction, type CodesState } from "./two-factor-actions";

export function RenewRecoveryCodesForm() {
  const [state, action] = useActionState<CodesState, FormData>(renewRecoveryCodesAction, {});
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} intro="Your old recovery codes no longer work." />;
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">Make new recovery codes</summary>
      <form action={action} noValidate className="mt-3 space-y-3">
        <FormMessage message={state.message} answer={state} />
        <Field name="code" idPrefix="renew-codes" label="Code from your authenticator app" errors={state.fieldErrors?.code}>
          {(p) => <input {...p} autoComplete="one-time-code" maxLength={100} spellCheck={false} className="input max-w-64 font-mono" />}
        </Field>
        <SubmitButton pendingText="Making codes…" className="btn-secondary">
          Make new recovery codes
        </SubmitButton>
      </form>
    </details>
  );
}

export function TurnOffTwoFactorForm() {
  const [state, action] = useActionState(turnOffTwoFactorAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">Turn off two-factor sign-in</summary>
      <form action={action} noValidate className="mt-3 space-y-3">
        <FormMessage message={state.message} answer={state} />
        <p className="text-sm text-slate-700 dark:text-slate-300">To turn it off, confirm with your password and a code.</p>
        <Field name="password" idPrefix="two-factor-off" label="Your password" errors={errors.password}>
          {(p) => <input {...p} type="password" autoComplete="current-password" className="input max-w-64" />}
        </Field>
        <Field
          name="code"
          idPrefix="two-factor-off"
          label="Code from your authenticator app"
          hint="Or one of your recovery codes."
          errors={errors.code}
        >
          {(p) => <input {...p} autoComplete="one-time-code" maxLength={100} spellCheck={false} className="input max-w-64 font-mono" />}
        </Field>
        <SubmitButton pendingText="Turning off…" className="btn-secondary text-red-800 dark:text-red-200">
          Turn off two-factor sign-in
        </SubmitButton>
      </form>
    </details>
  );
}
