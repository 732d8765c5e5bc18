import { ACTIVE_STATUSES } from "@/lib/vocabulary";
import { reached } from "../clock";
import { addHours, roundLabel, roundName, type Facts } from "../facts";
import { ago, listOf } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";

/**
 * One step per ended round with no thank-you logged, for as long as the
 * application is in play: a late note is still worth sending, and Done or
 * Dismiss puts it away. After a rejection the feedback request thanks them.
 */
export function sendThankYou(facts: Facts): Recommendation[] {
  if (!ACTIVE_STATUSES.includes(facts.status)) return [];
  const window = facts.input.settings.thankYouWindowHours;
  return facts.rounds
    .filter((r) => r.round.thankYouSentAt === null && reached(facts, r.end.getTime()))
    .map((r) => {
      const people = r.round.interviewers.map((p) => p.name);
      return step(facts, "send-thank-you", {
        about: r.round.id,
        roundId: r.round.id,
        title: `Send a thank-you for your ${roundLabel(facts, r)}`,
        detail: `Thank them for their time within ${window} hours, and mention one or two moments from the conversation that show why you fit.`,
        priority: "high",
        dueAt: addHours(r.end, window),
        since: r.end,
        reasons: [
          `${roundName(facts, r)} ended ${ago(facts, r.end)} and no thank-you is logged.`,
          ...(people.length ? [`You met ${listOf(people)}.`] : []),
        ],
        draft: "thank-you",
      });
    });
}
