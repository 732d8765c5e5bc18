import Link from "next/link";
import { ActionButton } from "@/app/_components/action-button";
import { loadSampleDataAction } from "../actions";

/** The first thing a new user sees: two clear ways to start. */
export function EmptyApplications() {
  return (
    <section aria-labelledby="empty-heading" className="card px-6 py-10 text-center">
      <h2 id="empty-heading" className="text-lg font-semibold">
        No applications yet
      </h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-700 dark:text-slate-300">
        Add the first job you have applied for, or are about to. Coming from another tracker or a spreadsheet? Import its
        export. Or load a sample set of a dozen applications to see how Shortlist works; you can delete them later.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/applications/new" className="btn-primary">
          Add your first application
        </Link>
        <Link href="/import" className="btn-secondary">
          Import from a file
        </Link>
        <ActionButton
          action={loadSampleDataAction}
          pendingText="Loading sample data…"
          formClassName="flex flex-col items-center gap-2"
          messageClassName="max-w-xs"
        >
          Load sample data
        </ActionButton>
      </div>
    </section>
  );
}
