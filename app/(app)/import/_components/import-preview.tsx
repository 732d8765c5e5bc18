import { STATUS_LABELS } from "@/lib/applications/labels";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import type { ImportSummary, PreviewRow } from "@/lib/import/summary";
import { n } from "@/lib/import/summary-text";
import { plural } from "@/lib/text/plural";


const OUTCOME: Record<PreviewRow["outcome"], { text: string; style: string }> = {
  new: { text: "New", style: "bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200" },
  duplicate: { text: "Already there", style: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200" },
  problem: { text: "Problem", style: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" },
};

/** "12 new · 2 already in Shortlist · 1 with problems", and what the new ones bring with them. */
export function ImportCounts({ summary }: { summary: ImportSummary }) {
  const c = summary.counts;
  const extras = [c.rounds && plural(c.rounds, "round"), c.events && plural(c.events, "event"), c.people && plural(c.people, "person", "people")].filter(Boolean);
  return (
    <div data-testid="import-counts">
      <p className="text-base font-medium">
        <span data-testid="count-new">{plural(c.fresh, "new application")}</span>
        {" · "}
        <span data-testid="count-duplicates">{plural(c.duplicates, "duplicate")}</span>
        {" · "}
        <span data-testid="count-problems">{n(c.problems)} with problems</span>
      </p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {plural(c.rows, summary.kind === "csv" ? "row" : "application")} in the file
        {extras.length ? `; the new ones bring ${extras.join(", ")} to their timelines` : ""}.
      </p>
    </div>
  );
}

/** The first rows of the file as they will be saved, then every problem and duplicate by line. */
export function ImportPreview({ summary, dates }: { summary: ImportSummary; dates: DateStyle }) {
  const lineWord = summary.kind === "csv" ? "Line" : "Application";
  return (
    <div className="space-y-6">
      <div>
        <table className="w-full text-left text-sm" data-testid="import-preview">
          <caption className="mb-2 text-left text-sm text-slate-700 dark:text-slate-300">
            The first {plural(summary.preview.length, "row")} as they will be saved.
          </caption>
          <thead className="text-xs text-slate-600 uppercase max-sm:sr-only dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                {lineWord}
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Application
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Status
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Applied
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Details
              </th>
              <th scope="col" className="py-2 font-medium">
                Import
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 align-top max-sm:block dark:divide-slate-700">
            {summary.preview.map((row) => (
              <tr key={row.line} className="max-sm:block max-sm:py-2">
                <td className="py-2 pr-3 tabular-nums max-sm:block max-sm:py-0.5 max-sm:text-xs max-sm:text-slate-600 dark:max-sm:text-slate-400">
                  <span className="sm:hidden">{lineWord} </span>
                  {row.line}
                </td>
                <td className="py-2 pr-3 max-sm:block max-sm:py-0.5">
                  {row.roleTitle || row.company ? (
                    <>
                      <bdi className="font-medium">{row.roleTitle || "(no role)"}</bdi>{" "}
                      <span className="text-slate-700 dark:text-slate-300">
                        at <bdi>{row.company || "(no company)"}</bdi>
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-600 dark:text-slate-400">—</span>
                  )}
                </td>
                <td className="py-2 pr-3 max-sm:block max-sm:py-0.5">{row.status ? STATUS_LABELS[row.status] : ""}</td>
                <td className="py-2 pr-3 whitespace-nowrap max-sm:block max-sm:py-0.5">
                  {row.appliedOn ? (
                    <>
                      <span className="sm:hidden">Applied </span>
                      {formatsFor(dates).calendarDay(row.appliedOn)}
                    </>
                  ) : null}
                </td>
                <td className="max-w-sm py-2 pr-3 text-slate-700 dark:text-slate-300 max-sm:block max-sm:py-0.5">
                  {[row.place, row.salary, row.source, row.rounds && plural(row.rounds, "round"), row.events && plural(row.events, "event"), row.archived && "archived"]
                    .filter(Boolean)
                    .join(" · ")}
                  {row.notes ? (
                    <span className="mt-0.5 line-clamp-2 block text-xs break-words">
                      Notes: <bdi>{row.notes}</bdi>
                    </span>
                  ) : null}
                </td>
                <td className="py-2 max-sm:block max-sm:py-0.5">
                  <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${OUTCOME[row.outcome].style}`}>{OUTCOME[row.outcome].text}</span>
                  {row.reason ? <span className="mt-1 block max-w-xs text-xs text-slate-700 dark:text-slate-300">{row.reason}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {summary.problems.length ? (
        <section aria-labelledby="problems-heading">
          <h3 id="problems-heading" className="text-base font-semibold">
            {plural(summary.counts.problems, "row")} won’t be imported
          </h3>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Fix them in the file and import it again: rows already imported are not added twice.</p>
          <ul className="mt-2 space-y-1 text-sm" data-testid="import-problems">
            {summary.problems.map((p) => (
              <li key={p.line}>
                <span className="font-medium">
                  {lineWord} {p.line}:
                </span>{" "}
                {p.messages.join(" ")}
              </li>
            ))}
          </ul>
          {summary.counts.problems > summary.problems.length ? (
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">…and {n(summary.counts.problems - summary.problems.length)} more.</p>
          ) : null}
        </section>
      ) : null}

      {summary.duplicates.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Which rows are duplicates ({n(summary.counts.duplicates)})</summary>
          <ul className="mt-2 space-y-1">
            {summary.duplicates.map((d) => (
              <li key={d.line}>
                {lineWord} {d.line}: {d.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
