"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { setArchivedAction } from "../../actions";

/**
 * Archive or unarchive. The form takes no box of its own (display:
 * contents), so that a refusal's message gets a line of its own under the
 * header's buttons instead of pushing them apart.
 */
export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const [state, action] = useActionState(setArchivedAction, {});
  return (
    <form action={action} className="contents">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <SubmitButton pendingText={archived ? "Unarchiving…" : "Archiving…"} className="btn-secondary">
        {archived ? "Unarchive" : "Archive"}
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="order-last basis-full text-sm text-red-800 dark:text-red-200">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
