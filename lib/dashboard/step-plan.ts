import type { CheckInItem, GuidanceOverview, OverviewChange, PutAsideItem, QueueItem } from "./overview";
import { compareCheckIns, comparePutAside, replaceItems } from "./overview";
import { compareRecommendations } from "@/lib/guidance/queue";
import { byTime, type AdviceCount, type ComingUpEntry, type DashboardPlan, type OfApplication, type TodayBlock } from "./plan";
import { compareByImportance, lateFrom, soonUntilFor } from "./importance";

// The part of the dashboard's plan that comes from the steps alone. Built
// from a whole overview it walks every step of every application (56,000 at
// 20,000 applications, longer than the recompute of one application). Given
// the change a partial rebuild made (which applications' items it replaced),
// the plan of the overview before is brought up to date by binary search
// instead, giving exactly what a full walk would (tests/unit/step-plan.test.ts).

export type StepPlan = Omit<DashboardPlan, "interviews" | "interviewCount" | "comingUpCount" | "moveOn">;

type Lists = { queue: readonly QueueItem[]; putAside: readonly PutAsideItem[]; checkIns: readonly CheckInItem[] };

const of = (x: OfApplication): OfApplication => ({ applicationId: x.applicationId, company: x.company, roleTitle: x.roleTitle });

/** Time order, and among equal times the queue's (or the check-ins') own order: a total order, so a merge gives what a sort gives. */
function byTimeThenQueue(a: ComingUpEntry, b: ComingUpEntry): number {
  const t = byTime(a, b);
  if (t || a.type === "interview" || b.type === "interview") return t;
  if (a.type === "step" && b.type === "step") return compareRecommendations(a.step, b.step);
  if (a.type === "check-in" && b.type === "check-in") return compareCheckIns(a.checkIn, b.checkIn);
  return 0;
}

/** The step or check-in a Coming up entry stands for (the plan makes no interview entries). */
const itemOf = (e: ComingUpEntry): QueueItem | CheckInItem => (e.type === "step" ? e.step : (e as { checkIn: CheckInItem }).checkIn);

/** What the plan is built from besides the items: where Today and Coming up end. */
type Bounds = { day: string; zone: string; weekend: readonly number[]; endOfToday: Date; endOfComingUp: Date };

type Waiting = { of: OfApplication; step?: QueueItem; aside?: PutAsideItem };
const byWaitingStep = (a: Waiting, b: Waiting) => compareRecommendations(a.step!, b.step!);
const byWaitingAside = (a: Waiting, b: Waiting) => comparePutAside(a.aside!, b.aside!);

/** A plan and the indexes that let the next one be derived from it. */
type State = {
  bounds: Bounds;
  plan: StepPlan;
  /** Each application's block, advice count and waiting entries, as the plan holds them. */
  blockOf: Map<string, TodayBlock>;
  adviceOf: Map<string, AdviceCount>;
  /** An advice count's first advice step: its place among equal counts. */
  firstAdvice: WeakMap<AdviceCount, QueueItem>;
  entryOf: WeakMap<QueueItem | CheckInItem, ComingUpEntry>;
  waitingStep: Waiting[];
  waitingAside: Waiting[];
  waitingOf: Map<string, Waiting[]>;
};

const byCountThenQueue = (firstAdvice: WeakMap<AdviceCount, QueueItem>) => (a: AdviceCount, b: AdviceCount) =>
  b.count - a.count || compareRecommendations(firstAdvice.get(a)!, firstAdvice.get(b)!);
/** Blocks by their most important step (priority, then due time), as the catalog's Today orders them. */
const byFirstStep = (bounds: Bounds) => {
  const compare = compareByImportance(soonUntilFor(bounds.endOfToday));
  return (a: TodayBlock, b: TodayBlock) => compare(a.steps[0], b.steps[0]);
};

