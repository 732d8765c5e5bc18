import { POSITIVE_INDICATORS, signalInfo } from "@/lib/interviews/catalog";
import { WAITING_STATUSES, type SignalKey } from "@/lib/vocabulary";
import { reached } from "../clock";
import { roundName, type Facts, type RoundFact } from "../facts";
import { listOf } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";

/** The latest later round that has started, and which of the four positive signs it showed. */
export function latestLaterRoundSigns(facts: Facts): { round: RoundFact; seen: SignalKey[] } | undefined {
  const round = facts.rounds.findLast((r) => r.later && reached(facts, r.start.getTime()));
  if (!round) return undefined;
  const signals = round.round.signals;
  return { round, seen: POSITIVE_INDICATORS.filter((k) => signals.some((s) => s.signal === k)) };
}

export function readTheSignals(facts: Facts): Recommendation[] {
  if (facts.latestOffer || !WAITING_STATUSES.includes(facts.status)) return [];
  const signs = latestLaterRoundSigns(facts);
  if (!signs || signs.seen.length === 0) return [];
  const labels = signs.seen.map((k) => signalInfo(k).label.toLowerCase());
  return [
    step(facts, "read-the-signals", {
      about: signs.round.round.id,
      roundId: signs.round.round.id,
      title: "Read the signs, but keep going",
      detail:
        "These are encouraging, and they are still not an offer. Treat the decision as open and keep your other options alive until one is in writing.",
      priority: "low",
      since: signs.round.start,
      reasons: [
        `In ${roundName(facts, signs.round, "your")} you logged ${signs.seen.length} of the 4 positive signs: ${listOf(labels)}.`,
      ],
    }),
  ];
}
