// Rounds and events on one line, split at `now`. Pure: the caller passes the time.

type RoundLike = { id: string; scheduledAt: Date; createdAt: Date };
type EventLike = { id: string; occurredAt: Date; createdAt: Date };

export type TimelineEntry<R, E> =
  | { type: "round"; at: Date; round: R; number: number }
  | { type: "event"; at: Date; event: E };

export type Timeline<R, E> = { upcoming: TimelineEntry<R, E>[]; past: TimelineEntry<R, E>[] };

const byStartThenLogged = (a: RoundLike, b: RoundLike) =>
  a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** Round numbers come from timeline order (1 = earliest), never from the user. */
export function numberRounds<R extends RoundLike>(rounds: readonly R[]): Map<string, number> {
  return new Map([...rounds].sort(byStartThenLogged).map((r, i) => [r.id, i + 1]));
}

/**
 * Upcoming rounds soonest first, then the past most recent first: each list
 * starts with what is nearest to now. At the same instant an event sorts as
 * later than a round, since it is usually what came of it.
 */
export function buildTimeline<R extends RoundLike, E extends EventLike>(
  rounds: readonly R[],
  events: readonly E[],
  now: Date,
): Timeline<R, E> {
  const numbers = numberRounds(rounds);
  const entries: TimelineEntry<R, E>[] = [
    ...rounds.map((round) => ({ type: "round" as const, at: round.scheduledAt, round, number: numbers.get(round.id) ?? 0 })),
    ...events.map((event) => ({ type: "event" as const, at: event.occurredAt, event })),
  ];
  const chronological = (a: TimelineEntry<R, E>, b: TimelineEntry<R, E>) =>
    a.at.getTime() - b.at.getTime() ||
    (a.type === b.type ? tieBreak(a, b) : a.type === "round" ? -1 : 1);
  const upcoming = entries.filter((e) => e.type === "round" && e.at > now).sort(chronological);
  const past = entries
    .filter((e) => !(e.type === "round" && e.at > now))
    .sort(chronological)
    .reverse();
  return { upcoming, past };
}

function tieBreak<R extends RoundLike, E extends EventLike>(a: TimelineEntry<R, E>, b: TimelineEntry<R, E>): number {
  const item = (e: TimelineEntry<R, E>) => (e.type === "round" ? e.round : e.event);
  const x = item(a);
  const y = item(b);
  return x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id);
}
