import Link from "next/link";
import type { Draft } from "@/lib/guidance/drafts";
import { span } from "@/lib/guidance/phrases";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { formatDateTime } from "@/lib/time/zoned";
import { DraftMessage } from "./draft-message";
import { MarkGhostedButton } from "./mark-ghosted-button";
import { StepActions } from "./step-actions";

const PRIORITY_LABELS = { high: "High priority", medium: "Medium priority", low: "Low priority" } as const;

const DRAFT_LABELS = {
  "thank-you": "Draft the thank-you",
  "follow-up": "Draft the follow-up",
  "application-follow-up": "Draft the follow-up",
  "feedback-request": "Draft the feedback request",
} as const;

/** What Done also writes to the timeline, said before the user clicks. */
const DONE_LOGS = {
  "send-thank-you": "Done marks the thank-you as sent now.",
  "follow-up-after-silence": "Done logs a follow-up sent now.",
  "follow-up-on-application": "Done logs a follow-up sent now.",
  "request-feedback": "Done logs a feedback request sent now.",
} as Partial<Record<Recommendation["ruleId"], string>>;

function Due({ step, now, timeZone }: { step: Recommendation; now: Date; timeZone: string }) {
  if (!step.dueAt) return null;
  const exact = formatDateTime(step.dueAt, timeZone);
  return step.overdue ? (
    <p className="text-sm font-semibold text-red-800 dark:text-red-300" data-testid="due">
      Overdue by {span(step.dueAt, now)} <span className="font-normal text-slate-600 dark:text-slate-400">(due {exact})</span>
    </p>
  ) : (
    <p className="text-sm font-medium text-slate-800 dark:text-slate-200" data-testid="due">
      Due {step.dueAt.getTime() - now.getTime() < 60_000 ? "now" : `in ${span(now, step.dueAt)}`}{" "}
      <span className="font-normal text-slate-600 dark:text-slate-400">({exact})</span>
    </p>
  );
}

export type StepCardProps = {
  step: Recommendation;
  now: Date;
  timeZone: string;
  /** On the dashboard each step names its application. */
  application?: { company: string; roleTitle: string };
  draft?: Draft;
};

export function StepCard({ step, now, timeZone, application, draft }: StepCardProps) {
  const doneNote = DONE_LOGS[step.ruleId];
  return (
    <li className={`card ${application ? "p-3 sm:p-4" : "p-4"} ${step.overdue ? "border-l-4 border-l-red-700 dark:border-l-red-400" : ""}`} data-testid="step" data-rule={step.ruleId}>
      {application ? (
        <p className="text-sm">
          <Link href={`/applications/${step.applicationId}`} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
            {application.roleTitle} at {application.company}
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="font-semibold">
          {step.title}
        </h3>
        <span className="text-xs text-slate-600 dark:text-slate-400">{PRIORITY_LABELS[step.priority]}</span>
      </div>
      <Due step={step} now={now} timeZone={timeZone} />
      {/* The dashboard lists every application's steps, so it keeps to the facts; the application page explains. */}
      {application ? (
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
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        From “{step.source.sections.join("”, “")}” in <cite>{step.source.article}</cite>
      </p>
      {draft && step.draft ? <DraftMessage draft={draft} label={DRAFT_LABELS[step.draft]} /> : null}
      {doneNote ? <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">{doneNote}</p> : null}
      {step.ruleId === "move-on-no-response" ? (
        <MarkGhostedButton applicationId={step.applicationId} from={application ? "dashboard" : "application"} title={step.title} />
      ) : null}
      <StepActions applicationId={step.applicationId} stepKey={step.key} title={step.title} />
    </li>
  );
}
