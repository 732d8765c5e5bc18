import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireReader } from "@/app/(app)/request-dates";
import { guidanceOverview, type PutAsideItem } from "@/lib/data/guidance";
import { groupBy } from "@/lib/group-by";
import { PageLinks, pageOf } from "../_components/page-links";
import { PutAsideList } from "../_components/guidance/put-aside-list";

export const metadata: Metadata = { title: "Put aside" };

/** Applications a page: a long search can have put aside thousands of steps. */
const PAGE_SIZE = 20;

export default async function PutAsidePage({ searchParams }: PageProps<"/put-aside">) {
  const user = await requireReader();
  const requested = Number((await searchParams).page);
  const now = new Date();
  const items = (await guidanceOverview(getDb(), { user, now })).putAside;
  const groups = [...groupBy(items, (p) => p.step.applicationId).values()] as PutAsideItem[][];
  const { shown, page, pageCount } = pageOf(groups, requested, PAGE_SIZE);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
          ← Dashboard
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Put aside</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Steps you snoozed or dismissed. A snoozed step comes back by itself when its snooze ends; Restore brings any of
          them back now.
        </p>
      </header>
      {groups.length === 0 ? (
        <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="put-aside-empty">
          Nothing is put aside. When you snooze or dismiss a step on the dashboard or an application, it waits here until
          you restore it.
        </p>
      ) : (
        <ul className="space-y-4">
          {shown.map((group) => {
            const first = group[0];
            return (
              <li key={first.step.applicationId} className="card p-4" data-testid="put-aside-application">
                <h2 className="font-semibold">
                  <Link href={`/applications/${first.step.applicationId}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
                    <bdi>{first.roleTitle}</bdi> at <bdi>{first.company}</bdi>
                  </Link>
                </h2>
                <PutAsideList items={group} dates={user.dates} />
              </li>
            );
          })}
        </ul>
      )}
      <PageLinks page={page} pageCount={pageCount} href={(p) => `/put-aside?page=${p}`} />
    </div>
  );
}
