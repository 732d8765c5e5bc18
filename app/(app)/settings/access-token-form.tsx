"use client";

import { useActionState, useRef, useState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { createAccessTokenAction, type TokenFormState } from "./access-token-actions";

const EXPIRY_LABELS = { "30": "In 30 days", "90": "In 90 days", "365": "In a year", never: "Never" } as const;

/** Name, scope and expiry; the answer shows the new token once, with a copy button. */
export function AccessTokenForm() {
  const [state, action] = useActionState<TokenFormState, FormData>(createAccessTokenAction, {});
  const refused = Boolean(state.fieldErrors);
  const values = refused ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={refused || !state.token ? "error" : "success"} answer={state} />
      {state.token ? <NewToken key={state.token} token={state.token} /> : null}
      <Field name="name" label="Token name" errors={state.fieldErrors?.name} hint="What will use it, such as “Claude Desktop on my laptop”." idPrefix="token">
        {(p) => <input {...p} key={`${state.token}-name`} className="input" defaultValue={values?.name ?? ""} maxLength={80} autoComplete="off" />}
      </Field>
      <fieldset aria-describedby={state.fieldErrors?.scope ? "token-scope-error" : undefined}>
        <legend className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">What it may do</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm" key={`${state.token}-scope`}>
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" value="read" defaultChecked={(values?.scope ?? "read") === "read"} />
            Read only
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" value="write" defaultChecked={values?.scope === "write"} />
            Read and write
          </label>
        </div>
        {state.fieldErrors?.scope ? (
          <p id="token-scope-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {state.fieldErrors.scope.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field name="expiry" label="Expires" errors={state.fieldErrors?.expiry} idPrefix="token">
        {(p) => (
          <select {...p} key={`${state.token}-expiry`} className="input w-auto" defaultValue={values?.expiry ?? "90"}>
            {Object.entries(EXPIRY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingText="Making a token…" className="btn-secondary">
        Make a token
      </SubmitButton>
    </form>
  );
}

function NewToken({ token }: { token: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Without clipboard access the token is selected: the user copies it by hand.
    }
  };
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
      <label htmlFor="new-token" className="block text-sm font-medium text-slate-900 dark:text-slate-100">
        Your new token
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input ref={field} id="new-token" readOnly value={token} className="input min-w-0 flex-1 font-mono text-xs" data-testid="new-token" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn-secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">It will not be shown again. Keep it like a password.</p>
    </div>
  );
}
