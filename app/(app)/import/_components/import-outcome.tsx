"use client";

import Link from "next/link";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { useEffect, useRef } from "react";
import { n } from "@/lib/import/summary-text";
import { plural } from "@/lib/text/plural";
import type { RunMessage } from "../run-message";

type Done = Extract<RunMessage, { type: "done" }>;


/** What the import saved, said only after the server reported the commit; focus moves here so it is read first. */
export function ImportOutcome({ outcome, fileName, onAnother, dates }: { outcome: Done; fileName: string; onAnother: () => void; dates: DateStyle }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const left = [
    outcome.duplicates && `${n(outcome.duplicates)} ${outcome.duplicates === 1 ? "was" : "were"} already in Shortlist`,
    outcome.problems && `${plural(outcome.problems, "row")} had problems and ${outcome.problems === 1 ? "was" : "were"} left out`,
  ].filter(Boolean);
  return (
    <section aria-labelledby="outcome-heading" className="card space-y-3 p-4 sm:p-6" data-testid="import-outcome">
      <h2 id="outcome-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {outcome.added ? `Imported ${plural(outcome.added, "application")}` : "Nothing new to import"}
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {outcome.added ? `From ${fileName}, saved ${formatsFor(dates).dateTime(new Date(outcome.at))}.` : `Everything in ${fileName} is already in Shortlist.`}
        {left.length ? ` ${left.join("; ")}.` : ""}
        {outcome.settingsRestored ? " Your next-step timings came with it." : ""}
        {outcome.filesRestored ? ` ${plural(outcome.filesRestored, "document file")} came with it.` : ""}
        {outcome.filesLeftOut ? ` ${plural(outcome.filesLeftOut, "document file")} ${outcome.filesLeftOut === 1 ? "was" : "were"} left out: missing from the file, damaged, or past your documents' quota.` : ""}
      </p>
      <div className="flex flex-wrap gap-3">
        {outcome.importId ? (
          <Link href={`/applications?imported=${outcome.importId}`} className="btn-primary">
            See the imported applications
          </Link>
        ) : (
          <Link href="/applications" className="btn-primary">
            See your applications
          </Link>
        )}
        <button type="button" onClick={onAnother} className="btn-secondary">
          Import another file
        </button>
      </div>
    </section>
  );
}
