import { z } from "zod";
import { APPLICATION_STATUSES, STATUS_GROUPS, type StatusGroup } from "@/lib/vocabulary";

export const APPLICATION_SORTS = ["updated", "applied", "company", "excitement", "next-step"] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * Each sort's natural way round: the newest, the most exciting and the most
 * urgent first, companies A to Z. A link names the direction only when it is
 * the other one, so old links and bookmarks keep their meaning.
 */
export const DEFAULT_DIRECTION: Record<ApplicationSort, SortDirection> = {
  updated: "desc",
  applied: "desc",
  company: "asc",
  excitement: "desc",
  "next-step": "asc",
};

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;
/** Longer than any cursor the list makes: past it the text is junk, not a place (lib/applications/list-cursor.ts). */
const CURSOR_MAX = 1000;

export const SEARCH_MAX = 200;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const flag = z.preprocess(first, z.literal("1").optional()).catch(undefined);

// Query strings are typed by hand: anything unexpected falls back to the
// default instead of failing the page.
export const applicationFilterSchema = z.object({
  // A pasted overlong search is cut, not dropped: dropping it would show the whole list as if it matched.
  q: z.preprocess((v) => {
    const text = first(v);
    return typeof text === "string" ? text.slice(0, SEARCH_MAX) : text;
  }, z.string().trim().max(SEARCH_MAX).optional()).catch(undefined),
  /** One status, or "open" / "closed" for either half of the pipeline. */
  status: z
    .preprocess(first, z.enum([...APPLICATION_STATUSES, ...(Object.keys(STATUS_GROUPS) as StatusGroup[])]).optional())
    .catch(undefined),
  /** Only applications with at least one overdue next step. */
  overdue: flag,
  /** Only applications with a round in the next seven days. */
  soon: flag,
  /** At least this many stars. */
  stars: z.preprocess(first, z.coerce.number().int().min(1).max(5).optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(APPLICATION_SORTS).default("updated")).catch("updated"),
  /** Absent means the sort's natural direction (DEFAULT_DIRECTION). */
  dir: z.preprocess(first, z.enum(SORT_DIRECTIONS).optional()).catch(undefined),
  archived: flag,
  /** Only what one import added (its id; another user's finds nothing, the list being theirs alone). */
  imported: z.preprocess(first, z.uuid().optional()).catch(undefined),
  /** Where the page starts: an opaque cursor from a Previous or Next link; without it, the first page. */
  cursor: z.preprocess(first, z.string().min(1).max(CURSOR_MAX).optional()).catch(undefined),
  size: z
    .preprocess(first, z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)))).default(DEFAULT_PAGE_SIZE))
    .catch(DEFAULT_PAGE_SIZE),
});
export type ApplicationFilterParams = z.infer<typeof applicationFilterSchema>;

/** The direction the list is actually sorted in. */
export const directionOf = (f: Pick<ApplicationFilterParams, "sort" | "dir">): SortDirection => f.dir ?? DEFAULT_DIRECTION[f.sort];

/** Whether anything narrows the list (sorting and paging do not). */
export const isNarrowed = (f: ApplicationFilterParams) => Boolean(f.q || f.status || f.overdue || f.soon || f.stars || f.imported);

/**
 * The list's URL for these parameters, leaving out the defaults so shared
 * links stay short; `cursor` overrides the current place, null for the first page.
 */
export function applicationsHref(f: ApplicationFilterParams, cursor: string | null = f.cursor ?? null): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.status) params.set("status", f.status);
  if (f.overdue) params.set("overdue", "1");
  if (f.soon) params.set("soon", "1");
  if (f.stars) params.set("stars", String(f.stars));
  if (f.sort !== "updated") params.set("sort", f.sort);
  if (directionOf(f) !== DEFAULT_DIRECTION[f.sort]) params.set("dir", directionOf(f));
  if (f.archived) params.set("archived", "1");
  if (f.imported) params.set("imported", f.imported);
  if (f.size !== DEFAULT_PAGE_SIZE) params.set("size", String(f.size));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/applications?${query}` : "/applications";
}
