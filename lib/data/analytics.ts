import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/open";
import { snapshot } from "@/db/write";
import { applications, events, rounds, roundSignals } from "@/db/schema";
import { analyze, type Analytics } from "@/lib/analytics/analyze";
import { outcomesByCvVersion, type CvVersionOutcome } from "@/lib/analytics/cv-versions";
import { histories, type AnalyticsRows } from "@/lib/analytics/rows";
import { roundEnd } from "@/lib/interviews/round-end";
import type { EventKind } from "@/lib/vocabulary";
import { cvAttachments } from "./document-attachments";
import { cachedForUser } from "./guidance-cache";

/** The events any figure reads; follow-ups and feedback requests are the user's own words. */
const MEASURED_EVENTS: EventKind[] = ["response_received", "feedback_received", "offer_received", "rejection_received", "withdrawn"];

/**
 * The rows the analytics read, in four queries whatever the count. Archived
 * applications are included: archiving tidies the list, it doesn't undo
 * what happened.
 */
export async function loadAnalyticsRows(db: Db, { userId }: { userId: string }): Promise<AnalyticsRows> {
  // One after another: inside a snapshot they share one connection.
  const applicationRows = await db
    .select({ id: applications.id, status: applications.status, appliedOn: applications.appliedOn })
    .from(applications)
    .where(eq(applications.userId, userId));
  const roundRows = await db
    .select({
      id: rounds.id,
      applicationId: rounds.applicationId,
      kind: rounds.kind,
      scheduledAt: rounds.scheduledAt,
      durationMinutes: rounds.durationMinutes,
      loggedAt: rounds.createdAt,
    })
    .from(rounds)
    .where(eq(rounds.userId, userId));
  const eventRows = await db
    .select({ applicationId: events.applicationId, kind: events.kind, occurredAt: events.occurredAt })
    .from(events)
    .where(and(eq(events.userId, userId), inArray(events.kind, MEASURED_EVENTS)));
  const signalRows = await db
    .select({ roundId: roundSignals.roundId, signal: roundSignals.signal })
    .from(roundSignals)
    // One range scan of the covering (user, round, signal) index. Which signals count is
    // left to the computation: an IN list here makes SQLite probe once per indicator.
    .where(eq(roundSignals.userId, userId));
  return { applications: applicationRows, rounds: roundRows, events: eventRows, signals: signalRows };
}

/**
 * When the figures computed at `now` next change with time alone: the
 * response times count a round only once it has ended, so the next round
 * end still to come. Everything else in analyze() reads only the rows.
 */
export function analyticsChangeAt(rows: AnalyticsRows, now: Date): number {
  let next = Infinity;
  for (const round of rows.rounds) {
    const end = roundEnd(round).getTime();
    if (end > now.getTime() && end < next) next = end;
  }
  return next;
}

/** Reused until the user's data changes or a round ends, like the next-step queue. */
export async function userAnalytics(db: Db, { user, now }: { user: { id: string; timeZone: string }; now: Date }): Promise<Analytics> {
  return cachedForUser(db, {
    what: "analytics",
    user,
    now,
    compute: async (tx) => {
      const rows = await loadAnalyticsRows(tx, { userId: user.id });
      return { value: analyze(rows, now), changesAt: analyticsChangeAt(rows, now) };
    },
  });
}

/**
 * Answer and interview rates per CV version sent. Read fresh, not cached
 * with the rest: the cache is keyed by the data versions the guidance
 * triggers keep, and attaching a document is not one of those writes.
 * Costs nothing more for an account that has attached no CV.
 */
export async function cvVersionOutcomes(db: Db, { userId }: { userId: string }): Promise<CvVersionOutcome[]> {
  return snapshot(db, async (read) => {
    const attached = await cvAttachments(read, { userId });
    if (attached.length === 0) return [];
    const rows = await loadAnalyticsRows(read, { userId });
    return outcomesByCvVersion(histories(rows), attached);
  });
}
