import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";
import { formatCalendarDate, formatPlace, STATUS_LABELS } from "@/lib/applications/labels";
import { requireUser } from "@/lib/auth/current-user";
import { countApplications, listApplications } from "@/lib/data/applications";
import { applicationFilterSchema } from "@/lib/validation/application-filter";
import { StatusBadge } from "../_components/status-badge";
import { EmptyApplications } from "../_components/empty-applications";

export const metadata: Metadata = { title: "Applications" };

export default async function ApplicationsPage({ searchParams }: PageProps<"/applications">) {
  const user = await requireUser();
  const raw = await searchParams;
  const filter = applicationFilterSchema.parse(raw);
  const db = getDb();
  const totals = countApplications(db, user.id);
  const rows = listApplications(db, user.id, {
    query: filter.q,
    status: filter.status,
    sort: filter.sort,
    includeArchived: filter.archived === "1",
  });
  const filtered = Boolean(filter.q || filter.status || filter.archived);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Applications</h1>
        <Link href="/applications/new" className="btn-primary">
          Add application
        </Link>
      </div>
      {raw.deleted === "1" ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          The application was deleted.
        </p>
      ) : null}

      {totals.total === 0 ? (
        <EmptyApplications />
      ) : (
        <>
          <form role="search" aria-label="Filter applications" className="card grid gap-3 p-4 sm:grid-cols-[2fr_1fr_1fr_auto_auto] sm:items-end">
            <div>
              <label htmlFor="q" className="mb-1 block text-sm font-medium">
                Search
              </label>
              <input id="q" name="q" type="search" defaultValue={filter.q} placeholder="Company or role" className="input" />
            </div>
            <div>
              <label htmlFor="status" className="mb-1 block text-sm font-medium">
                Status
              </label>
              <select id="status" name="status" defaultValue={filter.status ?? ""} className="input">
                <option value="">Any status</option>
                {APPLICATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="sort" className="mb-1 block text-sm font-medium">
                Sort by
              </label>
              <select id="sort" name="sort" defaultValue={filter.sort} className="input">
                <option value="updated">Last update</option>
                <option value="applied">Applied date</option>
                <option value="company">Company</option>
              </select>
            </div>
            <label className="flex items-center gap-2 py-2 text-sm">
              <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived === "1"} className="h-4 w-4" />
              Show archived
            </label>
            <button type="submit" className="btn-secondary">
              Apply
            </button>
          </form>

          <p className="text-sm text-slate-600" role="status">
            {rows.length === 1 ? "1 application" : `${rows.length} applications`}
            {!filter.archived && totals.archived > 0 ? ` · ${totals.archived} archived hidden` : ""}
          </p>

          {rows.length === 0 ? (
            <div className="card p-8 text-center">
              <p className="font-medium">No applications match {filtered ? "these filters" : "yet"}.</p>
              <p className="mt-1 text-sm text-slate-600">
                Try another search, or{" "}
                <Link href="/applications" className="text-brand-700 underline underline-offset-2">
                  clear the filters
                </Link>
                {totals.archived > 0 && !filter.archived ? " and tick “Show archived”" : ""}.
              </p>
            </div>
          ) : (
            <ul className="card divide-y divide-slate-200" aria-label="Applications">
              {rows.map((a) => (
                <li key={a.id} className="flex flex-col gap-2 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4">
                  <div className="min-w-0 flex-1">
                    <Link href={`/applications/${a.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                      {a.roleTitle}
                    </Link>
                    <p className="truncate text-sm text-slate-700">
                      {[a.company, formatPlace(a)].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
                    {a.archivedAt ? <span className="text-xs font-medium text-slate-700">Archived</span> : null}
                    <span>{a.appliedOn ? `Applied ${formatCalendarDate(a.appliedOn)}` : "Not applied yet"}</span>
                    <StatusBadge status={a.status} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
