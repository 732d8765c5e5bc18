"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { markThankYouSentAction } from "../rounds/actions";

export function ThankYouButton({ roundId, roundNumber }: { roundId: string; roundNumber: number }) {
  const [state, action] = useActionState(markThankYouSentAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="roundId" value={roundId} />
      <SubmitButton pendingText="Saving…" className="btn-secondary px-3 py-1" accessibleLabel={`Thank-you sent now for round ${roundNumber}`}>
        Thank-you sent now
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
