import Link from "next/link";
import type { ImportView } from "@/lib/data/imports";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { localDate } from "@/lib/time/zoned";
import { applicationsHref, type ApplicationFilterParams } from "@/lib/validation/application-filter";

/** The "imported on <date>" filter, said in words, with the way out of it. */
export function ImportedFilterNote({ record, filter, dates }: { record: ImportView | null; filter: ApplicationFilterParams; dates: DateStyle }) {
  const without = applicationsHref({ ...filter, imported: undefined }, null);
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900 dark:border-brand-800 dark:bg-brand-950 dark:text-brand-100" data-testid="imported-filter">
      <span>
        {record ? (
          <>
            Showing what was <span className="font-medium">imported on {formatsFor(dates).calendarDay(localDate(record.createdAt, dates.zone))}</span> from{" "}
            <span className="font-medium break-all">{record.fileName}</span> ({record.added.toLocaleString("en-US")} added).
          </>
        ) : (
          "No import of yours has that id, so nothing matches it."
        )}
      </span>
      <Link href={without} className="underline underline-offset-2">
        Show all applications
      </Link>
    </p>
  );
}
