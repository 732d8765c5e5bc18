import type { Outcome } from "@/lib/analytics/outcomes";
import { barPercent, barScale, type Scale } from "@/lib/analytics/chart-scale";

// The charts are pictures of the tables beside them: the tables are what
// screen readers and keyboards use, so each chart is hidden from them.
// Drawn on the server in HTML and CSS, with no chart library: two kinds of
// horizontal bars need none, and the page then ships no chart code at all,
// shifts nothing while loading and shows the charts without JavaScript.
// Colours come from CSS variables set in light and dark on the page.

const OUTCOME_COLOURS: Record<Outcome, string> = {
  offer: "var(--chart-offer)",
  rejected: "var(--chart-rejected)",
  ghosted: "var(--chart-ghosted)",
  open: "var(--chart-open)",
  withdrawn: "var(--chart-withdrawn)",
};

type Row = { label: string; value: number };

const ROW = "flex h-10 items-center";
const TEXT = "text-xs text-(--chart-text)";

/**
 * Category names down the side, the bars' area beside them with its grid
 * and, under it, the axis. `rows` are the bars of each row; `endLabels` leave
 * room for a value after the longest bar.
 */
function ChartFrame({ labels, labelWidth, scale, unit, endLabels, children }: {
  labels: string[];
  labelWidth: string;
  scale: Scale;
  unit?: string;
  endLabels: boolean;
  children: React.ReactNode;
}) {
  return (
    <div aria-hidden="true" data-testid="chart" className={`flex w-full min-w-0 ${TEXT}`}>
      <div className="shrink-0 pr-2 text-right" style={{ width: labelWidth }}>
        {labels.map((label, i) => (
          <div key={i} className={`${ROW} justify-end leading-tight`}>
            {label}
          </div>
        ))}
      </div>
      <div className={`min-w-0 flex-1 ${endLabels ? "pr-12" : "pr-4"}`}>
        <div className="relative border-l border-b border-(--chart-grid)">
          {scale.ticks.slice(1).map((t) => (
            <div key={t} className="absolute inset-y-0 border-l border-(--chart-grid)" style={{ left: `${barPercent(t, scale)}%` }} />
          ))}
          <div className="relative">{children}</div>
        </div>
        <div className="relative h-6">
          {scale.ticks.map((t, i) => (
            // On a phone every other label, so four-digit counts don't run into each other.
            <span
              key={t}
              className={`absolute top-1 -translate-x-1/2 tabular-nums ${i % 2 === 1 && scale.ticks.length > 3 ? "max-sm:hidden" : ""}`}
              style={{ left: `${barPercent(t, scale)}%` }}
            >
              {t}
              {unit}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Horizontal bars: long category names read better down the side than under narrow bars. */
export function HorizontalBars({ rows, unit }: { rows: Row[]; unit?: string }) {
  const scale = barScale(Math.max(0, ...rows.map((r) => r.value)), !unit);
  return (
    <ChartFrame labels={rows.map((r) => r.label)} labelWidth="7rem" scale={scale} unit={unit} endLabels>
      {rows.map((r, i) => (
        <div key={i} className={`${ROW} gap-1.5`}>
          <div data-testid="chart-bar" className="h-7 shrink-0 bg-(--chart-bar)" style={{ width: `${barPercent(r.value, scale)}%` }} />
          <span className="shrink-0 tabular-nums">{unit ? `${r.value} ${unit}` : r.value}</span>
        </div>
      ))}
    </ChartFrame>
  );
}

export type OutcomeRow = { label: string } & Record<Outcome, number>;

export function StackedOutcomes({ rows, outcomes, labels }: { rows: OutcomeRow[]; outcomes: readonly Outcome[]; labels: Record<Outcome, string> }) {
  const totals = rows.map((r) => outcomes.reduce((n, o) => n + r[o], 0));
  const scale = barScale(Math.max(0, ...totals));
  return (
    <div aria-hidden="true">
      <ChartFrame labels={rows.map((r) => r.label)} labelWidth="4.5rem" scale={scale} endLabels={false}>
        {rows.map((r, i) => (
          <div key={i} className={ROW}>
            {outcomes.map((o) =>
              r[o] > 0 ? (
                <div key={o} data-testid="chart-bar" className="h-8" style={{ width: `${barPercent(r[o], scale)}%`, backgroundColor: OUTCOME_COLOURS[o] }} />
              ) : null,
            )}
          </div>
        ))}
      </ChartFrame>
      {/* In the table's order. */}
      <ul className={`mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 ${TEXT}`}>
        {outcomes.map((o) => (
          <li key={o} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3" style={{ backgroundColor: OUTCOME_COLOURS[o] }} />
            {labels[o]}
          </li>
        ))}
      </ul>
    </div>
  );
}
