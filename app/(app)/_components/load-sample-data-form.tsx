"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { loadSampleDataAction } from "../actions";

/** "Load sample data", with the reason beside it when the samples could not be saved. */
export function LoadSampleDataForm() {
  const [state, action] = useActionState(loadSampleDataAction, {});
  return (
    <form action={action} className="flex flex-col items-center gap-2">
      <SubmitButton pendingText="Loading sample data…" className="btn-secondary">
        Load sample data
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="max-w-xs text-sm text-red-800 dark:text-red-200">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
