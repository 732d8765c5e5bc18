import type { RoundView } from "@/lib/data/rounds";
import { ROUND_FORMAT_LABELS, ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { meetingLink } from "@/lib/interviews/meeting-link";
import type { OutcomeBadge } from "@/lib/interviews/round-outcome";
import { relativeTime } from "@/lib/time/relative";
import { roundPrompt } from "@/lib/interviews/debrief";
import { roundFormValues } from "@/lib/interviews/form-values";
import type { AttachmentView } from "@/lib/data/document-attachments";
import { HowDidItGo } from "./how-did-it-go";
import { SentDocuments } from "./sent-documents";
import { RoundActions } from "./round-actions";
import { SignalChips } from "./signal-chips";
import { ThankYouButton } from "./thank-you-button";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

/** `badge`: the outcome as shown (null for a round still to come), from `roundOutcomeBadges`. */
/** `now` is the server's, read once for the page: what counts as past is decided against it. */
type Props = { round: RoundView; number: number; badge: OutcomeBadge | null; dates: DateStyle; now: Date; documents?: AttachmentView[] };

const OUTCOME_STYLES = {
  pending: "bg-slate-100 dark:bg-slate-800 text-slate-800 dark:text-slate-200",
  advanced: "bg-green-100 dark:bg-green-900 text-green-900 dark:text-green-200",
  rejected: "bg-red-100 dark:bg-red-900 text-red-900 dark:text-red-200",
  offer: "bg-emerald-100 dark:bg-emerald-900 text-emerald-900 dark:text-emerald-200",
} as const;

export function RoundEntry({ round, number, badge, dates, now, documents = [] }: Props) {
  const started = round.scheduledAt <= now;
  // Once the application has ended or has an offer, the badge already says how the round
  // ended: no outcome is left to ask about, only its signals.
  const asked = roundPrompt(round, now);
  const prompt = asked === "how-did-it-go" && badge?.inferred ? "no-signals" : asked;
  const title = `Round ${number} · ${ROUND_KIND_LABELS[round.kind]}`;
  const facts = [
    round.format ? ROUND_FORMAT_LABELS[round.format] : null,
    round.durationMinutes ? `${round.durationMinutes} min` : null,
  ].filter(Boolean);
  const location = round.location;
  const link = meetingLink(location);

  return (
    <article aria-labelledby={`round-${round.id}-title`} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`round-${round.id}-title`} className="font-semibold text-slate-900 dark:text-slate-100">
          {title}
        </h4>
        {badge ? (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_STYLES[badge.tone]}`}
            data-testid="round-outcome"
            title={badge.inferred ? "This round's own outcome wasn't logged." : undefined}
          >
            {badge.label}
          </span>
        ) : null}
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <time dateTime={round.scheduledAt.toISOString()}>{formatsFor(dates).dateTime(round.scheduledAt)}</time>{" "}
        <span className="font-medium">({relativeTime(round.scheduledAt, now)})</span>
        {facts.length ? ` · ${facts.join(" · ")}` : null}
      </p>
      {location ? (
        <p className="text-sm break-all text-slate-700 dark:text-slate-300">
          {link ? (
            <>
              {link.before}
              <a href={link.href} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 dark:text-brand-300 underline underline-offset-2">
                {link.text}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
              {link.after}
            </>
          ) : (
            location
          )}
        </p>
      ) : null}
      {round.interviewers.length ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          With{" "}
          {round.interviewers.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : null}
              <span className="font-medium">{p.name}</span>
              {p.title ? ` (${p.title})` : null}
            </span>
          ))}
        </p>
      ) : null}
      {documents.length ? <SentDocuments documents={documents} heading="Presented at this round" /> : null}
      <SignalChips dates={dates} signals={round.signals} custom={round.customSignals} noNextSteps={round.noNextSteps} nudge={prompt === "no-signals"} />
      {prompt === "how-did-it-go" ? (
        <HowDidItGo roundId={round.id} applicationId={round.applicationId} number={number} values={roundFormValues(round, dates.zone)} />
      ) : null}
      {round.prepNotes || round.notes ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 dark:text-brand-300">Notes</summary>
          {round.prepNotes ? <p dir="auto" className="mt-1 whitespace-pre-wrap text-slate-800 dark:text-slate-200"><span className="font-medium">Prep: </span>{round.prepNotes}</p> : null}
          {round.notes ? <p dir="auto" className="mt-1 whitespace-pre-wrap text-slate-800 dark:text-slate-200">{round.notes}</p> : null}
        </details>
      ) : null}
      {round.thankYouSentAt ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          <span aria-hidden>✉ </span>Thank-you sent {relativeTime(round.thankYouSentAt, now)}{" "}
          <time dateTime={round.thankYouSentAt.toISOString()} className="text-slate-600 dark:text-slate-400">
            ({formatsFor(dates).dateTime(round.thankYouSentAt)})
          </time>
        </p>
      ) : started ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-amber-800 dark:text-amber-200">No thank-you logged.</span>
          <ThankYouButton roundId={round.id} roundNumber={number} />
        </div>
      ) : null}
      <RoundActions
        applicationId={round.applicationId}
        roundId={round.id}
        number={number}
        upcoming={!started}
        deleteDescription={`${ROUND_KIND_LABELS[round.kind]} on ${formatsFor(dates).dateTime(round.scheduledAt)}, with its signals and notes, will be removed for good. The people you met stay in your contacts.`}
      />
    </article>
  );
}
