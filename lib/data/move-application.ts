import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { applications, type ApplicationStatus, type EventKind } from "@/db/schema";
import { STATUS_SETTING_EVENTS } from "@/lib/interviews/status-moves";
import { logEvent } from "./events";
import { write } from "./write";

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
export function moveApplication(db: Queryable, userId: string, id: string, target: ApplicationStatus, now: Date): MoveResult {
  return write(db, (tx): MoveResult => {
    const owned = and(eq(applications.id, id), eq(applications.userId, userId));
    const current = tx.select({ status: applications.status }).from(applications).where(owned).get();
    if (!current) return { ok: false, reason: "not-found" };
    if (current.status === target) return { ok: true, status: target, logged: null };
    const kind = EVENT_FOR_STATUS[target];
    if (kind) {
      const logged = logEvent(tx, userId, id, { kind, occurredAt: now });
      if (!logged.ok) return logged;
      return { ok: true, status: target, logged: kind };
    }
    tx.update(applications).set({ status: target, updatedAt: now }).where(owned).run();
    return { ok: true, status: target, logged: null };
  });
}
