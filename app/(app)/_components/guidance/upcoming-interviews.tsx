import Link from "next/link";
import type { UpcomingInterview } from "@/lib/data/guidance";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { relativeTime } from "@/lib/time/relative";
import { formatDateTime } from "@/lib/time/zoned";

/** A busy search can have hundreds booked; the dashboard shows the soonest and points to the list for the rest. */
export const UPCOMING_PREVIEW = 10;

type Props = { rounds: UpcomingInterview[]; total: number; days: number; now: Date; timeZone: string };

export function UpcomingInterviews({ rounds, total, days, now, timeZone }: Props) {
  const shown = rounds.slice(0, UPCOMING_PREVIEW);
  return (
    <section aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading" className="mb-3 text-lg font-semibold">
        Interviews in the next {days} days
      </h2>
      {rounds.length === 0 ? (
        <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="upcoming-empty">
          None booked. When an interview is scheduled, log it as a round on its application and it shows up here, with
          preparation steps ahead of it.
        </p>
      ) : (
        <ul className="card divide-y divide-slate-200 dark:divide-slate-700" data-testid="upcoming">
          {shown.map((r) => (
            <li key={r.roundId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
              <Link href={`/applications/${r.applicationId}#round-${r.roundId}`} className="min-w-0 flex-1 font-medium hover:underline">
                {r.roleTitle} <span className="font-normal text-slate-700 dark:text-slate-300">at {r.company}</span>
              </Link>
              <span className="text-sm text-slate-700 dark:text-slate-300">{ROUND_KIND_LABELS[r.kind]}</span>
              <span className="text-sm text-slate-900 dark:text-slate-100">
                <time dateTime={r.scheduledAt.toISOString()}>{formatDateTime(r.scheduledAt, timeZone)}</time>{" "}
                <span className="text-slate-600 dark:text-slate-400">({relativeTime(r.scheduledAt, now)})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.length < total ? (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="upcoming-more">
          The soonest {shown.length} of {total.toLocaleString("en-US")}.{" "}
          <Link href="/applications?soon=1" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Applications with an interview in the next 7 days
          </Link>
        </p>
      ) : null}
    </section>
  );
}
