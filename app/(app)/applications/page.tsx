import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireReader } from "@/app/(app)/request-dates";
import { countApplications } from "@/lib/data/applications";
import { getImport } from "@/lib/data/imports";
import { applicationListPage } from "@/lib/data/application-list";
import { decodeListCursor } from "@/lib/applications/list-cursor";
import { listQueryFrom } from "@/lib/applications/list-query";
import { applicationFilterSchema, applicationsHref, directionOf, isNarrowed, type ApplicationFilterParams } from "@/lib/validation/application-filter";
import { EmptyApplications } from "../_components/empty-applications";
import { ApplicationRow } from "./_components/application-row";
import { BulkBar } from "./_components/bulk/bulk-bar";
import { BulkSelection } from "./_components/bulk/selection";
import { ImportedFilterNote } from "./_components/imported-filter-note";
import { ListFilters } from "./_components/list-filters";
import { ListPagination } from "./_components/list-pagination";

export const metadata: Metadata = { title: "Applications" };

const number = new Intl.NumberFormat("en-US");

// Where the page sits is counted by the cursors; a row added or removed since
// can make that a little off, so it is kept inside what the total allows.
function place(total: number, from: number, shown: number, pageSize: number) {
  const first = Math.max(1, Math.min(from + 1, total - shown + 1));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { first, last: first + shown - 1, page: Math.min(pageCount, Math.floor((first - 1) / pageSize) + 1), pageCount };
}

function showing(total: number, first: number, last: number, pageSize: number): string {
  if (total === 0) return "No applications match";
  if (total <= pageSize) return total === 1 ? "1 application" : `${number.format(total)} applications`;
  return `Showing ${number.format(first)}–${number.format(last)} of ${number.format(total)} applications`;
}

/** The page the cursor names; the first page, with a note, when it names nothing readable. */
async function listFor(user: Awaited<ReturnType<typeof requireReader>>, filter: ApplicationFilterParams, now: Date) {
  const db = getDb();
  const cursor = filter.cursor ? decodeListCursor(filter.cursor, filter.sort, directionOf(filter)) : null;
  if (filter.cursor && !cursor) {
    return { list: await applicationListPage(db, { user, q: listQueryFrom(filter), now }), note: "That link’s place in the list could not be read, so this is the first page." };
  }
  const list = await applicationListPage(db, { user, q: listQueryFrom(filter, cursor), now });
  // Everything past the cursor was removed since its page was shown.
  if (cursor && list.rows.length === 0 && list.total > 0) {
    return { list: await applicationListPage(db, { user, q: listQueryFrom(filter), now }), note: "Nothing is left past that place in the list, so this is the first page." };
  }
  return { list, note: null };
}

export default async function ApplicationsPage({ searchParams }: PageProps<"/applications">) {
  const user = await requireReader();
  const raw = await searchParams;
  const filter = applicationFilterSchema.parse(raw);
  const db = getDb();
  const now = new Date();
  const totals = await countApplications(db, { userId: user.id });
  const { list, note } = totals.total === 0 ? { list: null, note: null } : await listFor(user, filter, now);
  const at = list ? place(list.total, list.from, list.rows.length, list.pageSize) : null;
  const archivedHidden = !filter.archived && totals.archived > 0;
  // Scoped to the user: another account's import id names nothing here.
  const fromImport = filter.imported ? ((await getImport(db, { userId: user.id, importId: filter.imported })) ?? null) : undefined;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Applications</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/import" className="btn-secondary">
            Import from a file
          </Link>
          <Link href="/applications/new" className="btn-primary">
            Add application
          </Link>
        </div>
      </div>
      {raw.deleted === "1" ? (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          The application was deleted.
        </p>
      ) : null}

      {note ? (
        <p
          role="status"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {note}
        </p>
      ) : null}

      {list === null || at === null ? (
        <EmptyApplications />
      ) : (
        <>
          <ListFilters filter={filter} />
          {fromImport !== undefined ? <ImportedFilterNote record={fromImport} filter={filter} dates={user.dates} /> : null}

          <p className="text-sm text-slate-700 dark:text-slate-300" role="status" data-testid="result-count">
            {showing(list.total, at.first, at.last, list.pageSize)}
            {archivedHidden ? ` · ${number.format(totals.archived)} archived hidden` : ""}
            {at.pageCount > 1 ? ` · page ${at.page} of ${at.pageCount}` : ""}
          </p>

          {list.rows.length === 0 ? (
            <div className="card p-8 text-center dark:border-slate-700 dark:bg-slate-900">
              <p className="font-medium">No applications match {isNarrowed(filter) ? "these filters" : "yet"}.</p>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                Try another search, or{" "}
                <Link href="/applications" className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
                  clear the filters
                </Link>
                {archivedHidden ? " and tick “Show archived”" : ""}.
              </p>
            </div>
          ) : (
            // Keyed by the query and the rows shown, so a new search or an undo starts with nothing ticked.
            <BulkSelection
              key={`${applicationsHref(filter)}:${list.rows.map((r) => r.id).join()}`}
              pageIds={list.rows.map((r) => r.id)}
              total={list.total}
              query={applicationsHref(filter, null).split("?")[1] ?? ""}
            >
              <BulkBar />
              <ul className="card divide-y divide-slate-200 dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900" aria-label="Applications">
                {list.rows.map((row) => (
                  <ApplicationRow key={row.id} row={row} now={now} zone={user.timeZone} dates={user.dates} />
                ))}
              </ul>
            </BulkSelection>
          )}

          <ListPagination filter={filter} previous={list.previousCursor} next={list.nextCursor} />
        </>
      )}
    </div>
  );
}
