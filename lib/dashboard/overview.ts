import type { ApplicationStatus } from "@/lib/vocabulary";
import type { CheckIn } from "@/lib/guidance/check-in";
import type { GuidanceInput, GuidanceRound } from "@/lib/guidance/input";
import { compareRecommendations } from "@/lib/guidance/queue";
import { guide, type PutAside } from "@/lib/guidance/recommend";
import type { Recommendation } from "@/lib/guidance/recommendation";

// The engine's answers for every application, gathered into one overview:
// pure, so the data layer, the bench's floor and the tests build it the same
// way and sort it in the same order.

/** What a step's draft message is built from: the round it is about, and the applied date. */
export type DraftMaterial = {
  round: Pick<GuidanceRound, "kind" | "scheduledAt" | "signals" | "interviewers"> | null;
  appliedOn: string | null;
};

type OfApplication = { company: string; roleTitle: string; status: ApplicationStatus };
export type QueueItem = Recommendation & OfApplication & { draftMaterial: DraftMaterial | null };
export type PutAsideItem = PutAside & OfApplication;
export type CheckInItem = CheckIn & OfApplication;

/** The user's guidance across every application, as the dashboard, list, board and feed read it. */
export type GuidanceOverview = {
  /** Every open step, in queue order. */
  queue: readonly QueueItem[];
  /** Snoozed and dismissed steps that would fire, in queue order. */
  putAside: readonly PutAsideItem[];
  /** Each waiting application's next follow-up still to come, soonest first. */
  checkIns: readonly CheckInItem[];
};

function draftMaterial(step: Recommendation, rounds: readonly GuidanceRound[], appliedOn: string | null): DraftMaterial | null {
  if (!step.draft) return null;
  const round = rounds.find((r) => r.id === step.roundId);
  return { round: round ? { kind: round.kind, scheduledAt: round.scheduledAt, signals: round.signals, interviewers: round.interviewers } : null, appliedOn };
}

/** One application's share of the overview: its steps and put-aside steps in queue order, and its check-in. */
export type OverviewPart = {
  queue: QueueItem[];
  putAside: PutAsideItem[];
  checkIn: CheckInItem | null;
  /** guide()'s changesAt: the part may be served for any instant in [now, changesAt). */
  changesAt: number;
};

export const comparePutAside = (a: PutAsideItem, b: PutAsideItem) => compareRecommendations(a.step, b.step);
export const compareCheckIns = (a: CheckInItem, b: CheckInItem) =>
  a.dueAt.getTime() - b.dueAt.getTime() || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0);

/** guide() for one application at `now`, with what the queue shows beside each step. */
export function overviewPart(input: GuidanceInput, now: Date): OverviewPart {
  const { company, roleTitle, status, appliedOn } = input.application;
  const of = { company, roleTitle, status };
  const g = guide(input, now);
  const queue = g.steps.map((r) => ({ ...r, ...of, draftMaterial: draftMaterial(r, input.rounds, appliedOn) }));
  const putAside = g.putAside.map((p) => ({ ...p, ...of }));
  return { queue: queue.sort(compareRecommendations), putAside: putAside.sort(comparePutAside), checkIn: g.checkIn ? { ...g.checkIn, ...of } : null, changesAt: g.changesAt };
}

/** Every part's items in one list, sorted: what a first build or a rebuild of the whole overview does. */
export function mergeAll(parts: Iterable<OverviewPart>): GuidanceOverview & { changesAt: number } {
  let changesAt = Infinity;
  const queue: QueueItem[] = [];
  const putAside: PutAsideItem[] = [];
  const checkIns: CheckInItem[] = [];
  for (const part of parts) {
    if (part.changesAt < changesAt) changesAt = part.changesAt;
    for (const q of part.queue) queue.push(q);
    for (const p of part.putAside) putAside.push(p);
    if (part.checkIn) checkIns.push(part.checkIn);
  }
  return { queue: queue.sort(compareRecommendations), putAside: putAside.sort(comparePutAside), checkIns: checkIns.sort(compareCheckIns), changesAt };
}

/**
 * `sorted` without the items of the `replaced` applications, with `added`
 * merged in, in one pass: a write to one application costs a walk of the
 * queue, not a sort of it.
 */
export function replaceItems<T>(sorted: readonly T[], replaced: ReadonlySet<string>, idOf: (item: T) => string, added: T[], compare: (a: T, b: T) => number): T[] {
  added.sort(compare);
  const out: T[] = [];
  let j = 0;
  for (const item of sorted) {
    if (replaced.has(idOf(item))) continue;
    while (j < added.length && compare(added[j], item) < 0) out.push(added[j++]);
    out.push(item);
  }
  while (j < added.length) out.push(added[j++]);
  return out;
}

/** guide() for each application at `now`, merged: queue and put-aside in queue order, check-ins soonest first. */
export function overviewOf(inputs: readonly GuidanceInput[], now: Date): GuidanceOverview & { changesAt: number } {
  return mergeAll(inputs.map((input) => overviewPart(input, now)));
}
