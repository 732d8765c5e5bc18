/** A chart beside the table it pictures; on narrow screens the table follows the chart. */
export function ChartAndTable({ chart, table }: { chart: React.ReactNode; table: React.ReactNode }) {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-2">
      <div className="min-w-0">{chart}</div>
      <div className="min-w-0">{table}</div>
    </div>
  );
}

export const tableClass = "w-full border-collapse text-left text-sm tabular-nums";
export const captionClass = "mb-2 text-left text-sm font-medium text-slate-800 dark:text-slate-200";
export const headClass = "border-b border-slate-300 px-2 py-1.5 font-semibold text-slate-800 dark:border-slate-600 dark:text-slate-200";
export const cellClass = "border-b border-slate-200 px-2 py-1.5 text-slate-800 dark:border-slate-700 dark:text-slate-200";

export function SmallSample() {
  return (
    <span className="ml-1 rounded whitespace-nowrap bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
      small sample
    </span>
  );
}
