import {
  applicationFilterSchema,
  DEFAULT_DIRECTION,
  applicationsHref,
  type ApplicationFilterParams,
  type ApplicationSort,
  type SortDirection,
} from "@/lib/validation/application-filter";
import type { ListQuery } from "@/lib/data/application-list";
import type { ListCursor } from "./list-cursor";

/** What the list's filter bar holds, as its fields hold it: strings, and ticks. */
export type ListFormValues = {
  q: string;
  status: string;
  stars: string;
  sort: string;
  dir: string;
  size: string;
  overdue: boolean;
  soon: boolean;
  archived: boolean;
  /** Carried from an import's summary; not a field the user edits. */
  imported?: string;
};

export function formValuesOf(f: ApplicationFilterParams): ListFormValues {
  return {
    q: f.q ?? "",
    status: f.status ?? "",
    stars: f.stars ? String(f.stars) : "",
    sort: f.sort,
    dir: f.dir ?? "",
    size: String(f.size),
    overdue: Boolean(f.overdue),
    soon: Boolean(f.soon),
    archived: Boolean(f.archived),
    imported: f.imported,
  };
}

/**
 * The list's URL for what the bar holds, read through the same schema as the
 * page reads the URL: the page and the bar can never disagree on what a
 * query means, and a change starts the results at page 1.
 */
export function hrefForForm(v: ListFormValues): string {
  const raw: Record<string, string> = { q: v.q, status: v.status, stars: v.stars, sort: v.sort, dir: v.dir, size: v.size };
  if (v.overdue) raw.overdue = "1";
  if (v.soon) raw.soon = "1";
  if (v.archived) raw.archived = "1";
  if (v.imported) raw.imported = v.imported;
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ""));
  return applicationsHref(applicationFilterSchema.parse(cleaned), null);
}

/** Filters a phone folds away, counted on its "Filters" button (search stays in view; sort and page size narrow nothing). */
export function activeFilterCount(v: ListFormValues): number {
  return [v.status !== "", v.stars !== "", v.overdue, v.soon, v.archived].filter(Boolean).length;
}

/** The two ways round, in the words of the sort: "Newest first" reads better than "Descending". */
export const DIRECTION_LABELS: Record<ApplicationSort, Record<SortDirection, string>> = {
  updated: { desc: "Newest first", asc: "Oldest first" },
  applied: { desc: "Newest first", asc: "Oldest first" },
  company: { asc: "A to Z", desc: "Z to A" },
  excitement: { desc: "Most first", asc: "Least first" },
  "next-step": { asc: "Soonest first", desc: "Latest first" },
};

/** The sort's natural direction first, then the other, each in words. */
export function directionChoices(sort: ApplicationSort): { value: SortDirection; label: string }[] {
  const natural = DEFAULT_DIRECTION[sort];
  const other: SortDirection = natural === "asc" ? "desc" : "asc";
  return [natural, other].map((value) => ({ value, label: DIRECTION_LABELS[sort][value] }));
}

/**
 * The list's URL parameters as the data layer's query: the page and "select
 * all matching" read the same list. The cursor comes decoded (on the server,
 * lib/applications/list-cursor.ts); "select all" has none.
 */
export function listQueryFrom(filter: ApplicationFilterParams, cursor: ListCursor | null = null): ListQuery {
  return {
    query: filter.q,
    status: filter.status,
    overdueOnly: Boolean(filter.overdue),
    interviewSoon: Boolean(filter.soon),
    minExcitement: filter.stars,
    sort: filter.sort,
    direction: filter.dir,
    includeArchived: Boolean(filter.archived),
    importId: filter.imported,
    cursor,
    pageSize: filter.size,
  };
}
