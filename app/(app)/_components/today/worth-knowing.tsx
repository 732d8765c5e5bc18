import Link from "next/link";
import type { DashboardPlan } from "@/lib/dashboard/today";
import { listOf } from "@/lib/guidance/phrases";
import { plural } from "@/lib/text/plural";

/** Names shown before "and N more": a sentence, not a roll call. */
const NAMES_SHOWN = 4;

function names(apps: { company: string }[]): string {
  const shown = apps.slice(0, NAMES_SHOWN).map((a) => a.company);
  const more = apps.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${plural(more, "other", "others", "plain")}` : listOf(shown);
}

const link = "text-brand-700 underline underline-offset-2 dark:text-brand-300";

/** What goes before the i-th of n names: "A, B and C", or "A, B, C and 2 others" when more follow. */
const separator = (i: number, n: number, moreFollow: boolean) => (i === 0 ? "" : i === n - 1 && !moreFollow ? " and " : ", ");

/**
 * Advice and "keep searching", said once for all applications: nothing here
 * is a to-do, so it is counted and pointed to rather than listed.
 */
export function WorthKnowing({ plan, inPlay }: { plan: DashboardPlan; inPlay: number }) {
  const { advice, waiting } = plan;
  const others = Math.max(0, inPlay - waiting.length);
  const linked = advice.applications.slice(0, NAMES_SHOWN);
  const unlinked = advice.applications.length - linked.length;
  return (
    <section aria-labelledby="worth-knowing-heading" className="space-y-2">
      <h2 id="worth-knowing-heading" className="text-lg font-semibold">
        While you wait
      </h2>
      <div className="card space-y-3 p-4 text-sm text-slate-800 dark:text-slate-200">
        {waiting.length ? (
          <p data-testid="keep-searching">
            <span className="font-semibold">Keep searching. </span>
            {waiting.length === 1 ? "1 application is" : `${waiting.length} applications are`} waiting on a decision ({names(waiting)})
            {others ? `; ${others === 1 ? "1 other is" : `${others} others are`} in play` : ""}. Until an offer is in writing, more options
            mean less riding on any one answer.
          </p>
        ) : null}
        {advice.total ? (
          <p data-testid="advice-count">
            {advice.total === 1 ? "1 note" : `${advice.total} notes`} on what a stage means, on {plural(advice.applications.length, "application", "applications", "plain")}: read
            them under “What this stage means” on{" "}
            {linked.map((a, i) => (
              <span key={a.applicationId}>
                {separator(i, linked.length, unlinked > 0)}
                <Link href={`/applications/${a.applicationId}#stage-meaning`} className={link}>
                  <bdi>{a.company}</bdi>
                </Link>
              </span>
            ))}
            {unlinked > 0 ? ` and ${plural(unlinked, "other", "others", "plain")}` : ""}.
          </p>
        ) : null}
        {!waiting.length && !advice.total ? (
          <p data-testid="advice-empty">
            No advice right now. When an interview is booked or held, its application page explains what that stage means
            and how to read the signs.
          </p>
        ) : null}
      </div>
    </section>
  );
}
