import { ROUND_OUTCOME_LABELS } from "./catalog";
import type { ApplicationStatus, EventKind, RoundOutcome } from "@/lib/vocabulary";

// What a round's badge says. The stored outcome is shown as it is; only a
// round left at "Waiting to hear" in an application that has ended or has an
// offer is worded from how it ended, since nobody is waiting any more. The
// stored outcome is not rewritten: the user never said how the round itself
// went, and an edit of the round should still show what they chose.

export type OutcomeTone = RoundOutcome;
export type OutcomeBadge = { label: string; tone: OutcomeTone; inferred: boolean };

type RoundLike = { id: string; scheduledAt: Date; outcome: RoundOutcome };
type EventLike = { kind: EventKind; occurredAt: Date };

/** How an ended application's last round reads when its own outcome was never set. */
type Ending = { label: string; tone: OutcomeTone; event?: EventKind; earlier?: { label: string; tone: OutcomeTone } };
/** A round before the one that led to an offer moved the candidate on: nothing else gets you to an offer. */
const MOVED_ON = { label: ROUND_OUTCOME_LABELS.advanced, tone: "advanced" } as const;
const ENDED_AFTER: Partial<Record<ApplicationStatus, Ending>> = {
  rejected: { label: "Rejected after this round", tone: "rejected", event: "rejection_received" },
  withdrawn: { label: "You withdrew after this round", tone: "pending", event: "withdrawn" },
  ghosted: { label: "No answer after this round", tone: "pending" },
  // Nobody waits to hear after an offer: the round it followed led to it.
  offer: { label: "Offer after this round", tone: "offer", event: "offer_received", earlier: MOVED_ON },
  accepted: { label: "Offer after this round", tone: "offer", event: "offer_received", earlier: MOVED_ON },
};

export const NO_OUTCOME_LOGGED = "No outcome logged";

/**
 * The badge of each round that has started (`scheduledAt <= now`); rounds
 * still to come have none. In a rejected, withdrawn or ghosted application
 * the last round before the end (the latest rejection or withdrawal event,
 * else now) reads as what came after it, and earlier unset rounds read
 * "No outcome logged" rather than "Waiting to hear".
 */
export function roundOutcomeBadges(
  rounds: readonly RoundLike[],
  application: { status: ApplicationStatus },
  events: readonly EventLike[],
  now: Date,
): Map<string, OutcomeBadge> {
  const started = rounds.filter((r) => r.scheduledAt <= now);
  const badges = new Map<string, OutcomeBadge>();
  const ended = ENDED_AFTER[application.status];
  const endedAt = ended?.event ? latest(events.filter((e) => e.kind === ended.event).map((e) => e.occurredAt)) : null;
  const beforeEnd = started.filter((r) => !endedAt || r.scheduledAt <= endedAt);
  // A rejection logged before the round it followed (a typo in a date) still ends the last round.
  const last = latestRound(beforeEnd.length ? beforeEnd : started);
  for (const round of started) {
    if (round.outcome !== "pending" || !ended) {
      badges.set(round.id, { label: ROUND_OUTCOME_LABELS[round.outcome], tone: round.outcome, inferred: false });
    } else if (round.id === last?.id) {
      badges.set(round.id, { label: ended.label, tone: ended.tone, inferred: true });
    } else {
      const before = ended.earlier && last && round.scheduledAt < last.scheduledAt;
      badges.set(round.id, { ...(before ? ended.earlier! : { label: NO_OUTCOME_LOGGED, tone: "pending" as const }), inferred: true });
    }
  }
  return badges;
}

function latest(dates: Date[]): Date | null {
  return dates.reduce<Date | null>((a, d) => (!a || d > a ? d : a), null);
}

function latestRound<R extends RoundLike>(rounds: R[]): R | undefined {
  return rounds.reduce<R | undefined>((a, r) => (!a || r.scheduledAt > a.scheduledAt ? r : a), undefined);
}
