"use client";

import { useDroppable } from "@dnd-kit/core";
import Link from "next/link";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { isClosed, type ApplicationStatus } from "@/lib/vocabulary";
import { BoardCard } from "./board-card";
import type { ColumnView } from "./card-view";

type Props = {
  column: ColumnView;
  errors: Record<string, string>;
  focusId: string | null;
  onMove: (origin: string, applicationId: string, status: ApplicationStatus) => void;
};

export function BoardColumn({ column, errors, focusId, onMove }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const headingId = `column-${column.status}-heading`;
  const hidden = column.total - column.cards.length;
  // Closed columns (the vocabulary's one meaning) read as the pipeline's end, not as more stages.
  const closed = isClosed(column.status);
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`column-${column.status}`}
      data-closed={closed ? "true" : undefined}
      className={`flex w-[17rem] shrink-0 snap-start flex-col rounded-lg border p-2 ${closed ? "border-dashed" : ""} ${
        isOver
          ? "border-brand-600 bg-brand-50 dark:border-brand-100 dark:bg-slate-800"
          : "border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-950"
      }`}
    >
      <h2 id={headingId} className="flex items-baseline justify-between px-1 pb-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        {/* One piece of text for screen readers: "Offer, 3 applications". */}
        <span className="sr-only">
          {`${STATUS_LABELS[column.status]}${closed ? " (closed)" : ""}, ${column.total} ${column.total === 1 ? "application" : "applications"}`}
        </span>
        <span aria-hidden>
          {STATUS_LABELS[column.status]}
          {closed ? <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">closed</span> : null}
        </span>
        <span
          aria-hidden
          className="rounded-full bg-white px-2 text-xs font-medium tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          data-testid="column-total"
        >
          {column.total}
        </span>
      </h2>
      {column.cards.length === 0 ? (
        <p className="px-1 py-4 text-center text-xs text-slate-600 dark:text-slate-400">Nothing here. Drop a card to move it.</p>
      ) : (
        <ul className="space-y-2">
          {column.cards.map((card) => (
            <BoardCard key={card.id} card={card} error={errors[card.id]} focusHandle={focusId === card.id} onMove={onMove} />
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
