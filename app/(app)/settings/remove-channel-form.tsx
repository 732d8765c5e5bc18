"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { OwnReminderChannel } from "@/lib/vocabulary";
import { removeReminderChannelAction } from "./reminder-channel-actions";

export function RemoveChannelForm({ channel, label }: { channel: OwnReminderChannel; label: string }) {
  const [state, action] = useActionState(removeReminderChannelAction, {});
  return (
    <form action={action} className="mt-2">
      <FormMessage message={state.message} tone="success" answer={state} />
      <input type="hidden" name="channel" value={channel} />
      <SubmitButton pendingText="Turning off…" className="btn-secondary">
        {label}
      </SubmitButton>
    </form>
  );
}
