import type { CheckInItem, GuidanceOverview, QueueItem } from "./overview";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";
import { DAY, HOUR } from "@/lib/guidance/facts";
import { addDaysToDate, localDate, startOfDate } from "@/lib/time/zoned";
import { byTime, planSteps } from "./step-plan";
import { weekendFor } from "./importance";
import { groupMoveOn } from "./move-on-group";

// What the dashboard shows, worked out from the user's guidance and their
// next interviews: a pure function of them, `now` and the user's zone, so
// the split between Today and Coming up can be tested exactly.

/** Interviews this close lead Today; later ones are Coming up. */
export const TODAY_INTERVIEW_HOURS = 48;
/** Coming up reaches to the end of the seventh day after today. */
export const COMING_UP_DAYS = 7;

type OfApplication = { applicationId: string; company: string; roleTitle: string };

/** One application's to-dos that are overdue or due today, most urgent first. */
export type TodayBlock = OfApplication & {
  steps: QueueItem[];
  overdue: number;
  /** When each of its steps turns truly late (importance.ts lateFrom), soonest first, without the never-late: counting the late is a comparison, not a walk. */
  lateFrom: number[];
};

export type ComingUpEntry =
  | { type: "interview"; at: Date; interview: UpcomingInterview }
  | { type: "step"; at: Date; step: QueueItem }
  | { type: "check-in"; at: Date; checkIn: CheckInItem };

export type AdviceCount = OfApplication & { count: number };

export type DashboardPlan = {
  /** Interviews starting within the next 48 hours, soonest first. */
  interviews: UpcomingInterview[];
  /** One block per application with something to do today, the most urgent block first. */
  blocks: TodayBlock[];
  /** How many interviews start within the 48 hours: more than `interviews` holds when it was given only the first. */
  interviewCount: number;
  /** Later interviews, dated steps and check-ins up to the end of the seventh day, soonest first. */
  comingUp: ComingUpEntry[];
  /** How many entries Coming up has: more than `comingUp` holds when only the first later interviews were given. */
  comingUpCount: number;
  /** Advice (nothing to do by a time), counted per application, most first. */
  advice: { total: number; applications: AdviceCount[] };
  /** Applications waiting on a decision after an interview, in queue order: "keep searching" names them once. */
  waiting: OfApplication[];
  /** Every move-on step, taken out of Today and Coming up to be one item (move-on-group.ts). */
  moveOn: QueueItem[];
  /** Where Today ends and Coming up's window ends, in the user's zone. */
  endOfToday: Date;
  endOfComingUp: Date;
};

/** The instant the calendar day `days` after today (in `zone`) begins. */
export function dayStart(now: Date, zone: string, days: number): Date {
  const date = addDaysToDate(localDate(now, zone), days);
  return startOfDate(date, zone) ?? new Date(now.getTime() + days * DAY);
}

/**
 * The two windows of interviews the plan splits: up to `soonUntil`
 * (inclusive) they lead Today, after it and before `comingUpEnd` they are
 * Coming up. A page that shows only the first few of each reads just those,
 * and how many there are (planDashboard's `interviewTotals`).
 */
export function interviewWindows(now: Date, timeZone: string): { soonUntil: Date; comingUpEnd: Date } {
  return { soonUntil: new Date(now.getTime() + TODAY_INTERVIEW_HOURS * HOUR), comingUpEnd: dayStart(now, timeZone, COMING_UP_DAYS + 1) };
}

/** The plan: the step part (step-plan.ts, kept per cached overview and day) with the interviews merged in. */
export function planDashboard({
  overview,
  interviews,
  interviewTotals,
  now,
  timeZone,
  locale,
}: {
  overview: GuidanceOverview;
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
  const { plan: steps, moveOn } = groupMoveOn(planSteps(overview, { day: `${timeZone}|${locale}|${localDate(now, timeZone)}`, zone: timeZone, weekend: weekendFor(locale), endOfToday, endOfComingUp: dayStart(now, timeZone, COMING_UP_DAYS + 1) }));
  const interviewCutoff = now.getTime() + TODAY_INTERVIEW_HOURS * HOUR;
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
