import type { DataVersions } from "@/lib/data/guidance-cache";
import { lateCount } from "@/lib/dashboard/today";
import { localDate } from "@/lib/time/zoned";
import { dueWords } from "../_components/guidance/step-card";
import { interviewIn } from "../_components/guidance/prep-checklist";
import type { DashboardBodyProps } from "../_components/today/dashboard-body";
import { daysSilent } from "../_components/today/move-on-section";
import { shownBlocks } from "../_components/today/today-section";
import { renderKey } from "./render-key";

export type DashboardKeyInputs = DashboardBodyProps & {
  userId: string;
  /** The user's data versions the plan was read at: any write to what the dashboard shows changes them (triggers). */
  versions: DataVersions;
  /** The guidance engine's next change instant for the overview the plan came from (a step falling due, a snooze ending). */
  changesAt: number;
};

/**
 * Everything the body says that moves with the clock alone, at `now`: the
 * day in the user's zone (the date in Today's heading, "Today"/"Tomorrow"
 * labels), how many steps are late, each shown step's due words and the time
 * until its round, and each move-on application's days of silence. Two
 * instants with the same words render the same body: each part is the very
 * function the components call.
 */
export function clockWords({ plan, contacts, todayPage, now, dates }: Pick<DashboardKeyInputs, "plan" | "contacts" | "todayPage" | "now" | "dates">) {
  const { shown } = shownBlocks(plan.blocks, todayPage);
  return {
    day: localDate(now, dates.zone),
    // Today's heading says the total; each shown block says its own.
    late: plan.blocks.reduce((n, b) => n + lateCount(b, now), 0),
    shownLate: shown.map((b) => lateCount(b, now)),
    due: shown.map((b) => b.steps.map((s) => [dueWords(s, now, dates), interviewIn(s.roundAt, now)])),
    silent: plan.moveOn.map((s) => daysSilent(contacts.get(s.applicationId), now)),
  };
}

/**
 * The dashboard body's reuse key. Cheap next to a render: the plan is not
 * hashed whole (thousands of steps on a big account) but named by the data
 * versions (any write to what the dashboard reads changes them) and the
 * engine's next change instant; what else in it moves with the time alone is
 * listed: the interviews still ahead (an interview moves from Coming up to
 * Today 48 hours before it, which no step marks), and the words of time.
 */
export function dashboardKey(inputs: DashboardKeyInputs): string {
  const { userId, versions, changesAt, plan, people, recent, putAside, byStatus, active, todayPage, comingPage, dates, senderName } = inputs;
  return renderKey("dashboard", userId, [
    versions,
    changesAt,
    dates,
    senderName,
    todayPage,
    comingPage,
    plan.interviews.map((r) => r.roundId),
    plan.interviewCount,
    plan.comingUp.flatMap((e) => (e.type === "interview" ? [e.interview.roundId] : [])),
    plan.comingUpCount,
    plan.blocks.length,
    plan.moveOn.length,
    [...people],
    recent,
    putAside,
    byStatus,
    active,
    clockWords(inputs),
  ]);
}
