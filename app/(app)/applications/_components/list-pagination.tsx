import Link from "next/link";
import { applicationsHref, type ApplicationFilterParams } from "@/lib/validation/application-filter";
import { disabledClass, linkClass } from "../../_components/page-links";

type Props = { filter: ApplicationFilterParams; previous: string | null; next: string | null };

/**
 * Previous and Next, each a link that keeps the filters and carries a cursor.
 * No numbered pages: a cursor reads only the rows next to it, so a page far
 * away has no cheap address (and rows added meanwhile would shift it).
 */
export function ListPagination({ filter, previous, next }: Props) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-center gap-2">
      {previous ? (
        <Link href={applicationsHref(filter, previous)} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          ← Previous
        </span>
      )}
      {next ? (
        <Link href={applicationsHref(filter, next)} className={linkClass} rel="next">
          Next →
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
