import Link from "next/link";
import { DeleteAccountForm } from "./delete-account-form";

const link = "text-brand-700 underline underline-offset-2 dark:text-brand-300";

/** Settings → Your data: bring data in, take it out, or delete it all. */
export function YourData() {
  return (
    <>
      <section aria-labelledby="your-data-heading" className="card p-4 sm:p-6">
        <h2 id="your-data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Your search is yours to take with you. Coming from another tracker?{" "}
          <Link href="/import" className={link}>
            Import its export
          </Link>
          .
        </p>
        <ul className="mt-4 space-y-3 text-sm">
          <li>
            <a href="/export/zip" download className="btn-secondary">
              Download everything (ZIP)
            </a>
            <p className="mt-1 text-slate-700 dark:text-slate-300">
              Applications, rounds, signals, people, events, the steps you handled, your timings and your documents with their files: a file another Shortlist account can import with nothing lost.
            </p>
          </li>
          <li>
            <a href="/export/json" download className="btn-secondary">
              Download everything (JSON)
            </a>
            <p className="mt-1 text-slate-700 dark:text-slate-300">
              The same as one JSON file, without the documents&apos; files (it lists them, so you can see what you kept).
            </p>
          </li>
          <li>
            <a href="/export/csv" download className="btn-secondary">
              Download applications (CSV)
            </a>
            <p className="mt-1 text-slate-700 dark:text-slate-300">One row per application, for a spreadsheet. Your browser shows the download’s progress.</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="delete-heading" className="card border-red-200 p-4 sm:p-6 dark:border-red-900">
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete your account
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          This deletes your account and everything in it, for good, and signs you out on every device.{" "}
          <a href="/export/json" download className={link}>
            Download your data (JSON) first
          </a>{" "}
          if you may want it again.
        </p>
        <div className="mt-4">
          <DeleteAccountForm />
        </div>
      </section>
    </>
  );
}
