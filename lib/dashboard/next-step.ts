import type { CheckIn } from "@/lib/guidance/check-in";
import type { CheckInItem, GuidanceOverview, QueueItem } from "./overview";
import { compareByImportance, soonUntilFor } from "./importance";
import { dayStart } from "./today";

// The one answer to "what is this application's next step?": the board's
// cards, the list's column, the calendar feed and Today all read it, so they
// never disagree. Advice (a step with no due time) is never a next step.

export type NextStep = { type: "step"; step: QueueItem } | { type: "check-in"; checkIn: CheckInItem };

/**
 * The order a next step is picked by, on the day of `now` in `zone`: a
 * step on Today (overdue or due today) before any later one; among Today's,
 * the order Today's blocks use (priority, then due time); among later
 * ones, the soonest due.
 */
export function nextStepOrder(now: Date, zone: string) {
  const endOfToday = dayStart(now, zone, 1).getTime();
  const byImportance = compareByImportance(soonUntilFor(new Date(endOfToday)));
  return (a: QueueItem, b: QueueItem): number => {
    const aToday = a.dueAt!.getTime() < endOfToday;
    const bToday = b.dueAt!.getTime() < endOfToday;
    if (aToday !== bToday) return aToday ? -1 : 1;
    return aToday ? byImportance(a, b) : a.dueAt!.getTime() - b.dueAt!.getTime() || byImportance(a, b);
  };
}

/**
 * Each application's next step: its first to-do in `nextStepOrder`, else,
 * with nothing to do, its next check-in. One pass over the queue, the walk
 * the board, list and feed already made to find a first step.
 */
export function nextSteps(overview: Pick<GuidanceOverview, "queue" | "checkIns">, now: Date, zone: string): Map<string, NextStep> {
  const order = nextStepOrder(now, zone);
  const best = new Map<string, QueueItem>();
  for (const step of overview.queue) {
    if (step.kind !== "todo" || !step.dueAt) continue;
    const held = best.get(step.applicationId);
    if (!held || order(step, held) < 0) best.set(step.applicationId, step);
  }
  const out = new Map<string, NextStep>();
  for (const [id, step] of best) out.set(id, { type: "step", step });
  for (const checkIn of overview.checkIns) if (!out.has(checkIn.applicationId)) out.set(checkIn.applicationId, { type: "check-in", checkIn });
  return out;
}

/** What a check-in asks: "Follow up with Fernhill", "Send follow-up 2 on your application to Fernhill". */
export function checkInAction(checkIn: Pick<CheckIn, "ruleId" | "followUp">, company: string): string {
  const n = checkIn.followUp;
  if (checkIn.ruleId === "follow-up-on-application") return n === 1 ? `Follow up on your application to ${company}` : `Send follow-up ${n} on your application to ${company}`;
  return n === 1 ? `Follow up with ${company}` : `Send follow-up ${n} to ${company}`;
}
