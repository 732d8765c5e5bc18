import type { FunnelStep } from "@/lib/analytics/funnel";
import { formatPercent, STAGE_LABELS } from "@/lib/analytics/labels";
import { SMALL_SAMPLE } from "@/lib/analytics/outcomes";
import { ChartAndTable, captionClass, cellClass, headClass, SmallSample, tableClass } from "./chart-table";
import { HorizontalBars } from "./charts";

export function FunnelSection({ steps }: { steps: FunnelStep[] }) {
  return (
    <section aria-labelledby="funnel-heading" className="card p-4 sm:p-6">
      <h2 id="funnel-heading" className="text-lg font-semibold">
        How far applications get
      </h2>
      <p className="mt-1 mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        An application reaches a stage when it has a round of that kind or of any later stage, so one with a final but
        no logged screen still counts through the screen; an offer counts through every round. Panel and on-site rounds
        count as second rounds; technical and other rounds count as a first round when they are your first interview
        there (screens aside) and as a second round after that. A round counts once it is logged, even before it happens.
      </p>
      <ChartAndTable
        chart={<HorizontalBars rows={steps.map((s) => ({ label: STAGE_LABELS[s.stage], value: s.reached }))} />}
        table={
          <table className={tableClass} data-testid="funnel-table">
            <caption className={captionClass}>Applications reaching each stage</caption>
            <thead>
              <tr>
                <th scope="col" className={headClass}>Stage</th>
                <th scope="col" className={headClass}>Reached</th>
                <th scope="col" className={headClass}>From previous</th>
                <th scope="col" className={headClass}>Out of</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.stage}>
                  <th scope="row" className={`${cellClass} font-medium`}>{STAGE_LABELS[s.stage]}</th>
                  <td className={cellClass}>{s.reached}</td>
                  <td className={cellClass}>{formatPercent(s.conversion)}</td>
                  <td className={cellClass}>
                    {s.sampleSize ?? "–"}
                    {s.sampleSize !== null && s.sampleSize > 0 && s.sampleSize < SMALL_SAMPLE ? <SmallSample /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}
