import Link from "next/link";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";
import { ROUND_FORMAT_LABELS, ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { listOf } from "@/lib/guidance/phrases";
import { dayAndTime } from "./day-labels";
import type { DateStyle } from "@/lib/time/formats";

/** A busy week can hold dozens; Today names the soonest and points to the list for the rest. */
export const TODAY_INTERVIEWS_SHOWN = 10;

/** `interviews` may be only the soonest; `total` is how many there are. */
type Props = { interviews: UpcomingInterview[]; total: number; people: Map<string, string[]>; now: Date; dates: DateStyle };

/** The interviews of the next 48 hours: the first thing a morning needs to know. */
export function TodayInterviews({ interviews, total, people, now, dates }: Props) {
  if (interviews.length === 0) return null;
  const shown = interviews.slice(0, TODAY_INTERVIEWS_SHOWN);
  return (
    <>
      <h3 className="sr-only">Interviews in the next 48 hours</h3>
      <ul className="space-y-2" data-testid="today-interviews">
        {shown.map((r) => {
          const met = people.get(r.roundId) ?? [];
          return (
            <li
              key={r.roundId}
              className="card flex flex-wrap items-baseline gap-x-3 gap-y-1 border-l-4 border-l-brand-600 p-3 sm:p-4 dark:border-l-brand-300"
              data-testid="today-interview"
            >
              <time dateTime={r.scheduledAt.toISOString()} className="w-full font-semibold tabular-nums sm:w-auto">
                {dayAndTime(r.scheduledAt, now, dates)}
              </time>
              <span className="min-w-0 flex-1">
                <span className="font-medium">{ROUND_KIND_LABELS[r.kind]}</span> with <bdi>{r.company}</bdi>
                <span className="text-slate-700 dark:text-slate-300"> · <bdi>{r.roleTitle}</bdi></span>
                {r.format ? <span className="text-slate-700 dark:text-slate-300"> · {ROUND_FORMAT_LABELS[r.format]}</span> : null}
                <span className="block text-sm text-slate-700 dark:text-slate-300">
                  {met.length ? `You meet ${listOf(met)}.` : "Nobody named yet: add who you will meet to the round."}
                </span>
              </span>
              <Link
                href={`/applications/${r.applicationId}#prep-${r.roundId}`}
                className="text-sm font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300"
                aria-label={`Prepare for the ${ROUND_KIND_LABELS[r.kind].toLowerCase()} with ${r.company}`}
              >
                Prepare
              </Link>
            </li>
          );
        })}
      </ul>
      {shown.length < total ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The soonest {shown.length} of {total}.{" "}
          <Link href="/applications?soon=1" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Applications with an interview in the next 7 days
          </Link>
        </p>
      ) : null}
    </>
  );
}
