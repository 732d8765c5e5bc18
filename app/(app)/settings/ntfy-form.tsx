"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { OwnChannelView } from "@/lib/data/reminder-channels";
import { CarriesSelect } from "./carries-select";
import { saveNtfyAction } from "./reminder-channel-actions";
import { RemoveChannelForm } from "./remove-channel-form";

/** The account's ntfy topic: its URL, an access token for a protected topic (never shown again), and what it carries. */
export function NtfyForm({ current }: { current: OwnChannelView | null }) {
  const [state, action] = useActionState(saveNtfyAction, {});
  const errored = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  const url = state.values?.url ?? current?.url ?? "";
  return (
    <>
      <form action={action} className="space-y-4" noValidate>
        <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
        <Field name="url" label="Topic URL" idPrefix="ntfy" errors={state.fieldErrors?.url} hint="Such as https://ntfy.sh/a-topic-only-you-know, or your own ntfy server’s.">
          {(p) => <input {...p} key={url} type="url" className="input" defaultValue={url} autoComplete="off" />}
        </Field>
        <Field
          name="token"
          label="Access token (optional)"
          idPrefix="ntfy"
          errors={state.fieldErrors?.token}
          hint={current?.hasToken ? "A token is saved. Leave this empty to keep it." : "Only for a topic that needs one."}
        >
          {(p) => <input {...p} type="password" className="input" autoComplete="off" />}
        </Field>
        {current?.hasToken ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="clearToken" value="on" className="size-4" />
            Remove the saved token
          </label>
        ) : null}
        <CarriesSelect name="carries" label="ntfy carries" idPrefix="ntfy" value={state.values?.carries ?? current?.carries ?? "all"} errors={state.fieldErrors?.carries} />
        <SubmitButton pendingText="Saving…" className="btn-secondary">
          {current ? "Save ntfy" : "Turn on ntfy"}
        </SubmitButton>
      </form>
      {current ? <RemoveChannelForm channel="ntfy" label="Turn off ntfy" /> : null}
    </>
  );
}
