import type { ApplicationStatus } from "@/lib/vocabulary";
import type { CheckIn } from "@/lib/guidance/check-in";
import type { GuidanceEvent, GuidanceInput, GuidanceOfferTerms, GuidanceRound } from "@/lib/guidance/input";
import { compareRecommendations } from "@/lib/guidance/queue";
import { guide, type PutAside } from "@/lib/guidance/recommend";
import type { Recommendation } from "@/lib/guidance/recommendation";

// The engine's answers for every application, gathered into one overview:
// pure, so the data layer, the bench's floor and the tests build it the same
// way and sort it in the same order.

/**
 * What a step's draft message is built from: the round it is about (for an
 * offer, the last round, whose people the answer goes to), the applied
 * date, the date the company gave, and an offer's terms.
 */
export type DraftMaterial = {
  round: Pick<GuidanceRound, "kind" | "scheduledAt" | "signals" | "interviewers" | "notes"> | null;
  appliedOn: string | null;
  statedDate?: string | null;
  offer?: GuidanceOfferTerms | null;
};

type OfApplication = { company: string; roleTitle: string; status: ApplicationStatus };
/** `roundAt`: when the round the step is about starts (Today ranks preparation by it). */
export type QueueItem = Recommendation & OfApplication & { draftMaterial: DraftMaterial | null; roundAt: Date | null };
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

/**
 * How a partial rebuild made an overview from the one before it (`from`):
 * every item of some applications taken out (`gone`) and their new items put
 * in (`added`). The dashboard's planner derives its plan from `from`'s with
 * it, instead of walking every step again (step-plan.ts).
 */
export type OverviewChange = { from: GuidanceOverview; gone: GuidanceOverview; added: GuidanceOverview };

const OFFER_DRAFTS = ["negotiation", "offer-answer"];

export function draftMaterial(
  step: Pick<Recommendation, "draft" | "roundId" | "statedDate" | "eventId">,
  input: {
    rounds: readonly (Pick<GuidanceRound, "id" | "kind" | "scheduledAt" | "signals" | "interviewers"> & { notes?: string | null })[];
    events: readonly Pick<GuidanceEvent, "id" | "offer">[];
    appliedOn: string | null;
  },
): DraftMaterial | null {
  if (!step.draft) return null;
  const offerDraft = OFFER_DRAFTS.includes(step.draft);
  const round = input.rounds.find((r) => r.id === step.roundId) ?? (offerDraft ? input.rounds.at(-1) : undefined);
  const offer = offerDraft && step.eventId ? input.events.find((e) => e.id === step.eventId)?.offer : undefined;
  return {
    round: round
      ? {
          kind: round.kind,
          scheduledAt: round.scheduledAt,
          signals: round.signals,
          interviewers: round.interviewers.map(({ name, email }) => ({ name, email })),
          notes: round.notes ?? null,
        }
      : null,
    appliedOn: input.appliedOn,
    ...(step.statedDate ? { statedDate: step.statedDate } : {}),
    ...(offer ? { offer } : {}),
  };
}

/** One application's share of the overview: its steps and put-aside steps in queue order, and its check-in. */
export type OverviewPart = {
  queue: QueueItem[];
  putAside: PutAsideItem[];
  checkIn: CheckInItem | null;
  /** guide()'s changesAt: the part may be served for any instant in [now, changesAt). */
  changesAt: number;
  /** guide()'s readsOtherApplications: whether the count of other applications in play shaped this part. */
  readsOtherApplications: boolean;
};

export const comparePutAside = (a: PutAsideItem, b: PutAsideItem) => compareRecommendations(a.step, b.step);
export const compareCheckIns = (a: CheckInItem, b: CheckInItem) =>
  a.dueAt.getTime() - b.dueAt.getTime() || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0);

/** guide() for one application at `now`, with what the queue shows beside each step. */
export function overviewPart(input: GuidanceInput, now: Date): OverviewPart {
  const { company, roleTitle, status, appliedOn } = input.application;
  const of = { company, roleTitle, status };
  const g = guide(input, now);
  const queue = g.steps.map((r) => ({
    ...r,
    ...of,
    draftMaterial: draftMaterial(r, { rounds: input.rounds, events: input.events, appliedOn }),
    roundAt: r.roundId ? (input.rounds.find((x) => x.id === r.roundId)?.scheduledAt ?? null) : null,
  }));
  const putAside = g.putAside.map((p) => ({ ...p, ...of }));
  return { queue: queue.sort(compareRecommendations), putAside: putAside.sort(comparePutAside), checkIn: g.checkIn ? { ...g.checkIn, ...of } : null, changesAt: g.changesAt, readsOtherApplications: g.readsOtherApplications };
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

/** The first index whose item does not sort before `item`. */
function lowerBound<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `sorted` without `removed` (items it holds) and with `added`, in order;
 * null if a removed item is not where the order puts it. Places are found
 * by binary search and the rest is copied slot by slot without reading the
 * items: at 20,000 applications, merely reading every queue item's
 * application id cost more than everything else a write recomputes.
 */
export function replaceItems<T>(sorted: readonly T[], removed: readonly T[], added: T[], compare: (a: T, b: T) => number): T[] | null {
  const cuts: number[] = [];
  for (const item of removed) {
    let i = lowerBound(sorted, item, compare);
    // Items that compare equal are not the same item: step over them to this one.
    while (i < sorted.length && sorted[i] !== item && compare(sorted[i], item) === 0) i++;
    if (sorted[i] !== item) return null;
    cuts.push(i);
  }
  cuts.sort((a, b) => a - b);
  added.sort(compare);
  const places = added.map((item) => lowerBound(sorted, item, compare));
  const out: T[] = [];
  let cut = 0;
  let next = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (next < added.length && places[next] <= i) out.push(added[next++]);
    if (cut < cuts.length && cuts[cut] === i) cut++;
    else out.push(sorted[i]);
  }
  while (next < added.length) out.push(added[next++]);
  return out;
}

/** guide() for each application at `now`, merged: queue and put-aside in queue order, check-ins soonest first. */
export function overviewOf(inputs: readonly GuidanceInput[], now: Date): GuidanceOverview & { changesAt: number } {
  return mergeAll(inputs.map((input) => overviewPart(input, now)));
}
