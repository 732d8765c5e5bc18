import type { BoardColumn } from "@/lib/data/board";
import { span } from "@/lib/guidance/phrases";
import type { Recommendation } from "@/lib/guidance/recommendation";
import type { ApplicationStatus } from "@/lib/vocabulary";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

/** A card's next step, already worded on the server, where `now` and the user's zone are known. */
export type CardStep = { title: string; due: string | null; exact: string | null; overdue: boolean };

export type CardView = { id: string; company: string; roleTitle: string; status: ApplicationStatus; step: CardStep | null };

export type ColumnView = { status: ApplicationStatus; total: number; cards: CardView[] };

/** Worded as the dashboard's step cards word it: "Overdue by 3 days", "Due in 30 hours". */
export function cardStep(step: Recommendation, now: Date, dates: DateStyle): CardStep {
  if (!step.dueAt) return { title: step.title, due: null, exact: null, overdue: false };
  const due = step.overdue
    ? `Overdue by ${span(step.dueAt, now)}`
    : step.dueAt.getTime() - now.getTime() < 60_000
      ? "Due now"
      : `Due in ${span(now, step.dueAt)}`;
  return { title: step.title, due, exact: formatsFor(dates).dateTime(step.dueAt), overdue: step.overdue };
}

/** The columns as the client needs them: each card with its application's first step in queue order. */
export function columnViews(columns: BoardColumn[], queue: readonly Recommendation[], now: Date, dates: DateStyle): ColumnView[] {
  const firstStep = new Map<string, Recommendation>();
  for (const step of queue) if (!firstStep.has(step.applicationId)) firstStep.set(step.applicationId, step);
  return columns.map((column) => ({
    status: column.status,
    total: column.total,
    cards: column.cards.map(({ id, company, roleTitle, status }) => {
      const step = firstStep.get(id);
      return { id, company, roleTitle, status, step: step ? cardStep(step, now, dates) : null };
    }),
  }));
}
