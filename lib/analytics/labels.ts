import type { FunnelStage } from "./funnel";
import type { Outcome, SignalBucket } from "./outcomes";

export const STAGE_LABELS: Record<FunnelStage, string> = {
  applied: "Applied",
  screen: "Screen",
  first: "First round",
  second: "Second round",
  final: "Final round",
  offer: "Offer",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  offer: "Offer",
  rejected: "Rejected",
  ghosted: "Ghosted",
  open: "Still open",
  withdrawn: "Withdrawn",
};

export const BUCKET_LABELS: Record<SignalBucket, string> = {
  "0–1": "0–1 of 4",
  "2": "2 of 4",
  "3–4": "3–4 of 4",
};

export function formatPercent(ratio: number | null): string {
  return ratio === null ? "–" : `${Math.round(ratio * 100)}%`;
}

/** Days to one decimal: a median of 2.5 days is worth telling from 2 or 3. */
export function formatDays(days: number | null): string {
  if (days === null) return "–";
  const rounded = Math.round(days * 10) / 10;
  return `${rounded.toLocaleString("en", { maximumFractionDigits: 1 })} ${rounded === 1 ? "day" : "days"}`;
}
