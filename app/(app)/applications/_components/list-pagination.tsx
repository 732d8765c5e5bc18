import { applicationsHref, type ApplicationFilterParams } from "@/lib/validation/application-filter";
import { PageLinks } from "../../_components/page-links";

/** Previous, numbered pages and Next, each a link that keeps the filters. */
export function ListPagination({ filter, page, pageCount }: { filter: ApplicationFilterParams; page: number; pageCount: number }) {
  return <PageLinks page={page} pageCount={pageCount} href={(p) => applicationsHref(filter, p)} />;
}
