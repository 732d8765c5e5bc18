/**
 * A chart beside the table it pictures; on narrow screens the table follows
 * the chart. The table gets the larger share: a chart scales down, a table's
 * columns don't (at 1366 px an even split cut off the outcomes' Total).
 */
export function ChartAndTable({ chart, table }: { chart: React.ReactNode; table: React.ReactNode }) {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="min-w-0">{chart}</div>
      <div className="min-w-0">{table}</div>
    </div>
  );
}

export const tableClass = "w-full border-collapse text-left text-xs tabular-nums sm:text-sm";
export const captionClass = "mb-2 text-left text-sm font-medium text-slate-800 dark:text-slate-200";
export const headClass = "border-b border-slate-300 px-1.5 py-1.5 align-bottom font-semibold sm:px-2 text-slate-800 dark:border-slate-600 dark:text-slate-200";
export const cellClass = "border-b border-slate-200 px-1.5 py-1.5 text-slate-800 sm:px-2 dark:border-slate-700 dark:text-slate-200";

export function SmallSample() {
  return (
    // inline-block: in a narrow column the whole badge goes under the number instead of widening the table.
    <span className="ml-1 inline-block rounded whitespace-nowrap bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
      small sample
    </span>
  );
}
