"use client";

import { useEffect, useRef } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { plural } from "@/lib/text/plural";
import type { BulkActionInput } from "@/lib/validation/bulk-action";

export type Pending = { action: BulkActionInput["action"]; count: number };

function words({ action, count }: Pending): { title: string; description: string; confirm: string } {
  const them = plural(count, "application");
  if (action.kind === "delete") {
    return {
      title: `Delete ${them}?`,
      description: "Their rounds, events and notes go with them. You can undo it from the message that follows, for a few minutes.",
      confirm: `Delete ${them}`,
    };
  }
  const verb = action.kind === "archive" ? "Archive" : action.status === "ghosted" ? "Mark as ghosted" : `Move to ${STATUS_LABELS[action.status]}`;
  return { title: `${verb}: ${them}?`, description: "This includes applications not on this page. You can undo it from the message that follows.", confirm: `${verb}: ${them}` };
}

/** Asks before a delete, or before acting on rows the user cannot see; names the count either way. */
export function BulkConfirm({ pending, onConfirm, onCancel }: { pending: Pending | null; onConfirm: (action: BulkActionInput["action"]) => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (pending && !el.open) el.showModal();
    if (!pending && el.open) el.close();
    const closed = () => onCancel();
    el.addEventListener("close", closed);
    return () => el.removeEventListener("close", closed);
  }, [pending, onCancel]);
  const text = pending ? words(pending) : { title: "", description: "", confirm: "" };
  return (
    <ConfirmDialog dialogRef={dialog} title={text.title} description={text.description} cancelLabel="Cancel">
      <button
        type="button"
        className={pending?.action.kind === "delete" ? "btn-danger" : "btn-primary"}
        onClick={() => pending && onConfirm(pending.action)}
      >
        {text.confirm}
      </button>
    </ConfirmDialog>
  );
}
