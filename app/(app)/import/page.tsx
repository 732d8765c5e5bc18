import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireReader } from "@/app/(app)/request-dates";
import { formatsFor } from "@/lib/time/formats";
import { listImports } from "@/lib/data/imports";
import { KNOWN_FORMATS } from "@/lib/import/formats";
import { SHORTLIST_JSON } from "@/lib/import/analyse";
import { localDate } from "@/lib/time/zoned";
import { ImportFlow } from "./_components/import-flow";

export const metadata: Metadata = { title: "Import applications" };

const LABELS = new Map([...KNOWN_FORMATS.map((f) => [f.id, f.label] as const), [SHORTLIST_JSON.id, SHORTLIST_JSON.label], ["csv", "CSV with your own columns"]]);

export default async function ImportPage() {
  const user = await requireReader();
  const earlier = await listImports(getDb(), { userId: user.id, limit: 10 });
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import applications</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
          Bring your search from another tracker or a spreadsheet. Shortlist recognises the exports of LinkedIn (
          <span className="font-medium">Job Applications.csv</span> and <span className="font-medium">Saved Jobs.csv</span>
          ), Huntr, Teal, JobSync, Reactive Resume and JobHunter, and its own JSON export; any other CSV works once you say
          what its columns hold. Nothing is saved until you press Import, and a file imported twice adds nothing the second
          time.
        </p>
      </div>

      <ImportFlow dates={user.dates} />

      <section aria-labelledby="earlier-heading" className="space-y-3">
        <h2 id="earlier-heading" className="text-lg font-semibold">
          Your earlier imports
        </h2>
        {earlier.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">None yet. Each file you import is listed here, with a link to what it added.</p>
        ) : (
          <ul className="card divide-y divide-slate-200 dark:divide-slate-700">
            {earlier.map((i) => (
              <li key={i.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium break-all">{i.fileName}</span>
                  <span className="text-slate-700 dark:text-slate-300">
                    {" "}
                    · {LABELS.get(i.format) ?? i.format} · {formatsFor(user.dates).calendarDay(localDate(i.createdAt, user.timeZone))}
                  </span>
                </span>
                <Link href={`/applications?imported=${i.id}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
                  {i.added.toLocaleString("en-US")} {i.added === 1 ? "application" : "applications"} added
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
