import { StandingSummaryCard } from "@/app/(app)/_components/guidance/standing-summary";
import { PRIORITY_LABELS, StepCard } from "@/app/(app)/_components/guidance/step-card";
import { StepCountAnnouncer } from "@/app/(app)/_components/guidance/step-count-announcer";
import { PutAsideList } from "@/app/(app)/_components/guidance/put-aside-list";
import { PrepChecklist } from "@/app/(app)/_components/guidance/prep-checklist";
import { draftFor } from "@/lib/dashboard/draft-for";
import type { ApplicationStatus } from "@/lib/vocabulary";
import type { ApplicationGuidance } from "@/lib/data/guidance";
import type { Recommendation } from "@/lib/guidance/recommendation";
import type { RoundView } from "@/lib/data/rounds";
import { compareByImportance, importance, soonUntilFor } from "@/lib/dashboard/importance";
import { groupPreparation } from "@/lib/dashboard/today-items";
import { dayStart } from "@/lib/dashboard/today";
import type { EventView } from "@/lib/data/events";
import { offerTermsOf } from "@/lib/data/offer-terms";
import { draftMaterial } from "@/lib/dashboard/overview";
import { checkInText } from "@/app/(app)/_components/guidance/check-in-text";
import type { DateStyle } from "@/lib/time/formats";
import type { AttachmentView } from "@/lib/data/document-attachments";
import type { SentDocumentFact } from "@/lib/guidance/drafts";
import { PrepareSoon, preparationFor, roundsSoon } from "./prepare-soon";

type Props = {
  guidance: ApplicationGuidance;
  application: { company: string; roleTitle: string; status: ApplicationStatus; appliedOn: string | null };
  rounds: RoundView[];
  events: EventView[];
  senderName: string;
  dates: DateStyle;
  now: Date;
  /** What was recorded as sent, so a draft can offer it again. */
  sent?: AttachmentView[];
};

function draftOf(step: Recommendation, props: Props) {
  const events = props.events.map((e) => ({ id: e.id, offer: offerTermsOf(e) }));
  const material = draftMaterial(step, { rounds: props.rounds, events, appliedOn: props.application.appliedOn });
  return draftFor(step, material, { senderName: props.senderName, application: props.application, dates: props.dates, sentDocument: (roundId) => sentFact(props.sent ?? [], roundId) });
}

/** The latest document attached to the round (or to the application itself, for null), as a draft names it. */
function sentFact(sent: AttachmentView[], roundId: string | null): SentDocumentFact | null {
  const latest = sent.filter((d) => d.roundId === roundId).at(-1);
  return latest ? { kind: latest.kind, fileName: latest.fileName, atRound: roundId !== null } : null;
}

const CLOSED_TEXT: Partial<Record<ApplicationStatus, string>> = {
  accepted: "You accepted this offer, so there is nothing left to chase here.",
  rejected: "They said no, so there is nothing left to chase here.",
  withdrawn: "You withdrew from this one, so there are no next steps.",
  ghosted: "Marked as ghosted. If they get back in touch, log their reply and the steps come back.",
};

/**
 * An application's guidance in three parts: what to do (the interviews of
 * the next 48 hours with their preparation, then to-dos in Today's order),
 * what this stage means (where the user stands, and advice, each said
 * once), and what they put aside.
 */
export function NextSteps(props: Props) {
  const { guidance, dates, now, rounds } = props;
  const roundAt = new Map(rounds.map((r) => [r.id, r.scheduledAt]));
  const soon = soonUntilFor(dayStart(now, dates.zone, 1));
  const ranked = guidance.recommendations
    .filter((r) => r.kind === "todo")
    .map((r) => ({ ...r, roundAt: (r.roundId && roundAt.get(r.roundId)) || null }))
    .sort(compareByImportance(soon));
  const soonRounds = roundsSoon(rounds, now);
  const inPrepare = preparationFor(soonRounds, ranked);
  const items = groupPreparation(ranked.filter((s) => !inPrepare.has(s.key)));
  // The signals are read once, in the standing summary; its rule's advice is put away with it.
  const signals = guidance.summary ? guidance.recommendations.find((r) => r.ruleId === "read-the-signals") : undefined;
  const advice = guidance.recommendations.filter((r) => r.kind === "advice" && r !== signals);
  const nextCheckIn = guidance.checkIn ? `${checkInText(guidance.checkIn, props.application.company, dates)}.` : null;
  return (
    <>
      <section aria-labelledby="next-steps-heading" className="space-y-3" id="next-steps">
        <h2 id="next-steps-heading" tabIndex={-1} className="text-lg font-semibold">
          Next steps
        </h2>
        <StepCountAnnouncer count={ranked.length} headingId="next-steps-heading" />
        {soonRounds.length || items.length ? (
          <ul className="space-y-3">
            <PrepareSoon rounds={soonRounds} todos={ranked} now={now} dates={dates} />
            {items.map((item) =>
              item.type === "preparation" ? (
                <PrepChecklist key={item.roundId} roundId={item.roundId} roundAt={item.steps[0].roundAt} steps={item.steps} now={now} dates={dates} variant="page" priorityLabel={PRIORITY_LABELS[importance(item.steps[0], soon)]} />
              ) : (
                <StepCard key={item.step.key} step={item.step} now={now} dates={dates} priority={importance(item.step, soon)} draft={draftOf(item.step, props)} />
              ),
            )}
          </ul>
        ) : (
          <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="no-steps">
            {CLOSED_TEXT[props.application.status] ??
              "Nothing to do right now. Log each interview round and any reply below, and Shortlist will suggest what to do next."}
          </p>
        )}
        {nextCheckIn ? (
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="next-check-in">
            Next check-in: {nextCheckIn}
          </p>
        ) : null}
      </section>

      {guidance.summary || advice.length ? (
        <section aria-labelledby="stage-meaning-heading" className="space-y-3" id="stage-meaning">
          <h2 id="stage-meaning-heading" className="text-lg font-semibold">
            What this stage means
          </h2>
          {guidance.summary ? <StandingSummaryCard summary={guidance.summary} advice={signals} /> : null}
          {advice.length ? (
            <ul className="space-y-3" data-testid="advice">
              {advice.map((step) => (
                <StepCard key={step.key} step={step} now={now} dates={dates} />
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {guidance.putAside.length ? (
        <section aria-labelledby="put-aside-heading" className="card space-y-2 p-4" id="put-aside">
          <h2 id="put-aside-heading" className="text-base font-semibold">
            Put aside
          </h2>
          <PutAsideList items={guidance.putAside} dates={dates} />
        </section>
      ) : null}
    </>
  );
}
