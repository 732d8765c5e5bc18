import { DAY_MS } from "@/lib/time/units";
import { POSITIVE_INDICATORS } from "./catalog";

/** How long after a round the timeline keeps asking about it; older rounds are left in peace. */
export const ASK_FOR_DAYS = 7;

type RoundLike = {
  scheduledAt: Date;
  outcome: string;
  signals: readonly unknown[];
  customSignals: readonly unknown[];
  noNextSteps: boolean;
};

/**
 * What the timeline asks about a round with no signals noted, decided
 * against the `now` the server read: nothing before it starts or after a
 * week; in between, the short "How did it go?" step while even its outcome
 * is missing, else a one-line reminder that signals are not noted.
 */
export function roundPrompt(round: RoundLike, now: Date): "how-did-it-go" | "no-signals" | null {
  const since = now.getTime() - round.scheduledAt.getTime();
  if (since < 0 || since > ASK_FOR_DAYS * DAY_MS) return null;
  if (round.signals.length || round.customSignals.length || round.noNextSteps) return null;
  return round.outcome === "pending" ? "how-did-it-go" : "no-signals";
}

const ASKED = new Set(["outcome", "noNextSteps", "hiringTimelineOn", ...POSITIVE_INDICATORS.map((key) => `signal.${key}`)]);

/**
 * The round's saved form values that the short step does not ask about,
 * posted unchanged beside its answers so saving it keeps the rest of the round.
 */
export function keptValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !ASKED.has(key)));
}
