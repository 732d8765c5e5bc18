import { POSITIVE_INDICATORS, signalInfo } from "@/lib/interviews/catalog";
import { WAITING_STATUSES, type SignalKey } from "@/lib/vocabulary";
import { gatherFacts, roundLabel } from "./facts";
import type { GuidanceInput } from "./input";
import { listOf } from "./phrases";
import { latestLaterRoundSigns } from "./rules/signals";

/** The only headline the app gives after a later round while no offer is logged. */
export const STANDING_HEADLINE = "Closer, not guaranteed";

export type StandingSummary = {
  headline: string;
  roundId: string;
  roundNumber: number;
  /** "second interview on Wed 2 Dec" */
  roundLabel: string;
  seen: SignalKey[];
  missing: SignalKey[];
  count: number;
  total: number;
  text: string;
};

/**
 * Where the user stands after their latest later round: which of the four
 * positive signs they saw. Never says more than "closer": only an offer
 * event says more, and then there is no summary to give.
 */
export function standingSummary(input: GuidanceInput, now: Date): StandingSummary | null {
  const facts = gatherFacts(input, now);
  if (facts.latestOffer || !WAITING_STATUSES.includes(facts.status)) return null;
  const signs = latestLaterRoundSigns(facts);
  if (!signs) return null;
  const seen = signs.seen;
  const label = (k: SignalKey) => signalInfo(k).label.toLowerCase();
  const which = roundLabel(facts, signs.round);
  const text =
    seen.length === 0
      ? `You logged none of the 4 positive signs in your ${which}. That is common and decides nothing either way.`
      : `In your ${which} you logged ${seen.length} of the 4 positive signs: ${listOf(seen.map(label))}. Good signs, not a promise: only an offer is an offer.`;
  return {
    headline: STANDING_HEADLINE,
    roundId: signs.round.round.id,
    roundNumber: signs.round.number,
    roundLabel: which,
    seen,
    missing: POSITIVE_INDICATORS.filter((k) => !seen.includes(k)),
    count: seen.length,
    total: POSITIVE_INDICATORS.length,
    text,
  };
}
