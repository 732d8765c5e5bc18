import Link from "next/link";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";
import type { DashboardPlan } from "@/lib/dashboard/today";
import type { LastContact } from "@/lib/data/last-contact";
import type { DateStyle } from "@/lib/time/formats";
import { StatusBadge } from "../status-badge";
import { ComingUp } from "./coming-up";
import { MoveOnSection } from "./move-on-section";
import { OffersLink } from "./offers-link";
import { TodaySection } from "./today-section";
import { WorthKnowing } from "./worth-knowing";

export type RecentApplication = { id: string; roleTitle: string; company: string; status: ApplicationStatus };

export type DashboardBodyProps = {
  plan: DashboardPlan;
  people: Map<string, string[]>;
  recent: readonly RecentApplication[];
  contacts: ReadonlyMap<string, LastContact>;
  putAside: number;
  byStatus: Partial<Record<ApplicationStatus, number>>;
  active: number;
  /** "?today=" and "?coming=": the page of each block, or null for the preview. */
  todayPage: number | null;
  comingPage: number | null;
  now: Date;
  dates: DateStyle;
  senderName: string;
};

/** The dashboard's URL with page `p` of one block, the other block's page kept. */
function hrefFor(which: "today" | "coming", todayPage: number | null, comingPage: number | null) {
  return (p: number | null) => {
    const params = new URLSearchParams();
    const today = which === "today" ? p : todayPage;
    const coming = which === "coming" ? p : comingPage;
    if (today) params.set("today", String(today));
    if (coming) params.set("coming", String(coming));
    const q = params.toString();
    return q ? `/?${q}` : "/";
  };
}

/**
 * Everything the dashboard shows of an account with applications, below its
 * greeting: a function of its props alone (no request, no clock read), so a
 * render can be reused for as long as its reuse key holds (app/(app)/_reuse).
 */
export function DashboardBody({ plan, people, recent, contacts, putAside, byStatus, active, todayPage, comingPage, now, dates, senderName }: DashboardBodyProps) {
  return (
    <>
      <MoveOnSection steps={plan.moveOn} contacts={contacts} now={now} dates={dates} />
      <OffersLink open={byStatus.offer ?? 0} />
      <TodaySection
        plan={plan}
        people={people}
        page={todayPage}
        putAside={putAside}
        now={now}
        dates={dates}
        senderName={senderName}
        href={hrefFor("today", todayPage, comingPage)}
      />
      <ComingUp entries={plan.comingUp} total={plan.comingUpCount} page={comingPage} now={now} dates={dates} href={hrefFor("coming", todayPage, comingPage)} />
      <WorthKnowing plan={plan} inPlay={active} />
      <section aria-labelledby="pipeline-heading">
        <h2 id="pipeline-heading" className="mb-3 text-lg font-semibold">
          Your pipeline
        </h2>
        <ul className="grid grid-cols-3 gap-2 sm:gap-3 lg:grid-cols-5">
          {APPLICATION_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={`/applications?status=${s}`}
                className="card block p-2 hover:border-brand-600 sm:p-3 dark:hover:border-brand-300"
                aria-label={`${STATUS_LABELS[s]}: ${byStatus[s] ?? 0}`}
              >
                <span className="block text-xl font-semibold tabular-nums sm:text-2xl" data-testid={`count-${s}`}>
                  {byStatus[s] ?? 0}
                </span>
                <span className="text-sm text-slate-700 dark:text-slate-300">{STATUS_LABELS[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-heading">
        <div className="mb-3 flex items-baseline justify-between gap-3">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recently updated
          </h2>
          <Link href="/applications" className="text-sm text-brand-700 underline underline-offset-2 dark:text-brand-300">
            See all applications
          </Link>
        </div>
        {recent.length === 0 ? (
          <p className="card p-4 text-sm text-slate-700 dark:text-slate-300">
            Everything is archived.{" "}
            <Link href="/applications?archived=1" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
              Show archived applications
            </Link>{" "}
            or add a new one.
          </p>
        ) : (
          <ul className="card divide-y divide-slate-200 dark:divide-slate-700">
            {recent.map((a) => (
              <li key={a.id} className="flex items-center gap-3 px-4 py-3">
                <Link href={`/applications/${a.id}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
                  <bdi>{a.roleTitle}</bdi> <span className="font-normal text-slate-700 dark:text-slate-300">at <bdi>{a.company}</bdi></span>
                </Link>
                <StatusBadge status={a.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
