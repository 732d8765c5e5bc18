"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { unsubscribeAction } from "./actions";

export function UnsubscribeForm({ token }: { token: string }) {
  const [state, action] = useActionState(unsubscribeAction, {});
  if (state.done) {
    return (
      <p role="status" className="mt-4 text-sm">
        Done: Shortlist sends you no more reminder emails. To have them again, sign in and turn them on in Settings → Reminders.
      </p>
    );
  }
  return (
    <form action={action} className="mt-4 space-y-3">
      <input type="hidden" name="token" value={token} />
      {state.message ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
      <SubmitButton pendingText="Turning off…">Turn off reminder emails</SubmitButton>
    </form>
  );
}
