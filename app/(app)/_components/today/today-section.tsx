import Link from "next/link";
import { Suspense } from "react";
import { lateCount, type DashboardPlan } from "@/lib/dashboard/today";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";
import { StepCountAnnouncer } from "../guidance/step-count-announcer";
import { pageOf, PreviewPager } from "../page-links";
import { ApplicationBlock } from "./application-block";
import { TodayInterviews } from "./today-interviews";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

/** Enough blocks to act on this morning; the rest are a click away, a page at a time. */
export const TODAY_PREVIEW_BLOCKS = 6;
export const TODAY_PAGE_BLOCKS = 25;

type Props = {
  plan: DashboardPlan;
  people: Map<string, string[]>;
  /** Which page of blocks "show all" is on; null for the preview. */
  page: number | null;
  putAside: number;
  now: Date;
  dates: DateStyle;
  senderName: string;
  /** The dashboard's URL for page `p` of the blocks (null: the preview). */
  href: (p: number | null) => string;
};

export function TodaySection({ plan, people, page, putAside, now, dates, senderName, href }: Props) {
  const { blocks } = plan;
  const paged = page === null ? null : pageOf(blocks, page, TODAY_PAGE_BLOCKS);
  const shown = paged ? paged.shown : blocks.slice(0, TODAY_PREVIEW_BLOCKS);
  const steps = blocks.reduce((n, b) => n + b.steps.length, 0);
  const overdue = blocks.reduce((n, b) => n + b.overdue, 0);
  // Red is kept for what is late for its kind: after an import nearly everything is overdue.
  const late = blocks.reduce((n, b) => n + lateCount(b, now), 0);
  const interviews: UpcomingInterview[] = plan.interviews;
  return (
    <section aria-labelledby="today-heading" className="space-y-3" id="today">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id="today-heading" tabIndex={-1} className="text-lg font-semibold">
          Today <span className="text-sm font-normal text-slate-700 dark:text-slate-300">{formatsFor(dates).longDate(now)}</span>
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          <span data-testid="queue-count">{steps === 1 ? "1 step" : `${steps} steps`}</span>
          {overdue ? `, ${overdue} overdue` : ""}
          {late ? <span className="font-semibold text-red-800 dark:text-red-300" data-testid="late-count">{`, ${late} late`}</span> : null}
          {" · "}
          <Link href="/put-aside" className="text-brand-700 underline underline-offset-2 dark:text-brand-300" data-testid="put-aside-link">
            Put aside ({putAside})
          </Link>
        </p>
      </div>
      <StepCountAnnouncer count={steps} headingId="today-heading" />
      <TodayInterviews interviews={interviews} total={plan.interviewCount} people={people} now={now} dates={dates} />
      {blocks.length ? (
        <ul className="space-y-3" data-testid="today-blocks">
          {shown.map((block) => (
            // A boundary per block: the browser hydrates the blocks' buttons one block at a time, yielding between them.
            <Suspense key={block.applicationId}>
              <ApplicationBlock block={block} now={now} dates={dates} senderName={senderName} endOfToday={plan.endOfToday} />
            </Suspense>
          ))}
        </ul>
      ) : null}
      {interviews.length === 0 && blocks.length === 0 ? (
        <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="today-empty">
          Nothing is due today. Coming up shows what is next. When you hear back or book an interview, log it on its
          application and Shortlist works out the next step.
        </p>
      ) : null}
      <PreviewPager
        paged={paged}
        shown={shown.length}
        total={blocks.length}
        preview={TODAY_PREVIEW_BLOCKS}
        href={href}
        anchor="today-heading"
        noun="applications with steps today"
        label="Pages of today's steps"
      />
    </section>
  );
}
