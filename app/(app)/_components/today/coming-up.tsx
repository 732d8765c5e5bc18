import Link from "next/link";
import type { ComingUpEntry } from "@/lib/dashboard/today";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { localDate } from "@/lib/time/zoned";
import { checkInText } from "../guidance/check-in-text";
import { pageOf, PreviewPager } from "../page-links";
import { dayLabel } from "./day-labels";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

export const COMING_UP_PREVIEW = 8;
export const COMING_UP_PAGE = 25;

const link = "font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300";

/** What one entry says and where it links. */
function describe(entry: ComingUpEntry, dates: DateStyle): { label: string; href: string; after?: string; timed: boolean } {
  if (entry.type === "interview") {
    const r = entry.interview;
    return { label: `${ROUND_KIND_LABELS[r.kind]} with ${r.company}`, href: `/applications/${r.applicationId}#next-steps`, after: r.roleTitle, timed: true };
  }
  if (entry.type === "step") {
    const s = entry.step;
    return { label: s.company, href: `/applications/${s.applicationId}#next-steps`, timed: true };
  }
  // A check-in is a day, not a time: "from Tue 8 Dec".
  return { label: checkInText(entry.checkIn, entry.checkIn.company, dates), href: `/applications/${entry.checkIn.applicationId}`, timed: false };
}

function Entry({ entry, dates }: { entry: ComingUpEntry; dates: DateStyle }) {
  const { label, href, after, timed } = describe(entry, dates);
  const formats = formatsFor(dates);
  // "2:00 PM" needs more room than "14:00"; every row keeps the same column.
  const column = formats.hourCycle === "h12" ? "w-18" : "w-12";
  return (
    <li className="flex gap-3" data-testid="coming-up-entry" data-type={entry.type}>
      {timed ? (
        <time dateTime={entry.at.toISOString()} className={`${column} shrink-0 whitespace-nowrap tabular-nums text-slate-700 dark:text-slate-300`}>
          {formats.time(entry.at)}
        </time>
      ) : (
        <span className={`${column} shrink-0`} aria-hidden />
      )}
      <span>
        {entry.type === "step" ? (
          <>
            {entry.step.title}
            <span className="text-slate-700 dark:text-slate-300"> · </span>
          </>
        ) : null}
        <Link href={href} className={link}>
          {label}
        </Link>
        {after ? <span className="text-slate-700 dark:text-slate-300"> · {after}</span> : null}
      </span>
    </li>
  );
}

/** A key unique within the list. */
const keyOf = (e: ComingUpEntry) =>
  `${e.type}:${e.type === "interview" ? e.interview.roundId : e.type === "step" ? `${e.step.applicationId}:${e.step.key}` : e.checkIn.applicationId}`;

type Props = {
  /** The entries up to the end of the page asked for, at least; `total` is how many there are. */
  entries: ComingUpEntry[];
  total: number;
  page: number | null;
  now: Date;
  dates: DateStyle;
  href: (p: number | null) => string;
};

/** The next seven days, a day at a time: interviews, dated steps, and when each wait ends. */
export function ComingUp({ entries, total, page, now, dates, href }: Props) {
  const paged = page === null ? null : pageOf(entries, page, COMING_UP_PAGE, total);
  const shown = paged ? paged.shown : entries.slice(0, COMING_UP_PREVIEW);
  const days: { day: string; at: Date; entries: ComingUpEntry[] }[] = [];
  for (const e of shown) {
    const day = localDate(e.at, dates.zone);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(e);
    else days.push({ day, at: e.at, entries: [e] });
  }
  return (
    <section aria-labelledby="coming-heading" className="space-y-3" id="coming-up">
      <h2 id="coming-heading" className="text-lg font-semibold">
        Coming up <span className="text-sm font-normal text-slate-700 dark:text-slate-300">the next 7 days</span>
      </h2>
      {total === 0 ? (
        <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="coming-up-empty">
          Nothing in the next 7 days. When an interview is booked, log it as a round on its application; when you apply
          somewhere, add the date you applied, and Shortlist tells you when to check in.
        </p>
      ) : (
        <ol className="card divide-y divide-slate-200 dark:divide-slate-700" data-testid="coming-up">
          {days.map((d) => (
            <li key={d.day} className="px-4 py-3">
              <h3 className="mb-1 text-sm font-semibold">{dayLabel(d.at, now, dates)}</h3>
              <ul className="space-y-1 text-sm">
                {d.entries.map((e) => (
                  <Entry key={keyOf(e)} entry={e} dates={dates} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <PreviewPager
        paged={paged}
        shown={shown.length}
        total={total}
        preview={COMING_UP_PREVIEW}
        href={href}
        anchor="coming-heading"
        noun="coming up"
        label="Pages of what is coming up"
      />
    </section>
  );
}
