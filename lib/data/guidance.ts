import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open";
import { applications, guidanceSteps } from "@/db/schema";
import type { HandledState } from "@/lib/vocabulary";
import type { CheckIn } from "@/lib/guidance/check-in";
import { fired, guide, type PutAside } from "@/lib/guidance/recommend";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { standingSummary, type StandingSummary } from "@/lib/guidance/summary";
import type { GuidanceOverview, QueueItem } from "@/lib/dashboard/overview";
import { logEvent } from "./events";
import { loadGuidanceInputs, type GuidanceReader } from "./guidance-inputs";
import { cachedOverview } from "./guidance-parts";
import { markThankYouSent } from "./rounds";
import { write, type WriteTx } from "./write";

type GuidanceUser = GuidanceReader;

export type { CheckInItem, DraftMaterial, GuidanceOverview, PutAsideItem, QueueItem } from "@/lib/dashboard/overview";

/**
 * The user's open steps, put-aside steps and check-ins across their
 * applications. Shared by every caller until something it shows changes:
 * a write to one application recomputes that application only, and a step
 * that time alone brings (a snooze ending, a step or check-in falling due)
 * shows at that instant (see guidance-parts.ts): treat it as read-only.
 */
export function guidanceOverview(db: Queryable, user: GuidanceUser, now: Date): GuidanceOverview {
  return cachedOverview(db, user, now);
}

/** Every open step across the user's applications, in queue order (see guidanceOverview). */
export const guidanceQueue = (db: Queryable, user: GuidanceUser, now: Date): readonly QueueItem[] => guidanceOverview(db, user, now).queue;

export type ApplicationGuidance = {
  recommendations: Recommendation[];
  summary: StandingSummary | null;
  putAside: PutAside[];
  checkIn: CheckIn | null;
};

/** The open and put-aside steps, next check-in and standing summary for one of the user's applications. */
export function applicationGuidance(db: Queryable, user: GuidanceUser, applicationId: string, now: Date): ApplicationGuidance | null {
  const input = loadGuidanceInputs(db, user, { applicationId })[0];
  if (!input) return null;
  const g = guide(input, now);
  return { recommendations: g.steps, summary: standingSummary(input, now), putAside: g.putAside, checkIn: g.checkIn };
}

export type StepAction = { kind: "done" } | { kind: "dismiss" } | { kind: "snooze"; until: Date };

type Logged = "thank-you" | "follow-up" | "feedback-request";

export type StepResult =
  | { ok: true; state: HandledState; logged: Logged | null }
  /** No such application for this user: the caller answers 404. */
  | { ok: false; reason: "not-found" }
  /** The step no longer fires (done in another tab, its round has started…): nothing to do. */
  | { ok: false; reason: "gone" };

/** Done on these steps also records what the user did, as if they had logged it on the timeline. */
function logWhatWasDone(tx: WriteTx, userId: string, step: Recommendation, now: Date): Logged | null | "refused" {
  if (step.ruleId === "send-thank-you" && step.roundId) {
    return markThankYouSent(tx, userId, step.roundId, now).ok ? "thank-you" : "refused";
  }
  const kind =
    step.ruleId === "follow-up-after-silence" || step.ruleId === "follow-up-on-application" ? "follow_up_sent" : step.ruleId === "request-feedback" ? "feedback_requested" : null;
  if (!kind) return null;
  if (!logEvent(tx, userId, step.applicationId, { kind, occurredAt: now }).ok) return "refused";
  return kind === "follow_up_sent" ? "follow-up" : "feedback-request";
}

const stateOf = (action: StepAction): HandledState =>
  action.kind === "done" ? "done" : action.kind === "dismiss" ? "dismissed" : "snoozed";

/**
 * Marks a step done, dismissed or snoozed. The step is looked up by
 * recomputing the application's guidance on the server, so a client can
 * neither invent a key nor point a "done" at someone else's round: another
 * user's application gives the same answer as one that does not exist.
 */
export function actOnStep(db: Queryable, user: GuidanceUser, applicationId: string, key: string, action: StepAction, now: Date): StepResult {
  return write(db, (tx): StepResult => {
    const input = loadGuidanceInputs(tx, user, { applicationId })[0];
    if (!input) return { ok: false, reason: "not-found" };
    const step = fired(input, now, { includeHandled: true }).find((r) => r.key === key);
    if (!step) return { ok: false, reason: "gone" };
    const saved = input.handled.find((h) => h.key === key);
    // A stale tab must not turn a step put away for good into one that comes back.
    if (saved && saved.state !== "snoozed" && action.kind !== "done") return { ok: true, state: saved.state, logged: null };

    const state = stateOf(action);
    if (action.kind === "done") {
      const logged = logWhatWasDone(tx, user.id, step, now);
      if (logged === "refused") return { ok: false, reason: "gone" };
      // The logged fact closes the step by itself; storing "done" too would
      // keep it hidden if the user later deletes that fact.
      if (logged) {
        tx.delete(guidanceSteps).where(and(eq(guidanceSteps.userId, user.id), eq(guidanceSteps.applicationId, applicationId), eq(guidanceSteps.key, key))).run();
        return { ok: true, state, logged };
      }
    }
    const until = action.kind === "snooze" ? action.until : null;
    tx.insert(guidanceSteps)
      .values({ userId: user.id, applicationId, key, state, until, updatedAt: now })
      .onConflictDoUpdate({ target: [guidanceSteps.applicationId, guidanceSteps.key], set: { state, until, updatedAt: now } })
      .run();
    return { ok: true, state, logged: null };
  });
}

/** Snoozed and dismissed are put aside; done is not (Done may have logged the fact that closes the step). */
const RESTORABLE: HandledState[] = ["snoozed", "dismissed"];

export type RestoreResult =
  | { ok: true }
  /** No such application for this user: the caller answers 404. */
  | { ok: false; reason: "not-found" }
  /** The user's own step is not put aside (any more): restored or done in another tab. */
  | { ok: false; reason: "gone" };

/**
 * Brings a snoozed or dismissed step back into the user's steps. Scoped by
 * the user: another user's application changes nothing and answers
 * not-found, exactly like a missing one.
 */
export function restoreStep(db: Db, { userId, applicationId, key }: { userId: string; applicationId: string; key: string }): RestoreResult {
  return write(db, (tx): RestoreResult => {
    const removed = tx
      .delete(guidanceSteps)
      .where(
        and(
          eq(guidanceSteps.userId, userId),
          eq(guidanceSteps.applicationId, applicationId),
          eq(guidanceSteps.key, key),
          inArray(guidanceSteps.state, RESTORABLE),
        ),
      )
      .run();
    if (removed.changes > 0) return { ok: true };
    const owned = tx.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), eq(applications.userId, userId))).get();
    return { ok: false, reason: owned ? "gone" : "not-found" };
  });
}
