import "server-only";
import { and, eq, inArray, lte, max, sql } from "drizzle-orm";
import { inList } from "@/db/dialect";
import type { Db } from "@/db/open";
import { applications, events, rounds, type EventKind } from "@/db/schema";

/** What the company sent: the user's own follow-ups and requests are contact, but not hearing back. */
const FROM_THEM: EventKind[] = ["response_received", "feedback_received", "offer_received", "rejection_received"];

/**
 * Per application: `at`, its last contact either way (an event or a round
 * that has started); `heardAt`, the last time the company was heard from
 * (a round or one of their replies); `appliedOn`, a calendar date with no
 * time zone, for when neither exists.
 */
export type LastContact = { applicationId: string; at: Date | null; heardAt: Date | null; appliedOn: string | null };

const later = (a: Date | null, b: Date | null) => (a && b ? (a.getTime() >= b.getTime() ? a : b) : (a ?? b));

/** Scoped to the user: another user's ids find nothing. */
export async function lastContacts(
  db: Db,
  { userId, applicationIds, now }: { userId: string; applicationIds: readonly string[]; now: Date },
): Promise<LastContact[]> {
  // Each a subquery on its (user, application) index, one row per application: no join multiplies them.
  const lastEvent = (kinds?: EventKind[]) =>
    sql<Date | null>`${db
      .select({ at: max(events.occurredAt) })
      .from(events)
      .where(and(eq(events.userId, userId), eq(events.applicationId, applications.id), kinds ? inArray(events.kind, kinds) : undefined))}`.mapWith(
      events.occurredAt,
    );
  const lastRound = sql<Date | null>`${db
    .select({ at: max(rounds.scheduledAt) })
    .from(rounds)
    .where(and(eq(rounds.userId, userId), eq(rounds.applicationId, applications.id), lte(rounds.scheduledAt, now)))}`.mapWith(rounds.scheduledAt);
  const rows = await db
    .select({
      applicationId: applications.id,
      appliedOn: applications.appliedOn,
      lastEvent: lastEvent(),
      lastReply: lastEvent(FROM_THEM),
      lastRound,
    })
    .from(applications)
    // One JSON parameter whatever the number of ids: clear of SQLite's variable limit.
    .where(and(eq(applications.userId, userId), inList(applications.id, applicationIds)));
  return rows.map((r) => ({
    applicationId: r.applicationId,
    at: later(r.lastEvent, r.lastRound),
    heardAt: later(r.lastReply, r.lastRound),
    appliedOn: r.appliedOn,
  }));
}
