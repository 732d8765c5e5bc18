import type { RoundSignal } from "@/lib/data/rounds";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { POSITIVE_INDICATORS, signalInfo } from "@/lib/interviews/catalog";

const chip = "rounded-full px-2 py-0.5 text-xs font-medium";

/** A round's signals at a glance: positive signs first, counted out of four. */
export function SignalChips({
  signals,
  custom,
  noNextSteps,
  nudge,
  dates,
}: {
  dates: DateStyle;
  signals: RoundSignal[];
  custom: string[];
  noNextSteps: boolean;
  /** Say that nothing is noted: only for a recent round (see roundPrompt); older ones are left in peace. */
  nudge: boolean;
}) {
  const indicators = signals.filter((s) => POSITIVE_INDICATORS.includes(s.signal));
  const covered = signals.filter((s) => !POSITIVE_INDICATORS.includes(s.signal));
  if (!signals.length && !custom.length && !noNextSteps) {
    return nudge ? (
      <p className="text-xs text-slate-600 dark:text-slate-400">No signals noted yet. Edit the round to tick what the interviewer showed.</p>
    ) : null;
  }
  return (
    <div className="space-y-1.5">
      <p className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Positive signs: {indicators.length} of {POSITIVE_INDICATORS.length}
      </p>
      <ul className="flex flex-wrap gap-1.5" aria-label="Signals">
        {indicators.map((s) => (
          <li key={s.signal} className={`${chip} bg-green-50 dark:bg-green-950 text-green-900 dark:text-green-200 ring-1 ring-green-200 dark:ring-green-800`}>
            ✓ {signalInfo(s.signal).label}
            {s.signal === "hiring_timeline" && s.onDate ? `: decision by ${formatsFor(dates).calendarDay(s.onDate)}` : null}
          </li>
        ))}
        {noNextSteps ? <li className={`${chip} bg-amber-50 dark:bg-amber-950 text-amber-900 dark:text-amber-200 ring-1 ring-amber-200 dark:ring-amber-800`}>No next steps given</li> : null}
        {covered.map((s) => (
          <li key={s.signal} className={`${chip} bg-slate-100 dark:bg-slate-800 text-slate-800 dark:text-slate-200`}>
            {signalInfo(s.signal).label}
          </li>
        ))}
        {custom.map((text, i) => (
          <li key={i} className={`${chip} border border-dashed border-slate-400 dark:border-slate-500 text-slate-800 dark:text-slate-200`}>
            {text}
          </li>
        ))}
      </ul>
    </div>
  );
}
