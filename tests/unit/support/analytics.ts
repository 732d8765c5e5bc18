import type { AnalyticsApplication, AnalyticsEvent, AnalyticsRound, AnalyticsRows, AnalyticsSignal } from "@/lib/analytics/rows";
import type { EventKind, RoundKind, SignalKey } from "@/lib/vocabulary";

// Hand-built rows for the pure analytics: times are days after T0.
export const T0 = new Date("2026-01-01T09:00:00Z");
export const DAY = 86_400_000;
export const at = (days: number) => new Date(T0.getTime() + days * DAY);

export function rowsBuilder() {
  const rows = { applications: [] as AnalyticsApplication[], rounds: [] as AnalyticsRound[], events: [] as AnalyticsEvent[], signals: [] as AnalyticsSignal[] };
  let seq = 0;
  const builder = {
    rows: rows as AnalyticsRows,
    app(over: Partial<AnalyticsApplication> = {}): string {
      const id = over.id ?? `app-${++seq}`;
      rows.applications.push({ id, status: "applied", appliedOn: null, ...over });
      return id;
    },
    /** A round starting on day `day`, an hour long, logged the day before unless told. */
    round(applicationId: string, kind: RoundKind, day: number, over: Partial<AnalyticsRound> = {}): string {
      const id = over.id ?? `round-${++seq}`;
      rows.rounds.push({ id, applicationId, kind, scheduledAt: at(day), durationMinutes: 60, loggedAt: at(day - 1), ...over });
      return id;
    },
    event(applicationId: string, kind: EventKind, day: number) {
      rows.events.push({ applicationId, kind, occurredAt: at(day) });
    },
    signals(roundId: string, ...keys: SignalKey[]) {
      for (const signal of keys) rows.signals.push({ roundId, signal });
    },
  };
  return builder;
}
