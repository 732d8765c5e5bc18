import type { GuidanceOverview, OverviewChange } from "./overview";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { addDaysToDate, localDate, startOfDate } from "@/lib/time/zoned";
import { byTime, type ComingUpEntry, type DashboardPlan, type TodayBlock } from "./plan";
import { planSteps } from "./step-plan";
import { weekendFor } from "./importance";
import { groupMoveOn } from "./move-on-group";

export type { AdviceCount, ComingUpEntry, DashboardPlan, TodayBlock } from "./plan";

// What the dashboard shows, worked out from the user's guidance and their
// next interviews: a pure function of them, `now` and the user's zone, so
// the split between Today and Coming up can be tested exactly.

/** Interviews this close lead Today; later ones are Coming up. */
export const TODAY_INTERVIEW_HOURS = 48;
/** Coming up reaches to the end of the seventh day after today. */
export const COMING_UP_DAYS = 7;

/** The instant the calendar day `days` after today (in `zone`) begins. */
export function dayStart(now: Date, zone: string, days: number): Date {
  const date = addDaysToDate(localDate(now, zone), days);
  return startOfDate(date, zone) ?? new Date(now.getTime() + days * DAY_MS);
}

/**
 * The two windows of interviews the plan splits: up to `soonUntil`
 * (inclusive) they lead Today, after it and before `comingUpEnd` they are
 * Coming up. A page that shows only the first few of each reads just those,
 * and how many there are (planDashboard's `interviewTotals`).
 */
export function interviewWindows(now: Date, timeZone: string): { soonUntil: Date; comingUpEnd: Date } {
  return { soonUntil: new Date(now.getTime() + TODAY_INTERVIEW_HOURS * HOUR_MS), comingUpEnd: dayStart(now, timeZone, COMING_UP_DAYS + 1) };
}

/** The plan: the step part (step-plan.ts, kept per overview and day) with the interviews merged in. */
export function planDashboard({
  overview,
  change,
  interviews,
  interviewTotals,
  now,
  timeZone,
  locale,
}: {
  overview: GuidanceOverview;
  /** How a partial rebuild made `overview` from the one before, if it did: the plan kept for that one is updated rather than made again. */
  change?: OverviewChange | null;
  /** The user's interviews from now to the end of Coming up, soonest first: all of them, or the first of each window. */
  interviews: readonly UpcomingInterview[];
  /** How many each window holds, when `interviews` has only the first of each (see interviewWindows). */
  interviewTotals?: { soon: number; later: number };
  now: Date;
  timeZone: string;
  /** The user's locale, whose weekend "late by more than a working day" skips; Saturday and Sunday without one. */
  locale?: string;
}): DashboardPlan {
  const endOfToday = dayStart(now, timeZone, 1);
  const { plan: steps, moveOn } = groupMoveOn(planSteps(overview, { day: `${timeZone}|${locale}|${localDate(now, timeZone)}`, zone: timeZone, weekend: weekendFor(locale), endOfToday, endOfComingUp: dayStart(now, timeZone, COMING_UP_DAYS + 1) }, change));
  const interviewCutoff = now.getTime() + TODAY_INTERVIEW_HOURS * HOUR_MS;
  const soon: UpcomingInterview[] = [];
  const later: ComingUpEntry[] = [];
  for (const interview of interviews) {
    const t = interview.scheduledAt.getTime();
    if (t <= now.getTime() || t >= steps.endOfComingUp.getTime()) continue;
    if (t <= interviewCutoff) soon.push(interview);
    else later.push({ type: "interview", at: interview.scheduledAt, interview });
  }
  later.sort(byTime);
  // Both lists are in time order: merge them rather than sort thousands again.
  const comingUp: ComingUpEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < later.length || j < steps.comingUp.length) {
    if (j >= steps.comingUp.length || (i < later.length && byTime(later[i], steps.comingUp[j]) <= 0)) comingUp.push(later[i++]);
    else comingUp.push(steps.comingUp[j++]);
  }
  return {
    ...steps,
    moveOn,
    interviews: soon,
    interviewCount: interviewTotals?.soon ?? soon.length,
    comingUp,
    comingUpCount: steps.comingUp.length + (interviewTotals?.later ?? later.length),
  };
}

/** How many of a block's steps are truly late at `now`. */
export function lateCount(block: Pick<TodayBlock, "lateFrom">, now: Date): number {
  let n = 0;
  while (n < block.lateFrom.length && block.lateFrom[n] <= now.getTime()) n++;
  return n;
}
