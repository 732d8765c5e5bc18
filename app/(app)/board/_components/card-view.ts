import type { ReactNode } from "react";
import type { BoardColumn } from "@/lib/data/board";
import type { GuidanceOverview } from "@/lib/dashboard/overview";
import { nextSteps } from "@/lib/dashboard/next-step";
import { nextStepView, type StepView } from "../../_components/guidance/next-step-view";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { isClosed, type ApplicationStatus } from "@/lib/vocabulary";

/** A card's next step, already worded on the server, where `now` and the user's zone are known. */
export type CardStep = StepView;

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

/** The one place a card words its interview's date, so a locale-aware formatter swaps in here. */
function interviewText(at: Date, dates: DateStyle): string {
  const f = formatsFor(dates);
  return `${f.shortDate(at)}, ${f.time(at)}`;
}

/** The columns as the client needs them: each card with its application's next step, as Today orders it. */
export function columnViews(columns: BoardColumn[], overview: Pick<GuidanceOverview, "queue" | "checkIns">, now: Date, zone: string, dates: DateStyle): ColumnView[] {
  const next = nextSteps(overview, now, zone);
  return columns.map((column) => ({
    status: column.status,
    total: column.total,
    cards: column.cards.map(({ id, company, roleTitle, status, nextInterviewAt }) => {
      const step = next.get(id);
      // A closed application's interviews are off, as on the dashboard and in the feed.
      const interview = nextInterviewAt && !isClosed(status) ? nextInterviewAt : null;
      return {
        id,
        company,
        roleTitle,
        status,
        step: step ? nextStepView(step, company, now, zone, dates) : null,
        nextInterview: interview ? { text: interviewText(interview, dates), iso: interview.toISOString() } : null,
      };
    }),
  }));
}

/**
 * A card as the board's client code holds it: what a move, the menu and a
 * screen reader need, and the rest already rendered on the server.
 */
export type BoardCardView = Pick<CardView, "id" | "company" | "roleTitle" | "status"> & { details: ReactNode };

export type BoardColumnView = { status: ApplicationStatus; total: number; cards: BoardCardView[] };
