import "server-only";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { applications, type ApplicationStatus, type EventKind } from "@/db/schema";
import { STATUS_SETTING_EVENTS } from "@/lib/interviews/status-moves";
import { logEvent } from "./events";
import { ownedApplication } from "./ownership";

/** The event that a move to this status stands for, as if logged on the timeline. */
const EVENT_FOR_STATUS = Object.fromEntries(
  Object.entries(STATUS_SETTING_EVENTS).map(([kind, status]) => [status, kind as EventKind]),
) as Partial<Record<ApplicationStatus, EventKind>>;

export type MoveResult =
  | { ok: true; status: ApplicationStatus; logged: EventKind | null }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "refused"; message: string };

/**
 * Moves an application to another status, from the board, a menu or the
 * ghosted button. A move to offer, rejected or withdrawn logs that event
 * (which sets the status), so the timeline and the guidance see the same
 * fact the user would have logged by hand; other moves only set the status.
 */
export async function moveApplication(
  db: Db,
  { userId, id, target, now }: { userId: string; id: string; target: ApplicationStatus; now: Date },
): Promise<MoveResult> {
  return write(db, { userId }, async (tx): Promise<MoveResult> => {
    const [current] = await tx.select({ status: applications.status }).from(applications).where(ownedApplication(userId, id)).limit(1);
    if (!current) return { ok: false, reason: "not-found" };
    if (current.status === target) return { ok: true, status: target, logged: null };
    const kind = EVENT_FOR_STATUS[target];
    if (kind) {
      const logged = await logEvent(tx, { userId, applicationId: id, input: { kind, occurredAt: now } });
      if (!logged.ok) return logged;
      return { ok: true, status: target, logged: kind };
    }
    await tx.update(applications).set({ status: target, updatedAt: now }).where(ownedApplication(userId, id));
    return { ok: true, status: target, logged: null };
  });
}
