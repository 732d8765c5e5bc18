import { ConfirmDeleteButton } from "@/app/_components/confirm-delete-button";
import { deleteApplicationAction } from "../actions";

export function DeleteApplicationButton({ id, label }: { id: string; label: string }) {
  return (
    <ConfirmDeleteButton
      action={deleteApplicationAction}
      fields={{ id }}
      title="Delete this application?"
      description={`${label} and everything recorded with it (rounds, signals, events) will be removed for good. To keep it out of sight instead, archive it.`}
    />
  );
}
