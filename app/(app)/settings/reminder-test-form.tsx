"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { sendTestReminderAction } from "./reminder-actions";

/** "Send a test": one email through the same outbox as every reminder. */
export function ReminderTestForm() {
  const [state, action] = useActionState(sendTestReminderAction, {});
  return (
    <form action={action} className="space-y-2">
      <FormMessage message={state.message} tone="success" answer={state} />
      <SubmitButton pendingText="Sending…" className="btn-secondary">
        Send a test email
      </SubmitButton>
    </form>
  );
}
