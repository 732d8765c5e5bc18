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

type Overview = Pick<GuidanceOverview, "queue" | "checkIns">;
/** The answers depend on the overview, the zone and which day `now` is in: kept per cached overview, a new day or zone replaces them. */
type Held = { key: string; next: ReadonlyMap<string, NextStep>; todos?: ReadonlyMap<string, number>; ranks?: ReadonlyMap<string, number> };
const held = new WeakMap<Overview, Held>();

function heldFor(overview: Overview, now: Date, zone: string): Held {
  const key = `${zone}|${dayStart(now, zone, 1).getTime()}`;
  let h = held.get(overview);
  if (h?.key !== key) held.set(overview, (h = { key, next: computeNextSteps(overview, now, zone) }));
  return h;
}

/**
 * Each application's next step: its first to-do in `nextStepOrder`, else,
 * with nothing to do, its next check-in. One pass over the queue, the walk
 * the board, list and feed already made to find a first step; made once a
 * day per cached overview (thousands of comparisons at 5,000 applications).
 */
export function nextSteps(overview: Overview, now: Date, zone: string): ReadonlyMap<string, NextStep> {
  return heldFor(overview, now, zone).next;
}

/** How many to-dos each application has. */
export function todoCounts(overview: Overview, now: Date, zone: string): ReadonlyMap<string, number> {
  const h = heldFor(overview, now, zone);
  if (!h.todos) {
    const todos = new Map<string, number>();
    for (const s of overview.queue) if (s.kind === "todo") todos.set(s.applicationId, (todos.get(s.applicationId) ?? 0) + 1);
    h.todos = todos;
  }
  return h.todos;
}

/** Each application's place when sorted by next step: to-dos in next-step order, then check-ins, soonest first. */
export function nextStepRanks(overview: Overview, now: Date, zone: string): ReadonlyMap<string, number> {
  const h = heldFor(overview, now, zone);
  if (!h.ranks) {
    const order = nextStepOrder(now, zone);
    const entries = [...h.next];
    entries.sort(([, a], [, b]) => {
      if (a.type !== b.type) return a.type === "step" ? -1 : 1;
      if (a.type === "step" && b.type === "step") return order(a.step, b.step);
      return a.type === "check-in" && b.type === "check-in" ? a.checkIn.dueAt.getTime() - b.checkIn.dueAt.getTime() : 0;
    });
    h.ranks = new Map(entries.map(([id], i) => [id, i]));
  }
  return h.ranks;
}

function computeNextSteps(overview: Overview, now: Date, zone: string): Map<string, NextStep> {
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
