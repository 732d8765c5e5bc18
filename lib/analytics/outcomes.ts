import { POSITIVE_INDICATORS } from "@/lib/interviews/catalog";
import type { SignalKey } from "@/lib/vocabulary";
import { hasOffer, isLaterRound, type AnalyticsSignal, type AppHistory } from "./rows";

export const OUTCOMES = ["offer", "rejected", "ghosted", "open", "withdrawn"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SIGNAL_BUCKETS = ["0–1", "2", "3–4"] as const;
export type SignalBucket = (typeof SIGNAL_BUCKETS)[number];

/** Below this many applications a bucket is flagged as a small sample. */
export const SMALL_SAMPLE = 5;

export type BucketOutcomes = {
  bucket: SignalBucket;
  counts: Record<Outcome, number>;
  n: number;
  smallSample: boolean;
};

/**
 * Where the application ended up. An offer counts even if it was later
 * turned down; then the closing status; then a logged rejection or
 * withdrawal whose status was not updated.
 */
export function outcomeOf(history: AppHistory): Outcome {
  if (hasOffer(history)) return "offer";
  const { status } = history.application;
  if (status === "rejected" || status === "withdrawn" || status === "ghosted") return status;
  if (history.events.some((e) => e.kind === "rejection_received")) return "rejected";
  if (history.events.some((e) => e.kind === "withdrawn")) return "withdrawn";
  return "open";
}

export function bucketOf(indicators: number): SignalBucket {
  return indicators <= 1 ? "0–1" : indicators === 2 ? "2" : "3–4";
}

const POSITIVE = new Set<SignalKey>(POSITIVE_INDICATORS);

/** The positive indicators logged on each round, read once. */
export function indicatorsByRound(signals: readonly AnalyticsSignal[]): Map<string, SignalKey[]> {
  const map = new Map<string, SignalKey[]>();
  for (const { roundId, signal } of signals) {
    if (!POSITIVE.has(signal)) continue;
    const list = map.get(roundId);
    if (list) list.push(signal);
    else map.set(roundId, [signal]);
  }
  return map;
}

/**
 * Applications that reached a later round, bucketed by how many of the four
 * positive indicators were seen across their later rounds (each counted
 * once however many rounds showed it), with the outcome of each.
 */
export function outcomesBySignals(list: readonly AppHistory[], signals: readonly AnalyticsSignal[]): BucketOutcomes[] {
  const indicators = indicatorsByRound(signals);
  const buckets = new Map<SignalBucket, Record<Outcome, number>>(
    SIGNAL_BUCKETS.map((b) => [b, { offer: 0, rejected: 0, ghosted: 0, open: 0, withdrawn: 0 }]),
  );
  for (const history of list) {
    const seen = new Set<SignalKey>();
    let later = false;
    history.rounds.forEach((round, i) => {
      if (!isLaterRound(round, i)) return;
      later = true;
      for (const signal of indicators.get(round.id) ?? []) seen.add(signal);
    });
    if (!later) continue;
    buckets.get(bucketOf(seen.size))![outcomeOf(history)]++;
  }
  return SIGNAL_BUCKETS.map((bucket) => {
    const counts = buckets.get(bucket)!;
    const n = OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
    return { bucket, counts, n, smallSample: n < SMALL_SAMPLE };
  });
}
