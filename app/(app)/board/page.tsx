import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireReader } from "@/app/(app)/request-dates";
import { countApplications } from "@/lib/data/applications";
import { boardColumns } from "@/lib/data/board";
import { guidanceOverview } from "@/lib/data/guidance";
import { EmptyApplications } from "../_components/empty-applications";
import { Board } from "./_components/board";
import { CardDetails } from "./_components/card-details";
import { columnViews, type BoardColumnView, type ColumnView } from "./_components/card-view";

export const metadata: Metadata = { title: "Board" };

/** The columns as the board's client code takes them: each card's details already rendered here. */
const withDetails = (columns: ColumnView[]): BoardColumnView[] =>
  columns.map(({ status, total, cards }) => ({
    status,
    total,
    cards: cards.map((card) => ({ id: card.id, company: card.company, roleTitle: card.roleTitle, status: card.status, details: <CardDetails card={card} /> })),
  }));

export default async function BoardPage() {
  const user = await requireReader();
  const db = getDb();
  const now = new Date();
  const columns = await boardColumns(db, { userId: user.id, now });
  const total = columns.reduce((n, c) => n + c.total, 0);
  // Only a board with cards needs the next steps; only an empty one asks whether everything is archived.
  const board = total === 0 ? null : columnViews(columns, await guidanceOverview(db, { user, now }), now, user.timeZone, user.dates);
  const archivedOnly = board === null && (await countApplications(db, { userId: user.id })).total > 0;

  return (
    // Wide: the board takes the whole window (the layout widens for it), since its columns are what need the room.
    <div className="space-y-6" data-wide-page>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Board</h1>
          {total > 0 ? (
            <p className="mt-1 max-w-2xl text-sm text-slate-700 dark:text-slate-300">
              Drag a card by its handle to another column, or use the handle with the keyboard (Space to pick up, arrow keys
              to move, Space to drop), or choose a column from the card&rsquo;s &ldquo;Move to&rdquo; menu.
            </p>
          ) : null}
        </div>
        {total > 0 ? (
          <Link href="/applications/new" className="btn-primary">
            Add application
          </Link>
        ) : null}
      </div>
      {board === null ? (
        archivedOnly ? (
          <p className="card p-4 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
            Everything is archived, so the board is empty.{" "}
            <Link href="/applications?archived=1" className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
              Show archived applications
            </Link>{" "}
            or{" "}
            <Link href="/applications/new" className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
              add a new one
            </Link>
            .
          </p>
        ) : (
          <EmptyApplications />
        )
      ) : (
        <Board columns={withDetails(board)} />
      )}
    </div>
  );
}
