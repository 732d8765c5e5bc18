import type { RoundKind } from "@/lib/vocabulary";
import { hasOffer, type AnalyticsRound, type AppHistory } from "./rows";

export const FUNNEL_STAGES = ["applied", "screen", "first", "second", "final", "offer"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export type FunnelStep = {
  stage: FunnelStage;
  /** Applications that reached this stage or any later one. */
  reached: number;
  /** reached / the previous stage's reached; null for the first stage or an empty previous stage. */
  conversion: number | null;
  /** The previous stage's count: what the conversion is measured on. */
  sampleSize: number | null;
};

const STAGE_OF_NAMED: Partial<Record<RoundKind, number>> = { screen: 1, first: 2, second: 3, final: 4 };
const FIRST = 2;
const SECOND = 3;
const OFFER = 5;

/**
 * The funnel stage a round stands for. Screen, first, second and final are
 * their own stages. Panel and on-site rounds are later rounds in the catalog,
 * so they count as a second round. Technical and other rounds count by their
 * place among the interviews (screening calls aside): the first interview is
 * a first round, any after it a second round.
 */
export function stageOfRound(round: AnalyticsRound, interviewNumber: number): number {
  const named = STAGE_OF_NAMED[round.kind];
  if (named !== undefined) return named;
  if (round.kind === "panel" || round.kind === "onsite") return SECOND;
  return interviewNumber <= 1 ? FIRST : SECOND;
}

/** An application is in the funnel once it left "saved", has a date applied, a round or an offer. */
export function hasApplied(history: AppHistory): boolean {
  const { status, appliedOn } = history.application;
  return status !== "saved" || appliedOn !== null || history.rounds.length > 0 || hasOffer(history);
}

/** The furthest stage an application reached (index into FUNNEL_STAGES), or -1 when it never applied. */
export function furthestStage(history: AppHistory): number {
  if (hasOffer(history)) return OFFER;
  if (!hasApplied(history)) return -1;
  let furthest = 0;
  let interviews = 0;
  for (const round of history.rounds) {
    if (round.kind !== "screen") interviews++;
    furthest = Math.max(furthest, stageOfRound(round, interviews));
  }
  return furthest;
}

/**
 * Reaching a stage counts for every stage before it too, so an application
 * with a final but no logged screen still counts through the screen.
 */
export function funnel(list: readonly AppHistory[]): FunnelStep[] {
  const atLeast = FUNNEL_STAGES.map(() => 0);
  for (const history of list) {
    const furthest = furthestStage(history);
    for (let stage = 0; stage <= furthest; stage++) atLeast[stage]++;
  }
  return FUNNEL_STAGES.map((stage, i) => {
    const previous = i === 0 ? null : atLeast[i - 1];
    return {
      stage,
      reached: atLeast[i],
      conversion: previous ? atLeast[i] / previous : null,
      sampleSize: previous,
    };
  });
}
