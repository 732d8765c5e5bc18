import "server-only";
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write, type Tx } from "@/db/write";
import { applications, events, rounds, type AppEvent, type ApplicationStatus, type EventKind } from "@/db/schema";
import { STATUS_SETTING_EVENTS, statusAfterDeletingEvent, statusAfterEvent } from "@/lib/interviews/status-moves";
import type { EventEditInput, EventInput } from "@/lib/validation/event";
import { eventExtras } from "./offer-terms";
import { touchApplication } from "./rounds";
import { ownedApplication } from "./ownership";

export type EventView = Omit<AppEvent, "userId" | "statusBefore">;

const eventColumns = {
  id: events.id,
  applicationId: events.applicationId,
  kind: events.kind,
  occurredAt: events.occurredAt,
  note: events.note,
  saidBy: events.saidBy,
  offerBase: events.offerBase,
  offerBonus: events.offerBonus,
  offerCurrency: events.offerCurrency,
  offerEquity: events.offerEquity,
  offerStartOn: events.offerStartOn,
  offerAnswerBy: events.offerAnswerBy,
  offerNotes: events.offerNotes,
  createdAt: events.createdAt,
};

const STATUS_SETTING_KINDS = Object.keys(STATUS_SETTING_EVENTS) as EventKind[];

const ownedEvent = (userId: string, id: string) => and(eq(events.id, id), eq(events.userId, userId));

export async function listEvents(db: Db, { userId, applicationId }: { userId: string; applicationId: string }): Promise<EventView[]> {
  return await db
    .select(eventColumns)
    .from(events)
    .where(and(eq(events.userId, userId), eq(events.applicationId, applicationId)))
    .orderBy(asc(events.occurredAt), asc(events.createdAt), asc(events.id));
}

export async function getEvent(db: Db, { userId, id }: { userId: string; id: string }): Promise<EventView | undefined> {
  const [event] = await db.select(eventColumns).from(events).where(ownedEvent(userId, id)).limit(1);
  return event;
}

export type LogEventResult = { ok: true; id: string } | { ok: false; reason: "not-found" } | { ok: false; reason: "refused"; message: string };

/**
 * Logs what happened; an offer, rejection or withdrawal moves the
 * application's status in the same transaction, or the whole thing is
 * refused when the move makes no sense (a rejection on a withdrawn
 * application, say).
 */
export async function logEvent(
  db: Db,
  { userId, applicationId, input }: { userId: string; applicationId: string; input: EventInput },
): Promise<LogEventResult> {
  return write(db, { userId }, async (tx): Promise<LogEventResult> => {
    const [application] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(ownedApplication(userId, applicationId))
      .limit(1);
    if (!application) return { ok: false, reason: "not-found" };
    const move = statusAfterEvent(application.status, input.kind);
    if (!move.ok) return { ok: false, reason: "refused", message: move.message };
    const moves = move.status !== application.status;
    const [{ id }] = await tx
      .insert(events)
      .values({
        userId,
        applicationId,
        kind: input.kind,
        occurredAt: input.occurredAt,
        note: input.note ?? null,
        ...eventExtras(input.kind, input),
        statusBefore: moves ? application.status : null,
      })
      .returning({ id: events.id });
    await tx
      .update(applications)
      .set({ status: move.status, updatedAt: new Date() })
      .where(ownedApplication(userId, applicationId));
    return { ok: true, id };
  });
}

/** Time, note, and a reply's date or an offer's terms (the kind stays); returns the application id, or null when not the user's. */
export async function updateEvent(
  db: Db,
  { userId, id, input }: { userId: string; id: string; input: EventEditInput },
): Promise<string | null> {
  return write(db, { userId }, async (tx) => {
    const [current] = await tx.select({ kind: events.kind }).from(events).where(ownedEvent(userId, id)).limit(1);
    if (!current) return null;
    const [updated] = await tx
      .update(events)
      .set({ occurredAt: input.occurredAt, note: input.note ?? null, ...eventExtras(current.kind, input) })
      .where(ownedEvent(userId, id))
      .returning({ applicationId: events.applicationId });
    if (!updated) return null;
    await touchApplication(tx, { userId, applicationId: updated.applicationId });
    return updated.applicationId;
  });
}

/**
 * Deletes the event. If it was the event that set the application's current
 * status, the status goes back (see statusAfterDeletingEvent), so undoing a
 * mistaken "offer received" leaves no trace of it.
 */
export async function deleteEvent(db: Db, { userId, id }: { userId: string; id: string }): Promise<string | null> {
  return write(db, { userId }, async (tx) => {
    const [deleted] = await tx
      .delete(events)
      .where(ownedEvent(userId, id))
      .returning({ applicationId: events.applicationId, kind: events.kind, statusBefore: events.statusBefore });
    if (!deleted) return null;
    const applicationId = deleted.applicationId;
    const [application] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(ownedApplication(userId, applicationId))
      .limit(1);
    if (!application) return null;
    const ofApplication = and(eq(events.userId, userId), eq(events.applicationId, applicationId));
    // Events logged on top of this one (a withdrawal after this offer, or a
    // second offer) now stand on what came before it.
    const target = STATUS_SETTING_EVENTS[deleted.kind];
    if (target && deleted.statusBefore) {
      await tx
        .update(events)
        .set({ statusBefore: deleted.statusBefore })
        .where(
          and(
            ofApplication,
            or(eq(events.statusBefore, target), and(eq(events.kind, deleted.kind), isNull(events.statusBefore))),
          ),
        );
    }
    const [latestRemaining] = await tx
      .select({ kind: events.kind })
      .from(events)
      .where(and(ofApplication, inArray(events.kind, STATUS_SETTING_KINDS)))
      .orderBy(desc(events.occurredAt), desc(events.createdAt), desc(events.id))
      .limit(1);
    const [hasRounds] = await tx
      .select({ id: rounds.id })
      .from(rounds)
      .where(and(eq(rounds.userId, userId), eq(rounds.applicationId, applicationId)))
      .limit(1);
    const status = statusAfterDeletingEvent({
      current: application.status,
      deleted,
      latestRemaining: latestRemaining?.kind ?? null,
      hasRounds: Boolean(hasRounds),
    });
    await tx.update(applications).set({ status, updatedAt: new Date() }).where(ownedApplication(userId, applicationId));
    return applicationId;
  });
}

/**
 * Events from an import, inside the caller's transaction. Their status
 * moves were worked out with the same rules as logging (see
 * lib/import/history.ts), so each carries the status it moved from.
 */
export async function insertImportedEvents(
  tx: Tx,
  {
    userId,
    applicationId,
    list,
  }: { userId: string; applicationId: string; list: { kind: EventKind; occurredAt: Date; statusBefore: ApplicationStatus | null }[] },
): Promise<void> {
  if (list.length === 0) return;
  await tx
    .insert(events)
    .values(list.map((e) => ({ userId, applicationId, kind: e.kind, occurredAt: e.occurredAt, statusBefore: e.statusBefore })));
}
