import type { BoardColumn } from "@/lib/data/board";
import { span } from "@/lib/guidance/phrases";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { isClosed, type ApplicationStatus } from "@/lib/vocabulary";

/** A card's next step, already worded on the server, where `now` and the user's zone are known. */
export type CardStep = { title: string; due: string | null; exact: string | null; overdue: boolean };

/** The next interview as the card shows it: "Tue 24 Nov, 09:30", and the instant for <time>. */
export type CardInterview = { text: string; iso: string };

export type CardView = {
  id: string;
  company: string;
  roleTitle: string;
  status: ApplicationStatus;
  step: CardStep | null;
  nextInterview: CardInterview | null;
};

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

/** The one place a card words its interview's date, so a locale-aware formatter swaps in here. */
function interviewText(at: Date, dates: DateStyle): string {
  const f = formatsFor(dates);
  return `${f.shortDate(at)}, ${f.time(at)}`;
}

/** The columns as the client needs them: each card with its application's first step in queue order. */
export function columnViews(columns: BoardColumn[], queue: readonly Recommendation[], now: Date, dates: DateStyle): ColumnView[] {
  const firstStep = new Map<string, Recommendation>();
  for (const step of queue) if (!firstStep.has(step.applicationId)) firstStep.set(step.applicationId, step);
  return columns.map((column) => ({
    status: column.status,
    total: column.total,
    cards: column.cards.map(({ id, company, roleTitle, status, nextInterviewAt }) => {
      const step = firstStep.get(id);
      // A closed application's interviews are off, as on the dashboard and in the feed.
      const interview = nextInterviewAt && !isClosed(status) ? nextInterviewAt : null;
      return {
        id,
        company,
        roleTitle,
        status,
        step: step ? cardStep(step, now, dates) : null,
        nextInterview: interview ? { text: interviewText(interview, dates), iso: interview.toISOString() } : null,
      };
    }),
  }));
}
