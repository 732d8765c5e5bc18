import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { plural } from "@/lib/text/plural";
import { requireUser } from "@/lib/auth/current-user";
import { cvVersionOutcomes, userAnalytics } from "@/lib/data/analytics";
import { CvVersionsSection } from "./_components/cv-versions-section";
import { FunnelSection } from "./_components/funnel-section";
import { OutcomesSection } from "./_components/outcomes-section";
import { ResponseSection } from "./_components/response-section";

export const metadata: Metadata = { title: "Analytics" };

// Chart colours for light and dark; the charts read them as CSS variables.
const CHART_COLOURS = [
  "[--chart-text:#334155] dark:[--chart-text:#cbd5e1]",
  "[--chart-grid:#cbd5e1] dark:[--chart-grid:#475569]",
  "[--chart-bar:#1d5fd1] dark:[--chart-bar:#60a5fa]",
  "[--chart-offer:#047857] dark:[--chart-offer:#34d399]",
  "[--chart-rejected:#b91c1c] dark:[--chart-rejected:#f87171]",
  "[--chart-ghosted:#64748b] dark:[--chart-ghosted:#94a3b8]",
  "[--chart-open:#0369a1] dark:[--chart-open:#38bdf8]",
  "[--chart-withdrawn:#b45309] dark:[--chart-withdrawn:#fbbf24]",
].join(" ");

export default async function AnalyticsPage() {
  const user = await requireUser();
  const [analytics, cvVersions] = await Promise.all([userAnalytics(getDb(), { user, now: new Date() }), cvVersionOutcomes(getDb(), { userId: user.id })]);

  return (
    <div className={`space-y-6 ${CHART_COLOURS}`}>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Analytics</h1>
        <p className="mt-1 max-w-prose text-sm text-slate-700 dark:text-slate-300">
          Your own numbers, from what you have logged. Archived applications are included: archiving tidies your list,
          it doesn&apos;t undo what happened. Applications still only saved are left out.
          {analytics.applied > 0 ? (
            <> Based on {plural(analytics.applied, "application", "applications")} and {plural(analytics.rounds, "round", "rounds")}.</>
          ) : null}
        </p>
      </div>

      {analytics.applied === 0 ? (
        <section className="card p-4 sm:p-6" data-testid="analytics-empty" aria-labelledby="empty-heading">
          <h2 id="empty-heading" className="text-lg font-semibold">Nothing to measure yet</h2>
          <p className="mt-2 max-w-prose text-sm text-slate-700 dark:text-slate-300">
            Once you have applied somewhere, this page shows how far your applications get, round by round; how long
            companies take to answer after each kind of round; and how applications with more positive signals in later
            rounds have turned out. Add the applications you have sent, log each interview round with the signals you
            noticed, and log responses, offers and rejections as they come.
          </p>
          <Link href="/applications/new" className="btn-primary mt-4">
            Add application
          </Link>
        </section>
      ) : (
        <>
          {analytics.rounds === 0 ? (
            <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="analytics-no-rounds">
              No interview rounds are logged yet, so only the first step of the funnel has anything in it. Log rounds on
              an application&apos;s page as they are booked, and the rest of this page fills in.
            </p>
          ) : null}
          <FunnelSection steps={analytics.funnel} />
          <ResponseSection times={analytics.responseTimes} />
          <OutcomesSection buckets={analytics.outcomes} />
          <CvVersionsSection versions={cvVersions} />
        </>
      )}
    </div>
  );
}
