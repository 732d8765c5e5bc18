"use client";

import Link from "next/link";
import { Suspense } from "react";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { isClosed, type ApplicationStatus } from "@/lib/vocabulary";
import { BoardCard } from "./board-card";
import type { BoardColumnView as ColumnView } from "./card-view";
import type { HandleEvents } from "./use-lazy-drag-and-drop";

type Props = {
  column: ColumnView;
  errors: Record<string, string>;
  focusId: string | null;
  /** The card picked up, if any. */
  draggedId: string | null;
  /** A picked-up card is over this column. */
  isOver: boolean;
  handleEvents: (id: string) => HandleEvents;
  /** Narrow: only its name and count, still a place to drop a card. */
  collapsed: boolean;
  /** Closed and empty columns start collapsed, and may be folded again once opened. */
  collapsible: boolean;
  /** The column a phone opens on: the first with cards. */
  initialTarget: boolean;
  onToggle: (status: ApplicationStatus) => void;
  onMove: (origin: string, applicationId: string, status: ApplicationStatus) => void;
};

const countText = (n: number) => `${n} ${n === 1 ? "application" : "applications"}`;

export function BoardColumn({ column, errors, focusId, draggedId, isOver, handleEvents, collapsed, collapsible, initialTarget, onToggle, onMove }: Props) {
  const headingId = `column-${column.status}-heading`;
  const hidden = column.total - column.cards.length;
  const label = STATUS_LABELS[column.status];
  // Closed columns (the vocabulary's one meaning) read as the pipeline's end, not as more stages.
  const closed = isClosed(column.status);
  // One piece of text for screen readers: "Offer, 3 applications".
  const spoken = `${label}${closed ? " (closed)" : ""}, ${countText(column.total)}`;
  const frame = `rounded-lg border ${closed ? "border-dashed" : ""} ${
    isOver ? "border-brand-600 bg-brand-50 dark:border-brand-100 dark:bg-slate-800" : "border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-950"
  }`;
  const common = {
    "aria-labelledby": headingId,
    "data-testid": `column-${column.status}`,
    "data-column": column.status,
    "data-closed": closed ? "true" : undefined,
    "data-collapsed": collapsed ? "true" : undefined,
  };

  if (collapsed) {
    return (
      <section {...common} className={`flex w-10 shrink-0 snap-start flex-col ${frame}`}>
        <h2 id={headingId} className="flex-1">
          <button
            type="button"
            aria-expanded={false}
            aria-label={spoken}
            title={`Show ${label}`}
            onClick={() => onToggle(column.status)}
            className="flex h-full min-h-48 w-full flex-col items-center gap-2 rounded-lg px-1 py-2 text-sm font-semibold text-slate-800 hover:bg-white dark:text-slate-100 dark:hover:bg-slate-800"
          >
            <span aria-hidden className="rounded-full bg-white px-2 text-xs font-medium tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-300" data-testid="column-total">
              {column.total}
            </span>
            <span aria-hidden className="rotate-180 whitespace-nowrap [writing-mode:vertical-rl]">
              {label}
              {closed ? <span className="font-normal text-slate-600 dark:text-slate-400"> · closed</span> : null}
            </span>
          </button>
        </h2>
      </section>
    );
  }

  return (
    <section
      {...common}
      className={`flex w-[17rem] shrink-0 snap-start flex-col p-2 sm:w-auto sm:min-w-[14rem] sm:max-w-[20rem] sm:flex-1 sm:basis-0 ${
        initialTarget ? "[scroll-initial-target:nearest]" : ""
      } ${frame}`}
    >
      <div className="flex items-center gap-1 px-1 pb-2">
        <h2 id={headingId} className="flex min-w-0 flex-1 items-center justify-between gap-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
          <span className="sr-only">{spoken}</span>
          <span aria-hidden className="min-w-0 truncate">
            {label}
            {closed ? <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">closed</span> : null}
          </span>
          <span aria-hidden className="rounded-full bg-white px-2 text-xs font-medium tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-300" data-testid="column-total">
            {column.total}
          </span>
        </h2>
        {collapsible ? (
          <button
            type="button"
            aria-expanded
            aria-label={`Fold the ${label} column`}
            onClick={() => onToggle(column.status)}
            className="rounded px-1 text-slate-600 hover:bg-white hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
          >
            <span aria-hidden>«</span>
          </button>
        ) : null}
      </div>
      {column.cards.length === 0 ? (
        <p className="px-1 py-4 text-center text-xs text-slate-600 dark:text-slate-400">Nothing here. Drop a card to move it.</p>
      ) : (
        <ul className="space-y-2">
          {column.cards.map((card) => (
            // A boundary per card lets React hydrate the board a card at a time, yielding to the
            // browser between them, instead of in one long task a phone feels as a freeze.
            <Suspense key={card.id}>
              <BoardCard
                card={card}
                error={errors[card.id]}
                focusHandle={focusId === card.id}
                dragging={draggedId === card.id}
                handleEvents={handleEvents(card.id)}
                onMove={onMove}
              />
            </Suspense>
          ))}
        </ul>
      )}
      {hidden > 0 ? (
        <Link
          href={`/applications?status=${column.status}`}
          className="mt-2 px-1 text-sm text-brand-700 underline underline-offset-2 dark:text-brand-100"
        >
          {hidden} more in this column
        </Link>
      ) : null}
    </section>
  );
}
