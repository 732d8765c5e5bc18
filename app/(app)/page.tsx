import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { ACTIVE_STATUSES } from "@/lib/vocabulary";
import { requireReader } from "@/app/(app)/request-dates";
import { applicationCounts } from "@/lib/data/applications";
import { EmptyApplications } from "./_components/empty-applications";
import { firstName } from "@/lib/people/names";
import { loadDashboard } from "./load-dashboard";
import { reusedDashboardBody } from "./_reuse/reused-dashboard-body";

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

  let body: React.ReactNode = <EmptyApplications />;
  if (totals.total > 0) {
    const loaded = await loadDashboard(db, { user, now, comingPage });
    // Rendered once while nothing it shows changes (app/(app)/_reuse): the
    // same key means the same data, user, reader, page and words of time.
    body = await reusedDashboardBody({
      ...loaded,
      userId: user.id,
      byStatus,
      active,
      todayPage,
      comingPage,
      now,
      dates: user.dates,
      senderName: user.name,
    });
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
