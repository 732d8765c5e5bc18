import "server-only";
import { and, asc, count, eq, gt, isNull, lte, notInArray } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open";
import { applications, guidanceSteps, rounds, type RoundKind } from "@/db/schema";
import type { HandledState } from "@/lib/vocabulary";
import { fired, recommend } from "@/lib/guidance/recommend";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { DAY } from "@/lib/guidance/facts";
import { compareRecommendations } from "@/lib/guidance/queue";
import { standingSummary, type StandingSummary } from "@/lib/guidance/summary";
import { logEvent } from "./events";
import { cachedForUser } from "./guidance-cache";
import { loadGuidanceInputs } from "./guidance-inputs";
import { markThankYouSent } from "./rounds";

type GuidanceUser = { id: string; timeZone: string };

export type QueueItem = Recommendation & { company: string; roleTitle: string };

/**
 * Every open step across the user's applications, in queue order. Shared by
 * every caller until the user's data changes, a snooze ends, a step falls
 * due, or a minute passes (see guidance-cache.ts): treat it as read-only.
 */
export function guidanceQueue(db: Queryable, user: GuidanceUser, now: Date): readonly QueueItem[] {
  return cachedForUser(db, "queue", user, now, (tx) => {
    const inputs = loadGuidanceInputs(tx, user, { dashboard: true });
    const queue = inputs
      .flatMap((input) =>
        recommend(input, now).map((r) => ({ ...r, company: input.application.company, roleTitle: input.application.roleTitle })),
      )
      .sort(compareRecommendations);
    const at = now.getTime();
    let changesAt = Infinity;
    // A step is overdue once now passes its due time, and a snooze ends at
    // its end: both instants, and the one just after, are changes.
    const consider = (instant: Date | null | undefined) => {
      const t = instant?.getTime();
      if (t === undefined || t < at) return;
      const next = t > at ? t : t + 1;
      if (next < changesAt) changesAt = next;
    };
    for (const input of inputs) for (const step of input.handled) consider(step.until);
    for (const item of queue) consider(item.dueAt);
    return { value: Object.freeze(queue), changesAt };
  });
}

export type ApplicationGuidance = { recommendations: Recommendation[]; summary: StandingSummary | null };

/** The open steps and the standing summary for one of the user's applications. */
export function applicationGuidance(db: Queryable, user: GuidanceUser, applicationId: string, now: Date): ApplicationGuidance | null {
  const input = loadGuidanceInputs(db, user, { applicationId })[0];
  if (!input) return null;
  return { recommendations: recommend(input, now), summary: standingSummary(input, now) };
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
function logWhatWasDone(tx: Queryable, userId: string, step: Recommendation, now: Date): Logged | null | "refused" {
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
export function actOnStep(db: Db, user: GuidanceUser, applicationId: string, key: string, action: StepAction, now: Date): StepResult {
  return db.transaction((tx): StepResult => {
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

export type UpcomingInterview = {
  roundId: string;
  applicationId: string;
  company: string;
  roleTitle: string;
  kind: RoundKind;
  scheduledAt: Date;
};

function upcomingConditions(userId: string, now: Date, days: number) {
  const end = new Date(now.getTime() + days * DAY);
  return and(
    eq(rounds.userId, userId),
    gt(rounds.scheduledAt, now),
    lte(rounds.scheduledAt, end),
    isNull(applications.archivedAt),
    notInArray(applications.status, ["accepted", "rejected", "withdrawn"]),
  );
}

const upcomingJoin = (userId: string) => and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId));

/** The user's rounds starting within `days` of now, soonest first, on applications still open; the first `limit` of them. */
export function upcomingInterviews(db: Queryable, userId: string, now: Date, days: number, limit = -1): UpcomingInterview[] {
  return db
    .select({
      roundId: rounds.id,
      applicationId: rounds.applicationId,
      company: applications.company,
      roleTitle: applications.roleTitle,
      kind: rounds.kind,
      scheduledAt: rounds.scheduledAt,
    })
    .from(rounds)
    .innerJoin(applications, upcomingJoin(userId))
    .where(upcomingConditions(userId, now, days))
    .orderBy(asc(rounds.scheduledAt), asc(rounds.id))
    .limit(limit) // SQLite: -1 is no limit
    .all();
}

/** How many rounds upcomingInterviews would give without a limit. */
export function countUpcomingInterviews(db: Queryable, userId: string, now: Date, days: number): number {
  return (
    db.select({ n: count() }).from(rounds).innerJoin(applications, upcomingJoin(userId)).where(upcomingConditions(userId, now, days)).get()?.n ?? 0
  );
}
