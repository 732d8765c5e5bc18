import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { formatDays } from "@/lib/analytics/labels";
import { plural } from "@/lib/text/plural";
import { SMALL_SAMPLE } from "@/lib/analytics/outcomes";
import type { ResponseTime } from "@/lib/analytics/response-times";
import { ChartAndTable, captionClass, cellClass, headClass, SmallSample, tableClass } from "./chart-table";
import { HorizontalBars } from "./charts";

export function ResponseSection({ times }: { times: ResponseTime[] }) {
  const waiting = times.reduce((n, t) => n + t.waiting, 0);
  const answered = times.filter((t) => t.medianDays !== null);
  return (
    <section aria-labelledby="response-heading" className="card p-4 sm:p-6">
      <h2 id="response-heading" className="text-lg font-semibold">
        How long companies take to answer
      </h2>
      <p className="mt-1 mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        Days from the end of each round to the company&apos;s next word: the first response, feedback, offer or
        rejection you logged after it, or the next round, counted from when you logged it or when it started, whichever
        came first. Rounds that haven&apos;t ended are left out, and rounds with no word yet aren&apos;t in the median
        {waiting > 0 ? <> ({plural(waiting, "round is", "rounds are")} still waiting)</> : null}.
      </p>
      {times.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="response-empty">
          No round has ended yet. Once one has, log what the company said (a response, feedback, an offer or a rejection)
          or the next round, and the wait shows here.
        </p>
      ) : (
        <ChartAndTable
          chart={
            answered.length > 0 ? (
              <HorizontalBars rows={answered.map((t) => ({ label: ROUND_KIND_LABELS[t.kind], value: Math.round((t.medianDays ?? 0) * 10) / 10 }))} unit="d" />
            ) : (
              <p className="text-sm text-slate-700 dark:text-slate-300">No company has answered yet, so there is nothing to chart.</p>
            )
          }
          table={
            <table className={tableClass} data-testid="response-table">
              <caption className={captionClass}>Median days to an answer, by kind of round</caption>
              <thead>
                <tr>
                  <th scope="col" className={headClass}>Round</th>
                  <th scope="col" className={headClass}>Median</th>
                  <th scope="col" className={headClass}>Answered</th>
                  <th scope="col" className={headClass}>Waiting</th>
                </tr>
              </thead>
              <tbody>
                {times.map((t) => (
                  <tr key={t.kind}>
                    <th scope="row" className={`${cellClass} font-medium`}>{ROUND_KIND_LABELS[t.kind]}</th>
                    <td className={cellClass}>{formatDays(t.medianDays)}</td>
                    <td className={cellClass}>
                      {t.answered}
                      {t.answered > 0 && t.answered < SMALL_SAMPLE ? <SmallSample /> : null}
                    </td>
                    <td className={cellClass}>{t.waiting}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </section>
  );
}
