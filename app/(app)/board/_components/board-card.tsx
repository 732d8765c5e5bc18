"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import { ActionMenu, MoreIcon } from "@/app/_components/action-menu";
import { TONE_CLASSES } from "../../_components/guidance/step-tone";
import type { CardView } from "./card-view";

type Props = {
  card: CardView;
  error: string | undefined;
  /** After a move the card lands in another column, as a new element: focus follows it there. */
  focusHandle: boolean;
  /** `origin`: the card whose control asked, so focus can follow the card to its new column. */
  onMove: (origin: string, applicationId: string, status: ApplicationStatus) => void;
};

export function BoardCard({ card, error, focusHandle, onMove }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  const handle = useRef<HTMLButtonElement | null>(null);
  const idField = useRef<HTMLInputElement>(null);
  const name = `${card.company}, ${card.roleTitle}`;
  const errorId = `move-error-${card.id}`;

  useEffect(() => {
    if (focusHandle) handle.current?.focus();
  }, [focusHandle]);

  return (
    <li
      ref={setNodeRef}
      className={`card p-3 ${isDragging ? "border-dashed ring-2 ring-brand-600 dark:ring-brand-100" : ""} ${error ? "border-red-700 dark:border-red-400" : ""}`}
      data-testid="board-card"
      data-id={card.id}
    >
      <div className="flex items-start gap-2">
        <button
          type="button"
          ref={(node) => {
            setActivatorNodeRef(node);
            handle.current = node;
          }}
          {...attributes}
          {...listeners}
          aria-label={`Drag ${name}`}
          className="-ml-1 shrink-0 cursor-grab touch-none rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
            <circle cx="7" cy="5" r="1.5" />
            <circle cx="13" cy="5" r="1.5" />
            <circle cx="7" cy="10" r="1.5" />
            <circle cx="13" cy="10" r="1.5" />
            <circle cx="7" cy="15" r="1.5" />
            <circle cx="13" cy="15" r="1.5" />
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
      {card.nextInterview ? (
        <p className="mt-2 text-xs text-slate-700 dark:text-slate-300" data-testid="next-interview">
          Interview <time dateTime={card.nextInterview.iso}>{card.nextInterview.text}</time>
        </p>
      ) : null}
      <NextStep card={card} />
      {error ? (
        <p id={errorId} role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300" data-testid="move-error">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function NextStep({ card }: { card: CardView }) {
  // An interview booked is news enough: the card already shows it.
  if (!card.step && card.nextInterview) return null;
  if (!card.step) return <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Nothing to do or check on. Log a reply or a round when there is news.</p>;
  const { title, due, exact, tone } = card.step;
  return (
    <div className="mt-2 border-t border-slate-100 pt-2 text-sm dark:border-slate-800" data-testid="next-step" data-tone={tone}>
      <p className="text-slate-800 dark:text-slate-200" title={tone === "check-in" ? (exact ?? undefined) : undefined}>
        <span className="sr-only">Next step: </span>
        {title}
      </p>
      {due ? (
        <p className={`text-xs ${TONE_CLASSES[tone]}`} title={exact ?? undefined}>
          {due}
        </p>
      ) : null}
    </div>
  );
}

/** What follows the pointer while a card is dragged: a copy with nothing to click. */
export function CardPreview({ card }: { card: CardView }) {
  return (
    <div className="card w-64 rotate-1 p-3 shadow-lg" aria-hidden>
      <p className="truncate text-sm text-slate-700 dark:text-slate-300">{card.company}</p>
      <p className="font-medium">{card.roleTitle}</p>
    </div>
  );
}
