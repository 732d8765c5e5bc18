import { DECIDED_STATUSES, type ApplicationStatus, type EventKind, type RoundKind } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";

export type StatusMove = { ok: true; status: ApplicationStatus } | { ok: false; message: string };

/** Events that decide where an application stands, and the status each one sets. */
export const STATUS_SETTING_EVENTS: Partial<Record<EventKind, ApplicationStatus>> = {
  offer_received: "offer",
  rejection_received: "rejected",
  withdrawn: "withdrawn",
};

const NOT_YET_INTERVIEWING: readonly ApplicationStatus[] = ["saved", "applied", "ghosted", "screening"];

/**
 * The status an application moves to when `kind` is logged, or why it can't
 * be logged at all. Other events leave the status alone.
 */
export function statusAfterEvent(current: ApplicationStatus, kind: EventKind): StatusMove {
  const target = STATUS_SETTING_EVENTS[kind];
  if (!target) return { ok: true, status: current };
  const now = STATUS_LABELS[current];
  if (DECIDED_STATUSES.includes(current)) {
    return {
      ok: false,
      message: `This application is marked ${now}, so it can't take this event. If things changed, edit the status first.`,
    };
  }
  if (current === "saved" && target !== "withdrawn") {
    return {
      ok: false,
      message: "This application is only saved, not applied to. Mark it applied first, then log what the company said.",
    };
  }
  return { ok: true, status: target };
}

/**
 * Logging an interview means the process has started: a saved, applied or
 * ghosted application moves on to screening or interviewing. Later stages
 * and closed applications keep their status.
 */
export function statusAfterRound(current: ApplicationStatus, kind: RoundKind): ApplicationStatus {
  const stage: ApplicationStatus = kind === "screen" ? "screening" : "interviewing";
  return NOT_YET_INTERVIEWING.includes(current) ? stage : current;
}

/**
 * The status after deleting an event. Only an event that set the current
 * status changes it: to what the latest remaining offer, rejection or
 * withdrawal says, or else back to where it was before, never to a status
 * that no event supports any more.
 */
export function statusAfterDeletingEvent(args: {
  current: ApplicationStatus;
  deleted: { kind: EventKind; statusBefore: ApplicationStatus | null };
  latestRemaining: EventKind | null;
  hasRounds: boolean;
}): ApplicationStatus {
  const { current, deleted, latestRemaining, hasRounds } = args;
  if (STATUS_SETTING_EVENTS[deleted.kind] !== current) return current;
  const stillSet = latestRemaining ? STATUS_SETTING_EVENTS[latestRemaining] : undefined;
  if (stillSet) return stillSet;
  const before = deleted.statusBefore;
  const eventSet = Object.values(STATUS_SETTING_EVENTS);
  if (before && !eventSet.includes(before)) return before;
  return hasRounds ? "interviewing" : "applied";
}
