import { BUCKET_LABELS, OUTCOME_LABELS } from "@/lib/analytics/labels";
import { OUTCOMES, type BucketOutcomes } from "@/lib/analytics/outcomes";
import { ChartAndTable, captionClass, cellClass, headClass, SmallSample, tableClass } from "./chart-table";
import { StackedOutcomes } from "./charts";

export function OutcomesSection({ buckets }: { buckets: BucketOutcomes[] }) {
  const total = buckets.reduce((n, b) => n + b.n, 0);
  return (
    <section aria-labelledby="outcomes-heading" className="card p-4 sm:p-6">
      <h2 id="outcomes-heading" className="text-lg font-semibold">
        Outcomes by signals seen
      </h2>
      <p className="mt-1 mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        Applications that reached a later round (a second round or beyond, or a second, final, panel or on-site
        interview), grouped by how many of the four positive indicators you logged across those rounds: talk of the
        long term, meeting the team, specific feedback and a hiring timeline. Promising signs are not an offer; these
        counts show how they have played out for you. Groups of fewer than 5 are marked as a small sample.
      </p>
      {total === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="outcomes-empty">
          None of your applications has reached a later round yet. When one does, tick the signals you noticed on that
          round, and log the outcome when you hear.
        </p>
      ) : (
        <ChartAndTable
          chart={<StackedOutcomes rows={buckets.map((b) => ({ label: BUCKET_LABELS[b.bucket], ...b.counts }))} outcomes={OUTCOMES} labels={OUTCOME_LABELS} />}
          table={
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Outcomes by signals seen, table">
              <table className={tableClass} data-testid="outcomes-table">
                {/* A caption is as wide as its table: held to the phone's width so it wraps instead of scrolling away. */}
                <caption className={`${captionClass} max-sm:max-w-[calc(100vw-5.5rem)]`}>
                  Outcomes by positive indicators seen in later rounds
                  <span className="block text-xs font-normal text-slate-600 sm:hidden dark:text-slate-400">Scroll the table sideways for every outcome.</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={headClass}>Signals</th>
                    {/* Total before its parts: on a phone the parts may scroll sideways, never the total. */}
                    <th scope="col" className={headClass}>Total</th>
                    {OUTCOMES.map((o) => (
                      <th key={o} scope="col" className={headClass}>{OUTCOME_LABELS[o]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {buckets.map((b) => (
                    <tr key={b.bucket}>
                      <th scope="row" className={`${cellClass} font-medium sm:whitespace-nowrap`}>{BUCKET_LABELS[b.bucket]}</th>
                      <td className={cellClass}>
                        {b.n}
                        {b.smallSample ? <SmallSample /> : null}
                      </td>
                      {OUTCOMES.map((o) => (
                        <td key={o} className={cellClass}>{b.counts[o]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          }
        />
      )}
    </section>
  );
}
