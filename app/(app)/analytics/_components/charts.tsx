"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from "recharts";
import type { Outcome } from "@/lib/analytics/outcomes";

// The charts are pictures of the tables beside them: the tables are what
// screen readers and keyboards use, so each chart is hidden from them and
// has no accessibility layer (which would make the hidden SVG focusable).
// Colours come from CSS variables set in light and dark on the page.

const TEXT = "var(--chart-text)";
const GRID = "var(--chart-grid)";
const tick = { fill: TEXT, fontSize: 12 };

export const OUTCOME_COLOURS: Record<Outcome, string> = {
  offer: "var(--chart-offer)",
  rejected: "var(--chart-rejected)",
  ghosted: "var(--chart-ghosted)",
  open: "var(--chart-open)",
  withdrawn: "var(--chart-withdrawn)",
};

type Row = { label: string; value: number };

function ChartBox({ height, children }: { height: number; children: React.ReactNode }) {
  return (
    <div aria-hidden="true" data-testid="chart" className="w-full min-w-0" style={{ height }}>
      {children}
    </div>
  );
}

/** Horizontal bars: long category names read better down the side than under narrow bars. */
export function HorizontalBars({ rows, unit }: { rows: Row[]; unit?: string }) {
  return (
    <ChartBox height={rows.length * 40 + 30}>
      <BarChart
        data={rows}
        layout="vertical"
        responsive
        accessibilityLayer={false}
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={tick} stroke={GRID} unit={unit} />
        <YAxis type="category" dataKey="label" width={112} tick={tick} stroke={GRID} />
        <Bar dataKey="value" fill="var(--chart-bar)" isAnimationActive={false} maxBarSize={28}>
          <LabelList dataKey="value" position="right" fill={TEXT} fontSize={12} formatter={unit ? (v) => `${v} ${unit}` : undefined} />
        </Bar>
      </BarChart>
    </ChartBox>
  );
}

export type OutcomeRow = { label: string } & Record<Outcome, number>;

export function StackedOutcomes({ rows, outcomes, labels }: { rows: OutcomeRow[]; outcomes: readonly Outcome[]; labels: Record<Outcome, string> }) {
  return (
    <ChartBox height={rows.length * 48 + 70}>
      <BarChart
        data={rows}
        layout="vertical"
        responsive
        accessibilityLayer={false}
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={tick} stroke={GRID} />
        <YAxis type="category" dataKey="label" width={72} tick={tick} stroke={GRID} />
        <Legend
          // In the table's order, not alphabetical.
          itemSorter={(item) => outcomes.indexOf(item.dataKey as Outcome)}
          formatter={(value: string) => <span style={{ color: TEXT }}>{value}</span>}
        />
        {outcomes.map((o) => (
          <Bar key={o} dataKey={o} name={labels[o]} stackId="outcomes" fill={OUTCOME_COLOURS[o]} isAnimationActive={false} maxBarSize={32} />
        ))}
      </BarChart>
    </ChartBox>
  );
}