/** One application's contribution, from its items (each list in its own order). */
function contribution(items: Lists, bounds: Bounds) {
  const blocks = new Map<string, TodayBlock>();
  const entries: ComingUpEntry[] = [];
  const advice = new Map<string, { count: AdviceCount; first: QueueItem }>();
  const waiting: Waiting[] = [];
  let adviceTotal = 0;
  const today = bounds.endOfToday.getTime();
  const window = bounds.endOfComingUp.getTime();
  for (const step of items.queue) {
    if (step.kind === "advice") {
      adviceTotal++;
      const a = advice.get(step.applicationId);
      if (a) a.count.count++;
      else advice.set(step.applicationId, { count: { ...of(step), count: 1 }, first: step });
      // Waiting is a fact about the application, not a step: one the user put away still waits (below).
      if (step.ruleId === "keep-searching") waiting.push({ of: of(step), step });
      continue;
    }
    const due = step.dueAt!.getTime();
    if (due < today) {
      let block = blocks.get(step.applicationId);
      if (!block) blocks.set(step.applicationId, (block = { ...of(step), steps: [], overdue: 0, lateFrom: [] }));
      block.steps.push(step);
      if (step.overdue) block.overdue++;
    } else if (due < window) {
      entries.push({ type: "step", at: step.dueAt!, step });
    }
  }
  if (blocks.size) {
    const compare = compareByImportance(soonUntilFor(bounds.endOfToday));
    for (const block of blocks.values()) {
      block.steps.sort(compare);
      block.lateFrom = block.steps.map((s) => lateFrom(s, bounds.zone, bounds.weekend)).filter((t) => t < Infinity).sort((a, b) => a - b);
    }
  }
  for (const p of items.putAside)
    if (p.step.ruleId === "keep-searching") waiting.push({ of: { applicationId: p.step.applicationId, company: p.company, roleTitle: p.roleTitle }, aside: p });
  for (const checkIn of items.checkIns) if (checkIn.dueAt.getTime() < window) entries.push({ type: "check-in", at: checkIn.dueAt, checkIn });
  return { blocks, entries, advice, waiting, adviceTotal };
}

/** Queue-ordered waiting applications, then put-aside ones not already named. */
function waitingList(byStep: Waiting[], byAside: Waiting[]): OfApplication[] {
  const named = new Set<string>();
  const out: OfApplication[] = [];
  for (const w of [...byStep, ...byAside]) {
    if (named.has(w.of.applicationId)) continue;
    named.add(w.of.applicationId);
    out.push(w.of);
  }
  return out;
}

function fullState(overview: Lists, bounds: Bounds): State {
  const c = contribution(overview, bounds);
  const firstAdvice = new WeakMap<AdviceCount, QueueItem>();
  const adviceOf = new Map<string, AdviceCount>();
  for (const [id, { count, first }] of c.advice) {
    adviceOf.set(id, count);
    firstAdvice.set(count, first);
  }
  const entryOf = new WeakMap<QueueItem | CheckInItem, ComingUpEntry>();
  for (const e of c.entries) entryOf.set(itemOf(e), e);
  const waitingOf = new Map<string, Waiting[]>();
  for (const w of c.waiting) waitingOf.set(w.of.applicationId, [...(waitingOf.get(w.of.applicationId) ?? []), w]);
  const waitingStep = c.waiting.filter((w) => w.step);
  const waitingAside = c.waiting.filter((w) => w.aside);
  return {
    bounds,
    blockOf: c.blocks,
    adviceOf,
    firstAdvice,
    entryOf,
    waitingStep,
    waitingAside,
    waitingOf,
    plan: {
      blocks: [...c.blocks.values()].sort(byFirstStep(bounds)),
      comingUp: c.entries.sort(byTimeThenQueue),
      // Most advice first; among equals, the application whose advice comes first in the queue.
      advice: { total: c.adviceTotal, applications: [...adviceOf.values()].sort(byCountThenQueue(firstAdvice)) },
      // Most urgent first, as the queue has them: a sort by name costs more than
      // everything else here together once thousands are waiting.
      waiting: waitingList(waitingStep, waitingAside),
      endOfToday: bounds.endOfToday,
      endOfComingUp: bounds.endOfComingUp,
    },
  };
}

