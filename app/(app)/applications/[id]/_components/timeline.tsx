import type { EventView } from "@/lib/data/events";
import type { RoundView } from "@/lib/data/rounds";
import { buildTimeline, type TimelineEntry } from "@/lib/interviews/timeline";
import { EventEntry } from "./event-entry";
import { RoundEntry } from "./round-entry";
import type { DateStyle } from "@/lib/time/formats";

type Props = { rounds: RoundView[]; events: EventView[]; dates: DateStyle; now: Date };

function Entries({ entries, dates, now }: { entries: TimelineEntry<RoundView, EventView>[]; dates: DateStyle; now: Date }) {
  return (
    <ol className="space-y-3" data-testid="timeline-entries">
      {entries.map((entry) =>
        entry.type === "round" ? (
          <li key={entry.round.id} id={`round-${entry.round.id}`} className="card scroll-mt-4 border-l-4 border-l-brand-600 p-4">
            <RoundEntry round={entry.round} number={entry.number} dates={dates} now={now} />
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
export function Timeline({ rounds, events, dates, now }: Props) {
  const { upcoming, past } = buildTimeline(rounds, events, now);
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
      <section aria-labelledby="upcoming-heading">
        <h3 id="upcoming-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-700 dark:text-slate-300 uppercase">
          Upcoming
        </h3>
        {upcoming.length ? (
          <Entries entries={upcoming} dates={dates} now={now} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No interviews booked.</p>
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h3 id="past-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-700 dark:text-slate-300 uppercase">
          Past
        </h3>
        {past.length ? <Entries entries={past} dates={dates} now={now} /> : <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet.</p>}
      </section>
    </div>
  );
}
