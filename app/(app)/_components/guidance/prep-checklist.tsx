import { span } from "@/lib/guidance/phrases";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { Due } from "./step-card";
import { SourceLine } from "./source-line";
import { StepActions } from "./step-actions";

type Props = {
  roundId: string;
  /** When the round starts, if known. */
  roundAt: Date | null;
  steps: Recommendation[];
  now: Date;
  dates: DateStyle;
  /** Inside a block on the dashboard (h4), or on the application page (h3). */
  variant?: "page" | "dashboard";
  priorityLabel?: string;
  /** The item's heading; by default "Prepare for the interview on Thu 26 Nov, 10:00". */
  title?: string;
  /** Said in place of the checklist when the round has no preparation steps open. */
  empty?: React.ReactNode;
};

/**
 * A round's preparation as one item: a checklist whose lines are its
 * preparation steps, each with its due time, why, where it comes from, and
 * its own Done. The item is due when its earliest line is.
 */
export function PrepChecklist({ roundId, roundAt, steps, now, dates, variant = "dashboard", priorityLabel, title, empty }: Props) {
  const Heading = variant === "dashboard" ? "h4" : "h3";
  const LineHeading = variant === "dashboard" ? "h5" : "h4";
  const f = formatsFor(dates);
  const first = steps.length ? steps.reduce((a, s) => ((s.dueAt?.getTime() ?? Infinity) < (a.dueAt?.getTime() ?? Infinity) ? s : a)) : null;
  const headingId = `prep-${roundId}-${variant}`;
  const frame = variant === "dashboard" ? "py-3 first:pt-1 last:pb-0" : "card scroll-mt-4 border-l-4 border-l-brand-600 p-4 dark:border-l-brand-300";
  return (
    <li className={frame} data-testid="prep-item" id={variant === "page" ? `prep-${roundId}` : undefined} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <Heading id={headingId} className="font-semibold">
          {title ?? `Prepare for the interview${roundAt ? ` on ${f.shortDate(roundAt)}, ${f.time(roundAt)}` : ""}`}
        </Heading>
        {priorityLabel ? <span className="text-xs text-slate-600 dark:text-slate-400">{priorityLabel}</span> : null}
      </div>
      {first ? <Due step={first} now={now} dates={dates} /> : null}
      {roundAt && roundAt > now ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The interview is in {span(now, roundAt)}.{steps.length ? ` ${steps.length === 1 ? "One thing" : `${steps.length} things`} to do before it:` : ""}
        </p>
      ) : null}
      {steps.length ? null : empty}
      <ul className={steps.length ? "mt-2 space-y-2" : "hidden"} aria-label="Preparation checklist">
        {steps.map((step) => (
          <li key={step.key} className="rounded-md border border-slate-200 p-2 dark:border-slate-700" data-testid="step" data-rule={step.ruleId} data-kind={step.kind}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0 flex-1">
                <LineHeading className="font-medium">{step.title}</LineHeading>
                <p className="text-sm text-slate-800 dark:text-slate-200">{step.detail}</p>
                {step.dueAt ? <p className="text-xs text-slate-600 dark:text-slate-400">By {f.dateTime(step.dueAt)}</p> : null}
              </div>
              <StepActions applicationId={step.applicationId} stepKey={step.key} title={step.title} mode="done" className="" />
            </div>
            <details className="mt-1 text-xs text-slate-700 dark:text-slate-300">
              <summary className="cursor-pointer text-brand-700 underline underline-offset-2 dark:text-brand-300">Why</summary>
              <p data-testid="reasons">{step.reasons.join(" ")}</p>
            </details>
            <SourceLine source={step.source} />
          </li>
        ))}
      </ul>
    </li>
  );
}
