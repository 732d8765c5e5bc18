import { roundEnd } from "@/lib/interviews/round-end";
import { DAY_MS } from "@/lib/time/units";
import { ROUND_KINDS, type EventKind, type RoundKind } from "@/lib/vocabulary";
import { median } from "./median";
import type { AppHistory } from "./rows";

/** The company's word: anything it sent that ends the wait. */
const COMPANY_WORD: readonly EventKind[] = ["response_received", "offer_received", "rejection_received", "feedback_received"];

export type ResponseTime = {
  kind: RoundKind;
  /** Median days from the round's end to the company's next word; null when none answered yet. */
  medianDays: number | null;
  /** Ended rounds that got an answer: the median's sample. */
  answered: number;
  /** Ended rounds with no word since. */
  waiting: number;
};

/**
 * When the company next spoke after a round that ended at `end`: the
 * earliest of a response, feedback, offer or rejection logged after it, the
 * moment the next round was logged, or that round's start. Taking the
 * earlier of the last two keeps a round back-filled weeks later from
 * reading as weeks of silence.
 */
function nextWord(history: AppHistory, index: number, end: number): number | null {
  let earliest = Infinity;
  for (const event of history.events) {
    const at = event.occurredAt.getTime();
    if (at >= end && at < earliest && COMPANY_WORD.includes(event.kind)) earliest = at;
  }
  const next = history.rounds[index + 1];
  if (next) {
    for (const at of [next.loggedAt.getTime(), next.scheduledAt.getTime()]) if (at >= end && at < earliest) earliest = at;
  }
  return earliest === Infinity ? null : earliest;
}

/** Per round kind that has any ended round, in the vocabulary's order. Rounds not over yet are left out. */
export function responseTimes(list: readonly AppHistory[], now: Date): ResponseTime[] {
  const days = new Map<RoundKind, number[]>();
  const waiting = new Map<RoundKind, number>();
  for (const history of list) {
    history.rounds.forEach((round, i) => {
      const end = roundEnd(round).getTime();
      if (end > now.getTime()) return;
      const word = nextWord(history, i, end);
      if (word === null) waiting.set(round.kind, (waiting.get(round.kind) ?? 0) + 1);
      else {
        const list = days.get(round.kind) ?? [];
        list.push((word - end) / DAY_MS);
        days.set(round.kind, list);
      }
    });
  }
  return ROUND_KINDS.filter((k) => days.has(k) || waiting.has(k)).map((kind) => {
    const answered = days.get(kind) ?? [];
    return { kind, medianDays: median(answered), answered: answered.length, waiting: waiting.get(kind) ?? 0 };
  });
}
