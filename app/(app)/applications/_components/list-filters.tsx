"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useLiveQuery } from "@/app/_components/use-live-query";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { activeFilterCount, directionChoices, formValuesOf, hrefForForm } from "@/lib/applications/list-query";
import {
  APPLICATION_SORTS,
  applicationsHref,
  directionOf,
  PAGE_SIZES,
  SEARCH_MAX,
  type ApplicationFilterParams,
  type ApplicationSort,
} from "@/lib/validation/application-filter";
import { FilterToggle } from "../../_components/filter-toggle";

const SORT_LABELS: Record<ApplicationSort, string> = {
  updated: "Last update",
  applied: "Applied date",
  company: "Company",
  excitement: "Excitement",
  "next-step": "Next step due",
};

const label = "mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200";
const check = "flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200";

/**
 * The list's search, filters and sort. Every change shows its results at
 * once (typing after a pause) and lands in the query string, so a filtered
 * list can be shared or bookmarked. Without JavaScript it is a plain GET
 * form with an "Apply filters" button. On a phone all but the search fold
 * behind a "Filters" button that counts what is set.
 */
export function ListFilters({ filter }: { filter: ApplicationFilterParams }) {
  const { values: v, change, submit, pending } = useLiveQuery(applicationsHref(filter, null), () => formValuesOf(filter), hrefForForm);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const fold = open ? "" : "max-sm:hidden";
  const sort = (APPLICATION_SORTS as readonly string[]).includes(v.sort) ? (v.sort as ApplicationSort) : "updated";
  const direction = directionOf({ sort, dir: v.dir === "asc" || v.dir === "desc" ? v.dir : undefined });

  return (
    <form role="search" aria-label="Filter applications" className="card space-y-3 p-4" onSubmit={submit} aria-busy={pending}>
      {/* Set from an import's summary; kept while other filters change, dropped by "Clear filters". */}
      {v.imported ? <input type="hidden" name="imported" value={v.imported} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr]">
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
          <div className="min-w-0 flex-1">
            <label htmlFor="q" className={label}>
              Search
            </label>
            <input
              id="q"
              name="q"
              type="search"
              value={v.q}
              onChange={(e) => change({ q: e.target.value }, true)}
              maxLength={SEARCH_MAX}
              placeholder="Company, role, location or notes"
              className="input"
            />
          </div>
          <FilterToggle open={open} onToggle={() => setOpen(!open)} controls={panelId} active={activeFilterCount(v)} />
        </div>
        <div className={fold} id={panelId}>
          <label htmlFor="status" className={label}>
            Status
          </label>
          <select id="status" name="status" value={v.status} onChange={(e) => change({ status: e.target.value })} className="input">
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
        <div className={fold}>
          <label htmlFor="stars" className={label}>
            Excitement
          </label>
          <select id="stars" name="stars" value={v.stars} onChange={(e) => change({ stars: e.target.value })} className="input">
            <option value="">Any</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                At least {n} {n === 1 ? "star" : "stars"}
              </option>
            ))}
            <option value={5}>5 stars</option>
          </select>
        </div>
        <div className={fold}>
          <label htmlFor="sort" className={label}>
            Sort by
          </label>
          {/* A new sort starts the natural way round (newest, A to Z). */}
          <select id="sort" name="sort" value={sort} onChange={(e) => change({ sort: e.target.value, dir: "" })} className="input">
            {APPLICATION_SORTS.map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className={fold}>
          <label htmlFor="dir" className={label}>
            Order
          </label>
          <select id="dir" name="dir" value={direction} onChange={(e) => change({ dir: e.target.value })} className="input">
            {directionChoices(sort).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={`flex flex-wrap items-center gap-x-5 gap-y-3 ${fold}`}>
        <label className={check}>
          <input type="checkbox" name="overdue" value="1" checked={v.overdue} onChange={(e) => change({ overdue: e.target.checked })} className="h-4 w-4" />
          Has an overdue step
        </label>
        <label className={check}>
          <input type="checkbox" name="soon" value="1" checked={v.soon} onChange={(e) => change({ soon: e.target.checked })} className="h-4 w-4" />
          Interview in the next 7 days
        </label>
        <label className={check}>
          <input type="checkbox" name="archived" value="1" checked={v.archived} onChange={(e) => change({ archived: e.target.checked })} className="h-4 w-4" />
          Show archived
        </label>
        <div className="flex items-center gap-2">
          <label htmlFor="size" className="text-sm text-slate-800 dark:text-slate-200">
            Per page
          </label>
          <select id="size" name="size" value={v.size} onChange={(e) => change({ size: e.target.value })} className="input w-auto py-1.5">
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 sm:ml-auto">
          {pending ? (
            <span className="text-sm text-slate-600 dark:text-slate-400" aria-hidden>
              Updating…
            </span>
          ) : null}
          <noscript>
            <button type="submit" className="btn-primary">
              Apply filters
            </button>
          </noscript>
          <Link href="/applications" className="btn-secondary">
            Clear filters
          </Link>
        </div>
      </div>
    </form>
  );
}
