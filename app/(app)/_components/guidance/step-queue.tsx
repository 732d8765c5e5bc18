import Link from "next/link";
import type { QueueItem } from "@/lib/data/guidance";
import { StepCard } from "./step-card";
import { StepCountAnnouncer } from "./step-count-announcer";

/** Enough to act on today; the rest is one click away rather than a page thousands of steps long. */
export const QUEUE_PREVIEW = 20;

export function StepQueue({ items, showAll, now, timeZone }: { items: readonly QueueItem[]; showAll: boolean; now: Date; timeZone: string }) {
  const shown = showAll ? items : items.slice(0, QUEUE_PREVIEW);
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section aria-labelledby="queue-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="queue-heading" tabIndex={-1} className="text-lg font-semibold">
          Next steps
        </h2>
        <StepCountAnnouncer count={items.length} headingId="queue-heading" />
        {items.length ? (
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="queue-count">
            {items.length === 1 ? "1 step" : `${items.length} steps`}
            {overdue ? `, ${overdue} overdue` : ""}
          </p>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="queue-empty">
          Nothing needs doing right now. When you log an interview round on an application, Shortlist suggests what to do
          next: a thank-you, preparation, a follow-up.
        </p>
      ) : (
        <>
          <ul className="space-y-3" data-testid="queue">
            {shown.map((item) => (
              <StepCard key={`${item.applicationId}:${item.key}`} step={item} now={now} timeZone={timeZone} application={item} />
            ))}
          </ul>
          {shown.length < items.length ? (
            <p className="mt-3 text-sm">
              <Link href="/?steps=all#queue-heading" className="text-brand-700 dark:text-brand-300 underline underline-offset-2">
                Show all {items.length} steps
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
