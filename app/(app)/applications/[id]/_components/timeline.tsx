import type { EventView } from "@/lib/data/events";
import type { RoundView } from "@/lib/data/rounds";
import { roundOutcomeBadges, type OutcomeBadge } from "@/lib/interviews/round-outcome";
import { buildTimeline, type TimelineEntry } from "@/lib/interviews/timeline";
import type { ApplicationStatus } from "@/lib/vocabulary";
import { EndedWithoutRounds } from "./ended-without-rounds";
import { EventEntry } from "./event-entry";
import { RoundEntry } from "./round-entry";
import type { DateStyle } from "@/lib/time/formats";
import type { AttachmentView } from "@/lib/data/document-attachments";

type Props = {
  application: { id: string; company: string; status: ApplicationStatus };
  rounds: RoundView[];
  events: EventView[];
  dates: DateStyle;
  now: Date;
  /** The documents presented at each round, by round id. */
  roundDocuments?: ReadonlyMap<string, AttachmentView[]>;
};

type EntriesProps = {
  entries: TimelineEntry<RoundView, EventView>[];
  badges: Map<string, OutcomeBadge>;
  dates: DateStyle;
  now: Date;
  roundDocuments: ReadonlyMap<string, AttachmentView[]>;
};

function Entries({ entries, badges, dates, now, roundDocuments }: EntriesProps) {
  return (
    <ol className="space-y-3" data-testid="timeline-entries">
      {entries.map((entry) =>
        entry.type === "round" ? (
          <li key={entry.round.id} id={`round-${entry.round.id}`} className="card scroll-mt-4 border-l-4 border-l-brand-600 p-4">
            <RoundEntry
              round={entry.round}
              number={entry.number}
              badge={badges.get(entry.round.id) ?? null}
              dates={dates}
              now={now}
              documents={roundDocuments.get(entry.round.id) ?? []}
            />
          </li>
        ) : (
          <li key={entry.event.id} id={`event-${entry.event.id}`} className="card scroll-mt-4 border-l-4 border-l-slate-400 p-4">
            <EventEntry event={entry.event} dates={dates} now={now} />
          </li>
        ),
      )}
    </ol>
  );
}

/** Rounds and events in one line: what's coming up, then what has happened. */
export function Timeline({ application, rounds, events, dates, now, roundDocuments = new Map() }: Props) {
  const { upcoming, past } = buildTimeline(rounds, events, now);
  const badges = roundOutcomeBadges(rounds, application, events, now);
  const endedWithoutRounds =
    application.status === "rejected" && rounds.length === 0 ? (
      <EndedWithoutRounds applicationId={application.id} company={application.company} events={events} dates={dates} now={now} />
    ) : null;
  if (endedWithoutRounds && !past.length) return endedWithoutRounds;
  if (!upcoming.length && !past.length) {
    return (
      <p className="card p-4 text-sm text-slate-700 dark:text-slate-300">
        Nothing logged yet. When an interview is booked, log it as a round above: you can tick what the interviewer
        signalled afterwards. Log follow-ups and replies as events.
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {endedWithoutRounds ?? (
        <section aria-labelledby="upcoming-heading">
          <h3 id="upcoming-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-700 dark:text-slate-300 uppercase">
            Upcoming
          </h3>
          {upcoming.length ? (
            <Entries entries={upcoming} badges={badges} dates={dates} now={now} roundDocuments={roundDocuments} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">No interviews booked.</p>
          )}
        </section>
      )}
      <section aria-labelledby="past-heading">
        <h3 id="past-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-700 dark:text-slate-300 uppercase">
          Past
        </h3>
        {past.length ? <Entries entries={past} badges={badges} dates={dates} now={now} roundDocuments={roundDocuments} /> : <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet.</p>}
      </section>
    </div>
  );
}
