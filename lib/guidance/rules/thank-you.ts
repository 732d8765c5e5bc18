import { addHours, DAY, roundName, type Facts } from "../facts";
import { ago, listOf } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";

/** After this long a thank-you reads as an afterthought; the follow-up rule takes over. */
export const THANK_YOU_GIVE_UP_DAYS = 7;

const STILL_IN_PLAY = ["applied", "screening", "interviewing", "offer"];

/**
 * One step per ended round with no thank-you logged, until the next round
 * starts (thanks are then given in person) or the note would be stale.
 */
export function sendThankYou(facts: Facts): Recommendation[] {
  if (!STILL_IN_PLAY.includes(facts.status)) return [];
  const window = facts.input.settings.thankYouWindowHours;
  return facts.rounds
    .filter((r, i) => {
      const next = facts.rounds[i + 1];
      return (
        r.round.thankYouSentAt === null &&
        r.end.getTime() <= facts.now.getTime() &&
        facts.now.getTime() < r.end.getTime() + THANK_YOU_GIVE_UP_DAYS * DAY &&
        !(next && next.start.getTime() <= facts.now.getTime())
      );
    })
    .map((r) => {
      const people = r.round.interviewers.map((p) => p.name);
      return step(facts, "send-thank-you", {
        about: r.round.id,
        roundId: r.round.id,
        title: `Send a thank-you for round ${r.number}`,
        detail: `Thank them for their time within ${window} hours, and mention one or two moments from the conversation that show why you fit.`,
        priority: "high",
        dueAt: addHours(r.end, window),
        since: r.end,
        reasons: [
          `${roundName(facts, r)} ended ${ago(r.end, facts.now)} and no thank-you is logged.`,
          ...(people.length ? [`You met ${listOf(people)}.`] : []),
        ],
        draft: "thank-you",
      });
    });
}
