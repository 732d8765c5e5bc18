import type { DataVersions } from "@/lib/data/guidance-cache";
import { lateCount } from "@/lib/dashboard/today";
import { localDate } from "@/lib/time/zoned";
import { dueWords } from "../_components/guidance/step-card";
import { interviewIn } from "../_components/guidance/prep-checklist";
import { keyOf } from "../_components/today/coming-up";
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
  return {
    day: localDate(now, dates.zone),
    late: plan.blocks.map((b) => lateCount(b, now)),
    due: shownBlocks(plan.blocks, todayPage).shown.map((b) => b.steps.map((s) => [dueWords(s, now, dates), interviewIn(s.roundAt, now)])),
    silent: plan.moveOn.map((s) => daysSilent(contacts.get(s.applicationId), now)),
  };
}

/**
 * The dashboard body's reuse key. The plan is not hashed whole (thousands of
 * steps on a big account): its steps are fixed by the data versions and the
 * engine's next change instant, and what else in it moves with the time
 * (which interviews are still ahead, Coming up's entries) is listed.
 */
export function dashboardKey(inputs: DashboardKeyInputs): string {
  const { userId, versions, changesAt, plan, people, recent, contacts, putAside, byStatus, active, todayPage, comingPage, dates, senderName } = inputs;
  return renderKey("dashboard", userId, [
    versions,
    changesAt,
    dates,
    senderName,
    todayPage,
    comingPage,
    plan.interviews.map((r) => r.roundId),
    plan.interviewCount,
    plan.comingUp.map(keyOf),
    plan.comingUpCount,
    plan.blocks.length,
    plan.moveOn.length,
    people,
    recent,
    [...contacts.values()],
    putAside,
    byStatus,
    active,
    clockWords(inputs),
  ]);
}
