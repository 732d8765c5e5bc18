import type { ListQuery } from "@/lib/data/application-list";
import type { ApplicationFilterParams } from "@/lib/validation/application-filter";

/** The list's URL parameters as the data layer's query: the page and "select all matching" read the same list. */
export function listQueryFrom(filter: ApplicationFilterParams): ListQuery {
  return {
    query: filter.q,
    status: filter.status,
    overdueOnly: Boolean(filter.overdue),
    interviewSoon: Boolean(filter.soon),
    minExcitement: filter.stars,
    sort: filter.sort,
    includeArchived: Boolean(filter.archived),
    importId: filter.imported,
    page: filter.page,
    pageSize: filter.size,
  };
}
