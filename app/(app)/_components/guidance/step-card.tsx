import type { Draft } from "@/lib/guidance/drafts";
import { span } from "@/lib/guidance/phrases";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { DraftMessage } from "./draft-message";
import { MarkGhostedButton } from "./mark-ghosted-button";
import { StepActions } from "./step-actions";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { MINUTE_MS } from "@/lib/time/units";
import { isLate, weekendFor } from "@/lib/dashboard/importance";
import type { Priority } from "@/lib/guidance/recommendation";
import { SourceLine } from "./source-line";
import { TONE_CLASSES } from "./step-tone";

export const PRIORITY_LABELS = { high: "High priority", medium: "Medium priority", low: "Low priority" } as const;

const DRAFT_LABELS = {
  "thank-you": "Draft the thank-you",
  "follow-up": "Draft the follow-up",
  "application-follow-up": "Draft the follow-up",
  "feedback-request": "Draft the feedback request",
  negotiation: "Draft the negotiation",
  "offer-answer": "Draft your answer",
} as const;

/** What Done also writes to the timeline, said before the user clicks. */
const DONE_LOGS = {
  "send-thank-you": "Done marks the thank-you as sent now.",
  "follow-up-after-silence": "Done logs a follow-up sent now.",
  "follow-up-on-application": "Done logs a follow-up sent now.",
  "request-feedback": "Done logs a feedback request sent now.",
} as Partial<Record<Recommendation["ruleId"], string>>;

/** When a step is due; red only when it is truly late for its kind (lib/dashboard/importance.ts). */
export function Due({ step, now, dates }: { step: Pick<Recommendation, "ruleId" | "dueAt" | "overdue">; now: Date; dates: DateStyle }) {
  if (!step.dueAt) return null;
  const exact = formatsFor(dates).dateTime(step.dueAt);
  const late = isLate(step, now, dates.zone, weekendFor(dates.locale));
  return step.overdue ? (
    <p className={`text-sm ${TONE_CLASSES[late ? "late" : "overdue"]}`} data-testid="due" data-late={late}>
      {late ? <span className="mr-1.5 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900 dark:bg-red-950 dark:text-red-200">Late</span> : null}
      Overdue by {span(step.dueAt, now)} <span className="font-normal text-slate-600 dark:text-slate-400">(due {exact})</span>
    </p>
  ) : (
    <p className="text-sm font-medium text-slate-800 dark:text-slate-200" data-testid="due">
      Due {step.dueAt.getTime() - now.getTime() < MINUTE_MS ? "now" : `in ${span(now, step.dueAt)}`}{" "}
      <span className="font-normal text-slate-600 dark:text-slate-400">({exact})</span>
    </p>
  );
}

export type StepCardProps = {
  step: Recommendation;
  now: Date;
  dates: DateStyle;
  /**
   * "dashboard": inside its application's block on the dashboard, which
   * names the application, so the step keeps to the facts; "page": on the
   * application's own page, which explains.
   */
  variant?: "page" | "dashboard";
  draft?: Draft;
  /** Its priority as Today ranks it (lib/dashboard/importance.ts), when the caller knows it. */
  priority?: Priority;
};

export function StepCard({ step, now, dates, variant = "page", draft, priority = step.priority }: StepCardProps) {
  const advice = step.kind === "advice";
  const doneNote = advice ? undefined : DONE_LOGS[step.ruleId];
  const dashboard = variant === "dashboard";
  const Heading = dashboard ? "h4" : "h3";
  const late = isLate(step, now, dates.zone, weekendFor(dates.locale));
  const frame = dashboard ? "py-3 first:pt-1 last:pb-0" : `card p-4 ${late ? "border-l-4 border-l-red-700 dark:border-l-red-400" : ""}`;
  return (
    <li className={frame} data-testid="step" data-rule={step.ruleId} data-kind={step.kind}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <Heading className="font-semibold">{step.title}</Heading>
        {advice ? null : <span className="text-xs text-slate-600 dark:text-slate-400">{PRIORITY_LABELS[priority]}</span>}
      </div>
      <Due step={step} now={now} dates={dates} />
      {/* The dashboard lists every application's steps, so it keeps to the facts; the application page explains. */}
      {dashboard ? (
        <p className="mt-1 text-sm text-slate-800 dark:text-slate-200" data-testid="reasons">
          <span className="font-medium">Why: </span>
          {step.reasons.join(" ")}
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">{step.detail}</p>
          <div className="mt-2 text-sm text-slate-800 dark:text-slate-200">
            <p className="font-medium">Because</p>
            <ul className="list-disc pl-5" data-testid="reasons">
              {step.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        </>
      )}
      <SourceLine source={step.source} />
      {draft && step.draft ? <DraftMessage draft={draft} label={DRAFT_LABELS[step.draft]} /> : null}
      {doneNote ? <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">{doneNote}</p> : null}
      {step.ruleId === "move-on-no-response" ? (
        <MarkGhostedButton applicationId={step.applicationId} from={dashboard ? "dashboard" : "application"} title={step.title} />
      ) : null}
      <StepActions applicationId={step.applicationId} stepKey={step.key} title={step.title} mode={advice ? "got-it" : "full"} />
    </li>
  );
}
