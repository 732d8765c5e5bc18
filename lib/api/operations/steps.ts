import "server-only";
import { getDb } from "@/db/client";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import type { ComingUpEntry } from "@/lib/dashboard/plan";
import { actOnStep, applicationGuidance, type StepAction } from "@/lib/data/guidance";
import { loadDashboardPlan } from "@/lib/data/dashboard-plan";
import { tomorrowMorning } from "@/lib/time/tomorrow-morning";
import { ApiError, notFoundError } from "../api-error";
import type { ApiCaller } from "../authenticate";
import { checkInView, putAsideView, stepView } from "../views";

/** Today and Coming up can hold thousands of entries in a big account: the first of each, with the counts. */
export const DEFAULT_STEPS_SHOWN = 50;
export const MAX_STEPS_SHOWN = 500;

function entryView(entry: ComingUpEntry) {
  if (entry.type === "interview") return { type: entry.type, at: entry.at, interview: entry.interview };
  if (entry.type === "step") return { type: entry.type, at: entry.at, step: stepView(entry.step) };
  return { type: entry.type, at: entry.at, checkIn: checkInView(entry.checkIn) };
}

/**
 * What the dashboard shows: Today (interviews in the next 48 hours, the
 * steps due today or overdue, most urgent first, and the applications to
 * move on from) and Coming up (the next seven days), from the same plan.
 */
export async function todayOp(caller: ApiCaller, now: Date, limit = DEFAULT_STEPS_SHOWN) {
  const { plan } = await loadDashboardPlan(getDb(), { user: caller, now, soonLimit: limit, laterLimit: limit });
  const steps = plan.blocks.flatMap((block) => block.steps);
  return {
    today: {
      endsAt: plan.endOfToday,
      interviews: plan.interviews.slice(0, limit),
      interviewCount: plan.interviewCount,
      steps: steps.slice(0, limit).map(stepView),
      stepCount: steps.length,
      moveOn: plan.moveOn.slice(0, limit).map(stepView),
      moveOnCount: plan.moveOn.length,
    },
    comingUp: {
      endsAt: plan.endOfComingUp,
      entries: plan.comingUp.slice(0, limit).map(entryView),
      entryCount: plan.comingUpCount,
    },
  };
}

/** One application's open steps with their reasons and source, what was put aside, its next check-in and where it stands. */
export async function applicationStepsOp(caller: ApiCaller, applicationId: string, now: Date) {
  const guidance = await applicationGuidance(getDb(), { user: caller, applicationId, now });
  if (!guidance) {
    await noteForeignAccess(caller.id, { kind: "application", id: applicationId });
    throw notFoundError("No application with that id in your account.");
  }
  return {
    applicationId,
    steps: guidance.recommendations.map(stepView),
    putAside: guidance.putAside.map(putAsideView),
    checkIn: guidance.checkIn ? checkInView(guidance.checkIn) : null,
    summary: guidance.summary ? { headline: guidance.summary.headline, text: guidance.summary.text, seen: guidance.summary.seen, missing: guidance.summary.missing } : null,
  };
}

export type StepActionName = "done" | "dismiss" | "snooze";

/** Done, dismiss or snooze, as the step's buttons do; Done on a thank-you or follow-up logs it too. */
export async function updateStepOp(caller: ApiCaller, applicationId: string, key: string, action: { action: StepActionName; until?: Date }, now: Date) {
  let step: StepAction;
  if (action.action === "snooze") {
    const until = action.until ?? tomorrowMorning(now, caller.timeZone);
    if (until.getTime() <= now.getTime()) throw new ApiError(422, "A snooze must end in the future.", { until: "Give a time in the future." });
    step = { kind: "snooze", until };
  } else step = { kind: action.action };
  const result = await actOnStep(getDb(), { user: caller, applicationId, key, action: step, now });
  if (!result.ok && result.reason === "not-found") {
    await noteForeignAccess(caller.id, { kind: "application", id: applicationId });
    throw notFoundError("No application with that id in your account.");
  }
  if (!result.ok) throw notFoundError("That step is not open on this application (done already, or its facts changed).");
  return { applicationId, key, state: result.state, logged: result.logged };
}
