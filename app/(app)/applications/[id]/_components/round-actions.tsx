"use client";

import Link from "next/link";
import { useRef } from "react";
import { ActionMenu, MoreIcon } from "@/app/_components/action-menu";
import { ConfirmDeleteDialog } from "@/app/_components/confirm-delete-dialog";
import { deleteRoundAction } from "../rounds/actions";

type Props = { applicationId: string; roundId: string; number: number; upcoming: boolean; deleteDescription: string };

/**
 * Edit in plain sight; "Add to calendar" only while the round is ahead; Delete
 * out of the way in a small menu, still asking before it deletes.
 */
export function RoundActions({ applicationId, roundId, number, upcoming, deleteDescription }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-2 pt-1 text-sm">
      <Link href={`/applications/${applicationId}/rounds/${roundId}/edit`} className="btn-secondary px-3 py-1" aria-label={`Edit round ${number}`}>
        Edit
      </Link>
      {upcoming ? (
        // A plain link: the file comes from a route handler, not a page to navigate to.
        <a href={`/applications/${applicationId}/rounds/${roundId}/calendar.ics`} download className="btn-secondary px-3 py-1" aria-label={`Add round ${number} to calendar (.ics)`}>
          Add to calendar (.ics)
        </a>
      ) : null}
      <ActionMenu
        label={`More for round ${number}`}
        buttonClassName="btn-secondary px-2 py-1"
        items={[{ key: "delete", label: `Delete round ${number}…`, tone: "danger", onSelect: () => dialog.current?.showModal() }]}
      >
        <MoreIcon className="h-4 w-4" />
      </ActionMenu>
      <ConfirmDeleteDialog
        dialogRef={dialog}
        action={deleteRoundAction}
        fields={{ roundId }}
        title={`Delete round ${number}?`}
        description={deleteDescription}
      />
    </div>
  );
}
