"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { signInAction } from "../actions";

export function SignInForm({ next, notice, noticeTone }: { next: string; notice?: string; noticeTone: "error" | "success" }) {
  const [state, action] = useActionState(signInAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage message={state.message} answer={state} /> : <FormMessage message={notice} tone={noticeTone} />}
      <input type="hidden" name="next" value={next} />
      <Field name="email" label="Email" errors={errors.email}>
        {(p) => <input {...p} type="email" autoComplete="email" required className="input" defaultValue={state.values?.email} />}
      </Field>
      <Field name="password" label="Password" errors={errors.password}>
        {(p) => <input {...p} type="password" autoComplete="current-password" required maxLength={128} className="input" />}
      </Field>
      <SubmitButton pendingText="Signing in…" className="btn-primary w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
