import type { CheckInItem, QueueItem } from "./overview";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";

// What the dashboard's plan holds: today.ts merges the interviews into it,
// step-plan.ts makes the part that comes from the steps, and both read these.

export type OfApplication = { applicationId: string; company: string; roleTitle: string };

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

const ORDER = { interview: 0, step: 1, "check-in": 2 } as const;

/** Coming up's order: by time, and at one time interviews, then steps, then check-ins. */
export const byTime = (a: ComingUpEntry, b: ComingUpEntry) => a.at.getTime() - b.at.getTime() || ORDER[a.type] - ORDER[b.type];
