"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { OwnChannelView } from "@/lib/data/reminder-channels";
import { CarriesSelect } from "./carries-select";
import { saveWebhookAction } from "./reminder-channel-actions";
import { RemoveChannelForm } from "./remove-channel-form";

/** The account's webhook: where reminders are posted as signed JSON, and the secret its receiver checks them with. */
export function WebhookForm({ current }: { current: OwnChannelView | null }) {
  const [state, action] = useActionState(saveWebhookAction, {});
  const errored = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  const url = state.values?.url ?? current?.url ?? "";
  return (
    <>
      <form action={action} className="space-y-4" noValidate>
        <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
        <Field name="url" label="Webhook URL" idPrefix="webhook" errors={state.fieldErrors?.url} hint="Each reminder is posted here as JSON. An Apprise API /notify URL works too.">
          {(p) => <input {...p} key={url} type="url" className="input" defaultValue={url} autoComplete="off" />}
        </Field>
        <CarriesSelect name="carries" label="Webhook carries" idPrefix="webhook" value={state.values?.carries ?? current?.carries ?? "all"} errors={state.fieldErrors?.carries} />
        <SubmitButton pendingText="Saving…" className="btn-secondary">
          {current ? "Save webhook" : "Turn on the webhook"}
        </SubmitButton>
      </form>
      {current?.signingSecret ? (
        <div className="mt-3 text-sm">
          <p>
            Signing secret: <code className="break-all">{current.signingSecret}</code>
          </p>
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            Each body is signed with HMAC-SHA256 under this secret, in the X-Shortlist-Signature header (sha256=…); the
            Idempotency-Key header is the delivery’s id, the same on every retry.
          </p>
        </div>
      ) : null}
      {current ? <RemoveChannelForm channel="webhook" label="Turn off the webhook" /> : null}
    </>
  );
}
