import type { Recommendation } from "@/lib/guidance/recommendation";
import type { StandingSummary } from "@/lib/guidance/summary";
import { SourceLine } from "./source-line";
import { StepActions } from "./step-actions";

/**
 * Where the user stands after a later round, never more than "closer". The
 * signals themselves are shown once, on their round in the timeline; this
 * counts them and links there. When `read-the-signals` fired, its advice is
 * said here (not in a card of its own) and "Got it" puts it away.
 */
export function StandingSummaryCard({ summary, advice }: { summary: StandingSummary; advice?: Recommendation }) {
  const counted =
    summary.count === 0
      ? `You logged none of the ${summary.total} positive signs in your ${summary.roundLabel}. That is common and decides nothing either way.`
      : `You logged ${summary.count} of the ${summary.total} positive signs in your ${summary.roundLabel}. Good signs, not a promise: only an offer is an offer.`;
  return (
    <div className="card border-brand-100 bg-brand-50 p-4 dark:border-brand-900 dark:bg-brand-950" data-testid="standing-summary" data-rule={advice?.ruleId}>
      <p className="font-semibold text-brand-800 dark:text-brand-300">{summary.headline}</p>
      <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">
        {counted}
        {summary.count ? (
          <>
            {" "}
            <a href={`#round-${summary.roundId}-title`} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
              See them on the round
            </a>
          </>
        ) : null}
      </p>
      {advice ? <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">{advice.detail}</p> : null}
      {advice ? (
        <SourceLine source={advice.source} />
      ) : (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">From “Signs You Might Be Getting the Job” and “Conclusion”.</p>
      )}
      {advice ? <StepActions applicationId={advice.applicationId} stepKey={advice.key} title={advice.title} mode="got-it" /> : null}
    </div>
  );
}
