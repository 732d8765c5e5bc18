"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/form-message";
import type { ReminderChannelName } from "@/lib/vocabulary";
import { sendTestReminderAction } from "./reminder-channel-actions";

const LABELS: Record<ReminderChannelName, string> = { email: "Send a test email", push: "Send a test push", ntfy: "Send a test to ntfy", webhook: "Send a test to the webhook" };

/** "Send a test" for each channel that is on: one message through the same outbox as every reminder. */
export function ReminderTestForm({ channels }: { channels: ReminderChannelName[] }) {
  const [state, action, pending] = useActionState(sendTestReminderAction, {});
  return (
    <form action={action} className="space-y-2">
      <FormMessage message={state.message} tone="success" answer={state} />
      <div className="flex flex-wrap gap-2">
        {channels.map((channel) => (
          <button key={channel} type="submit" name="channel" value={channel} className="btn-secondary" disabled={pending}>
            {LABELS[channel]}
          </button>
        ))}
      </div>
    </form>
  );
}
