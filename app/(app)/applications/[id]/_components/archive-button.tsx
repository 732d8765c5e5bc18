"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { setArchivedAction } from "../../actions";

/** Archive or unarchive; says so beside the button when the change could not be saved. */
export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const [state, action] = useActionState(setArchivedAction, {});
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <SubmitButton pendingText={archived ? "Unarchiving…" : "Archiving…"} className="btn-secondary">
        {archived ? "Unarchive" : "Archive"}
      </SubmitButton>
      {state.message ? (
        <p role="alert" className="max-w-xs text-sm text-red-800 dark:text-red-200">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
