import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { ACTIVE_STATUSES, APPLICATION_STATUSES } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { requireReader } from "@/app/(app)/request-dates";
import { applicationCounts } from "@/lib/data/applications";
import { EmptyApplications } from "./_components/empty-applications";
import { StatusBadge } from "./_components/status-badge";
import { ComingUp } from "./_components/today/coming-up";
import { firstName } from "@/lib/people/names";
import { TodaySection } from "./_components/today/today-section";
import { MoveOnSection } from "./_components/today/move-on-section";
import { OffersLink } from "./_components/today/offers-link";
import { WorthKnowing } from "./_components/today/worth-knowing";
import { loadDashboard } from "./load-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

/** "?today=3": page 3 of every block; absent or not a page number: the preview. */
function pageParam(value: string | string[] | undefined): number | null {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  return n >= 1 ? n : null;
}

export default async function DashboardPage({ searchParams }: PageProps<"/">) {
  const user = await requireReader();
  const query = await searchParams;
  const todayPage = pageParam(query.today);
  const comingPage = pageParam(query.coming);
  const db = getDb();
  // Scoped by the user: another account's id shows nothing.
  const now = new Date();
  const totals = await applicationCounts(db, { userId: user.id });
  const byStatus = totals.byStatus;
  const active = ACTIVE_STATUSES.reduce((n, s) => n + (byStatus[s] ?? 0), 0);

  const href = (which: "today" | "coming") => (p: number | null) => {
    const params = new URLSearchParams();
    const today = which === "today" ? p : todayPage;
    const coming = which === "coming" ? p : comingPage;
    if (today) params.set("today", String(today));
    if (coming) params.set("coming", String(coming));
    const q = params.toString();
    return q ? `/?${q}` : "/";
  };

  let body: React.ReactNode = <EmptyApplications />;
  if (totals.total > 0) {
    const { plan, people, recent, contacts, putAside } = await loadDashboard(db, { user, now, comingPage });
    body = (
      <>
        <MoveOnSection steps={plan.moveOn} contacts={contacts} now={now} />
        <OffersLink open={byStatus.offer ?? 0} />
        <TodaySection
          plan={plan}
          people={people}
          page={todayPage}
          putAside={putAside}
          now={now}
          dates={user.dates}
          senderName={user.name}
          href={href("today")}
        />
        <ComingUp entries={plan.comingUp} total={plan.comingUpCount} page={comingPage} now={now} dates={user.dates} href={href("coming")} />
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

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            Hello, <bdi>{firstName(user.name)}</bdi>
          </h1>
          {totals.total > 0 ? (
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              {active === 1 ? "1 application is in play." : `${active} applications are in play.`}
            </p>
          ) : null}
        </div>
        {totals.total > 0 ? (
          <Link href="/applications/new" className="btn-primary">
            Add application
          </Link>
        ) : null}
      </div>


      {body}
    </div>
  );
}
