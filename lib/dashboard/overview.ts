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

/** guide() for each application at `now`, merged: queue and put-aside in queue order, check-ins soonest first. */
export function overviewOf(inputs: readonly GuidanceInput[], now: Date): GuidanceOverview & { changesAt: number } {
  let changesAt = Infinity;
  const queue: QueueItem[] = [];
  const putAside: PutAsideItem[] = [];
  const checkIns: CheckInItem[] = [];
  for (const input of inputs) {
    const { company, roleTitle, status, appliedOn } = input.application;
    const of = { company, roleTitle, status };
    const g = guide(input, now);
    if (g.changesAt < changesAt) changesAt = g.changesAt;
    for (const r of g.steps) queue.push({ ...r, ...of, draftMaterial: draftMaterial(r, input.rounds, appliedOn) });
    for (const p of g.putAside) putAside.push({ ...p, ...of });
    if (g.checkIn) checkIns.push({ ...g.checkIn, ...of });
  }
  queue.sort(compareRecommendations);
  putAside.sort((a, b) => compareRecommendations(a.step, b.step));
  checkIns.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.applicationId < b.applicationId ? -1 : 1));
  return { queue, putAside, checkIns, changesAt };
}