/** `state`'s plan with the applications of `gone` and `added` replaced; null if the old plan does not hold what it should. */
function derivedState(state: State, gone: Lists, added: Lists): State | null {
  const apps = new Set<string>();
  for (const list of [gone, added]) {
    for (const q of list.queue) apps.add(q.applicationId);
    for (const p of list.putAside) apps.add(p.step.applicationId);
    for (const c of list.checkIns) apps.add(c.applicationId);
  }
  const before = contribution(gone, state.bounds);
  const after = contribution(added, state.bounds);
  // The base's indexes are updated in place: planSteps retires the base, which no one is served again.
  const { blockOf, adviceOf, waitingOf } = state;
  const oldBlocks: TodayBlock[] = [];
  const oldAdvice: AdviceCount[] = [];
  const oldWaiting: Waiting[] = [];
  for (const id of apps) {
    const block = blockOf.get(id);
    if (block) oldBlocks.push(block);
    const advice = adviceOf.get(id);
    if (advice) oldAdvice.push(advice);
    oldWaiting.push(...(waitingOf.get(id) ?? []));
    blockOf.delete(id);
    adviceOf.delete(id);
    waitingOf.delete(id);
  }
  const oldEntries: ComingUpEntry[] = [];
  for (const e of before.entries) {
    const held = state.entryOf.get(itemOf(e));
    if (!held) return null;
    oldEntries.push(held);
  }
  for (const [id, block] of after.blocks) blockOf.set(id, block);
  const newAdvice: AdviceCount[] = [];
  for (const [id, { count, first }] of after.advice) {
    adviceOf.set(id, count);
    state.firstAdvice.set(count, first);
    newAdvice.push(count);
  }
  for (const e of after.entries) state.entryOf.set(itemOf(e), e);
  for (const w of after.waiting) waitingOf.set(w.of.applicationId, [...(waitingOf.get(w.of.applicationId) ?? []), w]);

  const blocks = replaceItems(state.plan.blocks, oldBlocks, [...after.blocks.values()], byFirstStep(state.bounds));
  const comingUp = replaceItems(state.plan.comingUp, oldEntries, after.entries, byTimeThenQueue);
  const advice = replaceItems(state.plan.advice.applications, oldAdvice, newAdvice, byCountThenQueue(state.firstAdvice));
  const waitingStep = replaceItems(state.waitingStep, oldWaiting.filter((w) => w.step), after.waiting.filter((w) => w.step), byWaitingStep);
  const waitingAside = replaceItems(state.waitingAside, oldWaiting.filter((w) => w.aside), after.waiting.filter((w) => w.aside), byWaitingAside);
  if (!blocks || !comingUp || !advice || !waitingStep || !waitingAside) return null;
  return {
    ...state,
    waitingStep,
    waitingAside,
    plan: {
      ...state.plan,
      blocks,
      comingUp,
      advice: { total: state.plan.advice.total - before.adviceTotal + after.adviceTotal, applications: advice },
      waiting: waitingList(waitingStep, waitingAside),
    },
  };
}

// Plans are kept per overview object, for one day in one zone: a new
// overview is a new key, so nothing stale is ever served.
const states = new WeakMap<GuidanceOverview, State>();

/** Each application's items in their lists' order, which its block's steps and first advice depend on. */
const inOrder = (added: Lists): Lists => ({
  queue: [...added.queue].sort(compareRecommendations),
  putAside: [...added.putAside].sort(comparePutAside),
  checkIns: [...added.checkIns].sort(compareCheckIns),
});

/**
 * The step part of the dashboard's plan for `overview` on the day `bounds`
 * name, kept per overview. With `change` (how a partial rebuild made
 * `overview` from the one before), a plan kept for that one is updated
 * rather than every step walked again.
 */
export function planSteps(overview: GuidanceOverview, bounds: Bounds, change?: OverviewChange | null): StepPlan {
  const known = states.get(overview);
  if (known?.bounds.day === bounds.day) return known.plan;
  const base = change ? states.get(change.from) : undefined;
  // The base's indexes now belong to this plan (or are spoilt by a failed derivation): retire it either way.
  if (base) states.delete(change!.from);
  const state = (base?.bounds.day === bounds.day && derivedState(base, change!.gone, inOrder(change!.added))) || fullState(overview, bounds);
  states.set(overview, state);
  return state.plan;
}
