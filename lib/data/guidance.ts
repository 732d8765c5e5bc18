import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/open";
import { guidanceSteps } from "@/db/schema";
import { write, type Tx } from "@/db/write";
import type { HandledState } from "@/lib/vocabulary";
import type { CheckIn } from "@/lib/guidance/check-in";
import { fired, guide, type PutAside } from "@/lib/guidance/recommend";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { standingSummary, type StandingSummary } from "@/lib/guidance/summary";
import type { GuidanceOverview, QueueItem } from "@/lib/dashboard/overview";
import { logEvent } from "./events";
import type { DataVersions } from "./guidance-cache";
import { loadGuidanceInputs, type GuidanceReader } from "./guidance-inputs";
import { cachedOverview, type KeptOverview } from "./guidance-parts";
import { markThankYouSent } from "./rounds";
import { isUsersApplication } from "./ownership";

type GuidanceUser = GuidanceReader;

export type { CheckInItem, DraftMaterial, GuidanceOverview, PutAsideItem, QueueItem } from "@/lib/dashboard/overview";

/** Who asks and when; `versions`: the user's data versions, when the request has read them already (see dataVersions). */
type OverviewQuery = { user: GuidanceUser; now: Date; versions?: DataVersions };

/**
 * The user's open steps, put-aside steps and check-ins across their
 * applications. Shared by every caller until something it shows changes:
 * a write to one application recomputes that application only, and a step
 * that time alone brings (a snooze ending, a step or check-in falling due)
 * shows at that instant (see guidance-parts.ts): treat it as read-only.
 */
export async function guidanceOverview(db: Db, { user, now, versions }: OverviewQuery): Promise<GuidanceOverview> {
  return (await cachedOverview(db, { user, now, versions })).overview;
}

/**
 * The overview, with how its last partial rebuild made it from the one
 * before (`change`): the dashboard's plan derives from the last plan with it
 * (planDashboard's `change`) instead of walking every step again.
 */
export async function dashboardGuidance(db: Db, { user, now, versions }: OverviewQuery): Promise<KeptOverview> {
  return cachedOverview(db, { user, now, versions });
}

/** Every open step across the user's applications, in queue order (see guidanceOverview). */
export async function guidanceQueue(db: Db, { user, now, versions }: OverviewQuery): Promise<readonly QueueItem[]> {
  return (await guidanceOverview(db, { user, now, versions })).queue;
}

export type ApplicationGuidance = {
  recommendations: Recommendation[];
  summary: StandingSummary | null;
  putAside: PutAside[];
  checkIn: CheckIn | null;
};

/** The open and put-aside steps, next check-in and standing summary for one of the user's applications. */
export async function applicationGuidance(
  db: Db,
  { user, applicationId, now }: { user: GuidanceUser; applicationId: string; now: Date },
): Promise<ApplicationGuidance | null> {
  const [input] = await loadGuidanceInputs(db, { user, scope: { applicationId } });
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
async function logWhatWasDone(tx: Tx, { userId, step, now }: { userId: string; step: Recommendation; now: Date }): Promise<Logged | null | "refused"> {
  if (step.ruleId === "send-thank-you" && step.roundId) {
    return (await markThankYouSent(tx, { userId, id: step.roundId, at: now })).ok ? "thank-you" : "refused";
  }
  const kind =
    step.ruleId === "follow-up-after-silence" || step.ruleId === "follow-up-on-application" ? "follow_up_sent" : step.ruleId === "request-feedback" ? "feedback_requested" : null;
  if (!kind) return null;
  if (!(await logEvent(tx, { userId, applicationId: step.applicationId, input: { kind, occurredAt: now } })).ok) return "refused";
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
export async function actOnStep(
  db: Db,
  { user, applicationId, key, action, now }: { user: GuidanceUser; applicationId: string; key: string; action: StepAction; now: Date },
): Promise<StepResult> {
  return write(db, { userId: user.id }, async (tx): Promise<StepResult> => {
    const [input] = await loadGuidanceInputs(tx, { user, scope: { applicationId } });
    if (!input) return { ok: false, reason: "not-found" };
    const step = fired(input, now, { includeHandled: true }).find((r) => r.key === key);
    if (!step) return { ok: false, reason: "gone" };
    const saved = input.handled.find((h) => h.key === key);
    // A stale tab must not turn a step put away for good into one that comes back.
    if (saved && saved.state !== "snoozed" && action.kind !== "done") return { ok: true, state: saved.state, logged: null };

    const state = stateOf(action);
    if (action.kind === "done") {
      const logged = await logWhatWasDone(tx, { userId: user.id, step, now });
      if (logged === "refused") return { ok: false, reason: "gone" };
      // The logged fact closes the step by itself; storing "done" too would
      // keep it hidden if the user later deletes that fact.
      if (logged) {
        await tx.delete(guidanceSteps).where(and(eq(guidanceSteps.userId, user.id), eq(guidanceSteps.applicationId, applicationId), eq(guidanceSteps.key, key)));
        return { ok: true, state, logged };
      }
    }
    const until = action.kind === "snooze" ? action.until : null;
    await tx
      .insert(guidanceSteps)
      .values({ userId: user.id, applicationId, key, state, until, updatedAt: now })
      .onConflictDoUpdate({ target: [guidanceSteps.applicationId, guidanceSteps.key], set: { state, until, updatedAt: now } });
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
export async function restoreStep(db: Db, { userId, applicationId, key }: { userId: string; applicationId: string; key: string }): Promise<RestoreResult> {
  return write(db, { userId }, async (tx): Promise<RestoreResult> => {
    const removed = await tx
      .delete(guidanceSteps)
      .where(
        and(
          eq(guidanceSteps.userId, userId),
          eq(guidanceSteps.applicationId, applicationId),
          eq(guidanceSteps.key, key),
          inArray(guidanceSteps.state, RESTORABLE),
        ),
      )
      .returning({ key: guidanceSteps.key });
    if (removed.length > 0) return { ok: true };
    return { ok: false, reason: (await isUsersApplication(tx, { userId, applicationId })) ? "gone" : "not-found" };
  });
}
