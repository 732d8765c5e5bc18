"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { signInCodeAction } from "../../actions";

export function SignInCodeForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInCodeAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} answer={state} />
      <input type="hidden" name="next" value={next} />
      <Field
        name="code"
        label="Authentication code"
        errors={state.fieldErrors?.code}
        hint="Lost your phone? Enter one of your recovery codes here instead."
      >
        {(p) => <input {...p} autoComplete="one-time-code" autoFocus required maxLength={100} spellCheck={false} className="input font-mono" />}
      </Field>
      <SubmitButton pendingText="Checking…" className="btn-primary w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
