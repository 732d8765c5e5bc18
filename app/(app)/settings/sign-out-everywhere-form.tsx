"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { signOutEverywhereAction } from "../actions";

/** Sign out everywhere; when the revocation could not be saved, it says so rather than signing this device out alone. */
export function SignOutEverywhereForm() {
  const [state, action] = useActionState(signOutEverywhereAction, {});
  return (
    <form action={action} className="space-y-2">
      <SubmitButton pendingText="Signing out…" className="btn-secondary">
        Sign out everywhere
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
