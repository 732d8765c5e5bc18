import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { ACTIVE_STATUSES } from "@/lib/vocabulary";
import { passed, reached } from "../clock";
import { knownAt, notBeforeKnown } from "../due";
import { decisionSince, roundLabel, roundName, type Facts, type RoundFact } from "../facts";
import { ago, listOf } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";

/** Days past its window after which a thank-you is no longer prompt, and the step goes without a trace. */
export const THANK_YOU_LATENESS_DAYS = 3;

/** Whether something has overtaken the thank-you: a later round has started, or a decision has come. */
function overtaken(facts: Facts, r: RoundFact): boolean {
  const next = facts.rounds[r.number];
  if (next && reached(facts, next.start.getTime())) return true;
  return decisionSince(facts, r.start);
}

/**
 * One step per ended round with no thank-you logged, while the application
 * is in play and the note can still be prompt: until a later round starts,
 * a decision comes, or the lateness point passes. A round typed in late is
 * due no earlier than the first 09:00 after it was logged.
 */
export function sendThankYou(facts: Facts): Recommendation[] {
  if (!ACTIVE_STATUSES.includes(facts.status)) return [];
  const window = facts.input.settings.thankYouWindowHours;
  const steps: Recommendation[] = [];
  for (const r of facts.rounds) {
    if (r.round.thankYouSentAt !== null || !reached(facts, r.end.getTime())) continue;
    // Numbers first: most ended rounds are long past the lateness point, and need no Date at all.
    const windowEndsAt = r.end.getTime() + window * HOUR_MS;
    const lateFrom = windowEndsAt + THANK_YOU_LATENESS_DAYS * DAY_MS;
    if (reached(facts, lateFrom) || overtaken(facts, r)) continue;
    const windowEnds = new Date(windowEndsAt);
    const dueAt = notBeforeKnown(facts, windowEnds, knownAt(facts, r.round.loggedAt));
    if (dueAt.getTime() >= lateFrom) continue;
    const people = r.round.interviewers.map((p) => p.name);
    steps.push(
      step(facts, "send-thank-you", {
        about: r.round.id,
        roundId: r.round.id,
        title: `Send a thank-you for your ${roundLabel(facts, r)}`,
        detail: `Thank them for their time within ${window} hours, and mention one or two moments from the conversation that show why you fit.`,
        // In its window it is among the most useful things to do today; past it, still worth a line.
        priority: passed(facts, windowEndsAt) ? "medium" : "high",
        dueAt,
        since: r.end,
        reasons: [
          `${roundName(facts, r)} ended ${ago(facts, r.end)} and no thank-you is logged.`,
          ...(people.length ? [`You met ${listOf(people)}.`] : []),
        ],
        draft: "thank-you",
      }),
    );
  }
  return steps;
}
