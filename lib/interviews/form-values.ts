import type { RoundKind } from "@/lib/vocabulary";
import type { RoundView } from "@/lib/data/rounds";
import { toWallTime } from "@/lib/time/zoned";

export type RoundFormValues = Record<string, string>;

/** A saved round as the flat strings its edit form starts from. */
export function roundFormValues(round: RoundView, timeZone: string): RoundFormValues {
  const values: RoundFormValues = {
    kind: round.kind,
    scheduledAt: toWallTime(round.scheduledAt, timeZone),
    durationMinutes: round.durationMinutes === null ? "" : String(round.durationMinutes),
    format: round.format ?? "",
    location: round.location ?? "",
    outcome: round.outcome,
    notes: round.notes ?? "",
    prepNotes: round.prepNotes ?? "",
    thankYouSentAt: round.thankYouSentAt ? toWallTime(round.thankYouSentAt, timeZone) : "",
    hiringTimelineOn: round.signals.find((s) => s.signal === "hiring_timeline")?.onDate ?? "",
    customSignals: round.customSignals.join("\n"),
  };
  if (round.noNextSteps) values.noNextSteps = "on";
  for (const s of round.signals) values[`signal.${s.signal}`] = "on";
  for (const p of round.interviewers) values[`interviewer.${p.id}`] = "on";
  return values;
}

/**
 * A new round guesses its kind from how many came before (first, then
 * second, then final) so the common case needs no change.
 */
export function newRoundFormValues(roundsSoFar: number): RoundFormValues {
  const kind: RoundKind = roundsSoFar === 0 ? "first" : roundsSoFar === 1 ? "second" : "final";
  return { kind, durationMinutes: "60", format: "video", outcome: "pending" };
}
