"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import { ActionMenu, MoreIcon } from "@/app/_components/action-menu";
import type { BoardCardView as CardView } from "./card-view";
import { DRAG_INSTRUCTIONS_ID } from "./drag-instructions";
import type { HandleEvents } from "./use-lazy-drag-and-drop";

type Props = {
  card: CardView;
  error: string | undefined;
  /** After a move the card lands in another column, as a new element: focus follows it there. */
  focusHandle: boolean;
  /** Picked up, by pointer or keyboard: the card stays in place, outlined, while a copy follows. */
  dragging: boolean;
  /** The handle's events, which load drag and drop on first use. */
  handleEvents: HandleEvents;
  /** `origin`: the card whose control asked, so focus can follow the card to its new column. */
  onMove: (origin: string, applicationId: string, status: ApplicationStatus) => void;
};

/**
 * A card's buttons: its drag handle and its Move to menu. What it says
 * beneath them (next interview, next step) comes rendered from the server.
 */
export function BoardCard({ card, error, focusHandle, dragging, handleEvents, onMove }: Props) {
  const handle = useRef<HTMLButtonElement | null>(null);
  const idField = useRef<HTMLInputElement>(null);
  const name = `${card.company}, ${card.roleTitle}`;
  const errorId = `move-error-${card.id}`;

  useEffect(() => {
    if (focusHandle) handle.current?.focus();
  }, [focusHandle]);

  return (
    <li
      className={`card p-3 ${dragging ? "border-dashed ring-2 ring-brand-600 dark:ring-brand-100" : ""} ${error ? "border-red-700 dark:border-red-400" : ""}`}
      data-testid="board-card"
      data-id={card.id}
    >
      <div className="flex items-start gap-2">
        <button
          type="button"
          ref={handle}
          {...handleEvents}
          data-drag-handle
          aria-roledescription="draggable"
          aria-describedby={DRAG_INSTRUCTIONS_ID}
          aria-pressed={dragging || undefined}
          aria-label={`Drag ${name}`}
          className="-ml-1 shrink-0 cursor-grab touch-none rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
            {/* One path, not six circles: a hundred cards make every element count. */}
            <path d="M5.5 5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0M11.5 5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0M5.5 10a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0M11.5 10a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0M5.5 15a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0M11.5 15a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0" />
          </svg>
        </button>
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1">
            <p className="min-w-0 flex-1 truncate text-sm text-slate-700 dark:text-slate-300">{card.company}</p>
            {/* The id is read back from the page, as a posted form's would be: what guards a move is the server's check, not this value. */}
            <input ref={idField} type="hidden" name="applicationId" value={card.id} />
            {/* One small button beside the company instead of a full-width select: the card keeps its height and the role its width. */}
            <ActionMenu
              label={`Move ${name}`}
              title="Move to…"
              describedBy={error ? errorId : undefined}
              buttonClassName="-my-1 shrink-0 rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-100"
              items={APPLICATION_STATUSES.filter((s) => s !== card.status).map((s) => ({
                key: s,
                label: STATUS_LABELS[s],
                onSelect: () => onMove(card.id, idField.current?.value ?? card.id, s),
              }))}
            >
              <MoreIcon className="h-5 w-5" />
            </ActionMenu>
          </div>
          <h3 className="font-medium">
            <Link href={`/applications/${card.id}`} className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
              {card.roleTitle}
            </Link>
          </h3>
        </div>
      </div>
      {card.details}
      {error ? (
        <p id={errorId} role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300" data-testid="move-error">
          {error}
        </p>
      ) : null}
    </li>
  );
}
