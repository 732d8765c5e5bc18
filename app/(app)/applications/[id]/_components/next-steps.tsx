import { StandingSummaryCard } from "@/app/(app)/_components/guidance/standing-summary";
import { StepCard } from "@/app/(app)/_components/guidance/step-card";
import { StepCountAnnouncer } from "@/app/(app)/_components/guidance/step-count-announcer";
import type { ApplicationStatus } from "@/lib/vocabulary";
import type { ApplicationGuidance } from "@/lib/data/guidance";
import { buildDraft } from "@/lib/guidance/drafts";
import { formatLongDate } from "@/lib/time/zoned";
import type { Recommendation } from "@/lib/guidance/recommendation";
import type { RoundView } from "@/lib/data/rounds";

type Props = {
  guidance: ApplicationGuidance;
  application: { company: string; roleTitle: string; status: ApplicationStatus };
  rounds: RoundView[];
  senderName: string;
  timeZone: string;
  now: Date;
};

function draftFor(step: Recommendation, props: Props) {
  const round = props.rounds.find((r) => r.id === step.roundId);
  if (!step.draft || !round) return undefined;
  const dateText = formatLongDate(round.scheduledAt, props.timeZone);
  return buildDraft({
    kind: step.draft,
    senderName: props.senderName,
    application: props.application,
    round: { kind: round.kind, signals: round.signals, interviewers: round.interviewers, dateText },
  });
}

const CLOSED_TEXT: Partial<Record<ApplicationStatus, string>> = {
  accepted: "You accepted this offer, so there is nothing left to chase here.",
  withdrawn: "You withdrew from this one, so there are no next steps.",
  ghosted: "Marked as ghosted. If they get back in touch, log their reply and the steps come back.",
};

export function NextSteps(props: Props) {
  const { guidance, timeZone, now } = props;
  return (
    <section aria-labelledby="next-steps-heading" className="space-y-3" id="next-steps">
      <h2 id="next-steps-heading" tabIndex={-1} className="text-lg font-semibold">
        Next steps
      </h2>
      <StepCountAnnouncer count={guidance.recommendations.length} headingId="next-steps-heading" />
      {guidance.summary ? <StandingSummaryCard summary={guidance.summary} /> : null}
      {guidance.recommendations.length ? (
        <ul className="space-y-3">
          {guidance.recommendations.map((step) => (
            <StepCard key={step.key} step={step} now={now} timeZone={timeZone} draft={draftFor(step, props)} />
          ))}
        </ul>
      ) : (
        <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="no-steps">
          {CLOSED_TEXT[props.application.status] ??
            "Nothing to do right now. Log each interview round and any reply below, and Shortlist will suggest what to do next."}
        </p>
      )}
    </section>
  );
}
