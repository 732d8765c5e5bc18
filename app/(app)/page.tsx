import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { ACTIVE_STATUSES, APPLICATION_STATUSES } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { requireUser } from "@/lib/auth/current-user";
import { countApplications, countByStatus, getApplication, listApplications } from "@/lib/data/applications";
import { countUpcomingInterviews, guidanceQueue, upcomingInterviews } from "@/lib/data/guidance";
import { EmptyApplications } from "./_components/empty-applications";
import { GhostedNotice } from "./_components/guidance/ghosted-notice";
import { StepQueue } from "./_components/guidance/step-queue";
import { UPCOMING_PREVIEW, UpcomingInterviews } from "./_components/guidance/upcoming-interviews";
import { StatusBadge } from "./_components/status-badge";

export const metadata: Metadata = { title: "Dashboard" };

const RECENT_LIMIT = 5;
const UPCOMING_DAYS = 14;

export default async function DashboardPage({ searchParams }: PageProps<"/">) {
  const user = await requireUser();
  const query = await searchParams;
  const showAll = query.steps === "all";
  const db = getDb();
  // Scoped by the user: another account's id shows nothing.
  const ghosted = typeof query.ghosted === "string" ? getApplication(db, user.id, query.ghosted) : undefined;
  const now = new Date();
  const totals = countApplications(db, user.id);
  const byStatus = countByStatus(db, user.id);
  const recent = listApplications(db, user.id, { limit: RECENT_LIMIT });
  const active = ACTIVE_STATUSES.reduce((n, s) => n + (byStatus[s] ?? 0), 0);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Hello, {user.name}</h1>
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

      {ghosted?.status === "ghosted" ? <GhostedNotice application={ghosted} linkToIt /> : null}

      {totals.total === 0 ? (
        <EmptyApplications />
      ) : (
        <>
          <StepQueue items={guidanceQueue(db, user, now)} showAll={showAll} now={now} timeZone={user.timeZone} />
          <UpcomingInterviews
            rounds={upcomingInterviews(db, user.id, now, UPCOMING_DAYS, UPCOMING_PREVIEW)}
            total={countUpcomingInterviews(db, user.id, now, UPCOMING_DAYS)}
            days={UPCOMING_DAYS}
            now={now}
            timeZone={user.timeZone}
          />
          <section aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading" className="mb-3 text-lg font-semibold">
              Your pipeline
            </h2>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
              {APPLICATION_STATUSES.map((s) => (
                <li key={s}>
                  <Link
                    href={`/applications?status=${s}`}
                    className="card block p-3 hover:border-brand-600 dark:hover:border-brand-300"
                    aria-label={`${STATUS_LABELS[s]}: ${byStatus[s] ?? 0}`}
                  >
                    <span className="block text-2xl font-semibold tabular-nums" data-testid={`count-${s}`}>
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
              <Link href="/applications" className="text-sm text-brand-700 dark:text-brand-300 underline underline-offset-2">
                See all applications
              </Link>
            </div>
            {recent.length === 0 ? (
              <p className="card p-4 text-sm text-slate-700 dark:text-slate-300">
                Everything is archived.{" "}
                <Link href="/applications?archived=1" className="text-brand-700 dark:text-brand-300 underline underline-offset-2">
                  Show archived applications
                </Link>{" "}
                or add a new one.
              </p>
            ) : (
              <ul className="card divide-y divide-slate-200 dark:divide-slate-700">
                {recent.map((a) => (
                  <li key={a.id} className="flex items-center gap-3 px-4 py-3">
                    <Link href={`/applications/${a.id}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
                      {a.roleTitle} <span className="font-normal text-slate-700 dark:text-slate-300">at {a.company}</span>
                    </Link>
                    <StatusBadge status={a.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
