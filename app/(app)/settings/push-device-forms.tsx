"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ReminderCarries } from "@/lib/vocabulary";
import { CarriesSelect } from "./carries-select";
import { removePushDeviceAction, savePushCarriesAction } from "./push-actions";

export function RemovePushDeviceForm({ id, label }: { id: string; label: string }) {
  const [state, action] = useActionState(removePushDeviceAction, {});
  return (
    <form action={action} className="inline">
      <FormMessage message={state.message} tone="success" answer={state} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingText="Removing…" className="btn-secondary" accessibleLabel={`Remove ${label}`}>
        Remove
      </SubmitButton>
    </form>
  );
}

export function PushCarriesForm({ carries }: { carries: ReminderCarries }) {
  const [state, action] = useActionState(savePushCarriesAction, {});
  const errored = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
      <CarriesSelect name="carries" label="Push carries" idPrefix="push" value={state.values?.carries ?? carries} errors={state.fieldErrors?.carries} />
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        Save push
      </SubmitButton>
    </form>
  );
}
