"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { RecoveryCodes } from "./recovery-codes";
import { cancelTwoFactorSetupAction, confirmTwoFactorAction, type CodesState } from "./two-factor-actions";

/** Scan (or type) the secret, then prove it with a first code. */
export function TwoFactorSetup({ qrDataUrl, secretText }: { qrDataUrl: string; secretText: string }) {
  const [state, action] = useActionState<CodesState, FormData>(confirmTwoFactorAction, {});
  if (state.recoveryCodes) {
    return <RecoveryCodes codes={state.recoveryCodes} intro="Two-factor sign-in is on." />;
  }
  return (
    <div className="mt-2 space-y-4 text-sm text-slate-700 dark:text-slate-300">
      <ol className="list-decimal space-y-4 pl-5">
        <li>
          <p>Open your authenticator app, add an account, and scan this code.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
          <img src={qrDataUrl} alt="QR code for adding Shortlist to an authenticator app" width={192} height={192} className="mt-2 rounded bg-white p-1" />
        </li>
        <li>
          <p>Can&apos;t scan it? Type this key into the app instead (time-based, 6 digits):</p>
          <p className="mt-1 font-mono text-base tracking-wide text-slate-900 break-all dark:text-slate-100" data-testid="two-factor-secret">
            {secretText}
          </p>
        </li>
        <li>
          <form action={action} noValidate className="space-y-3">
            <FormMessage message={state.message} answer={state} />
            <Field name="code" idPrefix="two-factor-setup" label="Enter the 6-digit code the app shows" errors={state.fieldErrors?.code}>
              {(p) => <input {...p} autoComplete="one-time-code" inputMode="numeric" maxLength={100} spellCheck={false} className="input max-w-48 font-mono" />}
            </Field>
            <Field
              name="password"
              idPrefix="two-factor-setup"
              label="Your password"
              hint="Changing how you sign in needs your password too."
              errors={state.fieldErrors?.password}
            >
              {(p) => <input {...p} type="password" autoComplete="current-password" className="input max-w-64" />}
            </Field>
            <SubmitButton pendingText="Checking…">Turn on two-factor sign-in</SubmitButton>
          </form>
        </li>
      </ol>
      <form action={cancelTwoFactorSetupAction}>
        <SubmitButton pendingText="Cancelling…" className="btn-secondary">
          Cancel set-up
        </SubmitButton>
      </form>
    </div>
  );
}
