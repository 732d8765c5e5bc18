import type { ApplicationStatus, EventKind, RoundKind, SignalKey } from "@/lib/vocabulary";

// Plain rows as the data layer reads them: the computations never see the
// database, the framework or the clock.

export type AnalyticsApplication = { id: string; status: ApplicationStatus; appliedOn: string | null };
export type AnalyticsRound = {
  id: string;
  applicationId: string;
  kind: RoundKind;
  scheduledAt: Date;
  durationMinutes: number | null;
  /** When the user logged it: for a prompt logger, about when the company asked for it. */
  loggedAt: Date;
};
export type AnalyticsEvent = { applicationId: string; kind: EventKind; occurredAt: Date };
export type AnalyticsSignal = { roundId: string; signal: SignalKey };

export type AnalyticsRows = {
  applications: readonly AnalyticsApplication[];
  rounds: readonly AnalyticsRound[];
  events: readonly AnalyticsEvent[];
  signals: readonly AnalyticsSignal[];
};

/** One application with its own rounds (timeline order) and events. */
export type AppHistory = {
  application: AnalyticsApplication;
  rounds: AnalyticsRound[];
  events: AnalyticsEvent[];
};

const byTimeline = (a: AnalyticsRound, b: AnalyticsRound) =>
  a.scheduledAt.getTime() - b.scheduledAt.getTime() ||
  a.loggedAt.getTime() - b.loggedAt.getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Groups the rows by application in one pass. Rounds or events whose
 * application is not among the rows are dropped: they are not this user's
 * or not part of what is measured.
 */
export function histories(rows: Pick<AnalyticsRows, "applications" | "rounds" | "events">): AppHistory[] {
  const byId = new Map<string, AppHistory>();
  for (const application of rows.applications) byId.set(application.id, { application, rounds: [], events: [] });
  for (const round of rows.rounds) byId.get(round.applicationId)?.rounds.push(round);
  for (const event of rows.events) byId.get(event.applicationId)?.events.push(event);
  for (const history of byId.values()) history.rounds.sort(byTimeline);
  return [...byId.values()];
}

/** The catalog's kinds of later round, whatever their place in the timeline. */
const LATER_KINDS: readonly RoundKind[] = ["second", "final", "panel", "onsite"];

/** The catalog's "later round": number 2 or more in the timeline, or a later kind. */
export function isLaterRound(round: AnalyticsRound, index: number): boolean {
  return index >= 1 || LATER_KINDS.includes(round.kind);
}

/** The company made an offer: an offer was logged, or the status says so. */
export function hasOffer(history: AppHistory): boolean {
  const { status } = history.application;
  return status === "offer" || status === "accepted" || history.events.some((e) => e.kind === "offer_received");
}
