import { funnel, hasApplied, type FunnelStep } from "./funnel";
import { outcomesBySignals, type BucketOutcomes } from "./outcomes";
import { responseTimes, type ResponseTime } from "./response-times";
import { histories, type AnalyticsRows } from "./rows";

export type Analytics = {
  /** Applications counted at all: past "saved", or with a date applied, a round or an offer. */
  applied: number;
  rounds: number;
  funnel: FunnelStep[];
  responseTimes: ResponseTime[];
  outcomes: BucketOutcomes[];
};

/** Every figure on the analytics page, in a few linear passes over the rows. */
export function analyze(rows: AnalyticsRows, now: Date): Analytics {
  const applied = histories(rows).filter(hasApplied);
  return {
    applied: applied.length,
    rounds: applied.reduce((n, h) => n + h.rounds.length, 0),
    funnel: funnel(applied),
    responseTimes: responseTimes(applied, now),
    outcomes: outcomesBySignals(applied, rows.signals),
  };
}
