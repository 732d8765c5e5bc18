import Link from "next/link";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { PAGE_SIZES, SEARCH_MAX, type ApplicationFilterParams } from "@/lib/validation/application-filter";

const SORT_LABELS = {
  updated: "Last update",
  applied: "Applied date",
  company: "Company",
  excitement: "Excitement",
  "next-step": "Next step due",
} as const;

const label = "mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200";
const check = "flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200";

/**
 * A plain GET form: every filter lands in the query string, so a filtered
 * list can be shared or bookmarked and the back button undoes a change.
 * Submitting leaves `page` out, which starts the new results at page 1.
 */
export function ListFilters({ filter }: { filter: ApplicationFilterParams }) {
  return (
    <form role="search" aria-label="Filter applications" className="card space-y-3 p-4">
      {/* Set from an import's summary; kept while other filters change, dropped by "Clear filters". */}
      {filter.imported ? <input type="hidden" name="imported" value={filter.imported} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor="q" className={label}>
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filter.q}
            maxLength={SEARCH_MAX}
            placeholder="Company, role, location or notes"
            className="input"
          />
        </div>
        <div>
          <label htmlFor="status" className={label}>
            Status
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className="input">
            <option value="">Any status</option>
            <option value="open">Open (saved or in play)</option>
            <option value="closed">Closed (accepted, rejected, withdrawn, ghosted)</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="stars" className={label}>
            Excitement
          </label>
          <select id="stars" name="stars" defaultValue={filter.stars ?? ""} className="input">
            <option value="">Any</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                At least {n} {n === 1 ? "star" : "stars"}
              </option>
            ))}
            <option value={5}>5 stars</option>
          </select>
        </div>
        <div>
          <label htmlFor="sort" className={label}>
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={filter.sort} className="input">
            {Object.entries(SORT_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
        <label className={check}>
          <input type="checkbox" name="overdue" value="1" defaultChecked={Boolean(filter.overdue)} className="h-4 w-4" />
          Has an overdue step
        </label>
        <label className={check}>
          <input type="checkbox" name="soon" value="1" defaultChecked={Boolean(filter.soon)} className="h-4 w-4" />
          Interview in the next 7 days
        </label>
        <label className={check}>
          <input type="checkbox" name="archived" value="1" defaultChecked={Boolean(filter.archived)} className="h-4 w-4" />
          Show archived
        </label>
        <div className="flex items-center gap-2">
          <label htmlFor="size" className="text-sm text-slate-800 dark:text-slate-200">
            Per page
          </label>
          <select id="size" name="size" defaultValue={filter.size} className="input w-auto py-1.5">
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2 sm:ml-auto">
          <button type="submit" className="btn-primary">
            Apply filters
          </button>
          <Link href="/applications" className="btn-secondary">
            Clear filters
          </Link>
        </div>
      </div>
    </form>
  );
}
