import type { StandingSummary } from "@/lib/guidance/summary";
import { POSITIVE_INDICATORS, signalInfo } from "@/lib/interviews/catalog";

/** Where the user stands after a later round: the four signs, and never more than "closer". */
export function StandingSummaryCard({ summary }: { summary: StandingSummary }) {
  const seen = new Set(summary.seen);
  return (
    <div className="card border-brand-100 dark:border-brand-900 bg-brand-50 dark:bg-brand-950 p-4" data-testid="standing-summary">
      <p className="font-semibold text-brand-800 dark:text-brand-300">{summary.headline}</p>
      <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">{summary.text}</p>
      <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" aria-label={`Positive signs in your ${summary.roundLabel}`}>
        {POSITIVE_INDICATORS.map((key) => (
          <li key={key} className={seen.has(key) ? "text-slate-900 dark:text-slate-100" : "text-slate-600 dark:text-slate-400"}>
            <span aria-hidden>{seen.has(key) ? "✓ " : "– "}</span>
            {signalInfo(key).label}
            <span className="sr-only">{seen.has(key) ? ": seen" : ": not seen"}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        From “Signs You Might Be Getting the Job” and “Conclusion”.
      </p>
    </div>
  );
}
