import { reached } from "../clock";
import { eventLoggedAt, knownAt, notBeforeKnown, writingDue } from "../due";
import { addDays, eventsSince, planningTimeDaysAfter, roundLabel, type Facts } from "../facts";
import { ago } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";

export const REQUEST_FEEDBACK_AFTER_DAYS = 2;
export const REFLECT_AFTER_DAYS = 7;
/** A feedback request this long after the no would come out of nowhere: the step goes. */
export const REQUEST_FEEDBACK_EXPIRES_DAYS = 30;

/** The rejection the user got after at least one interview. */
function recentRejection(facts: Facts) {
  const rejection = facts.latestRejection;
  if (!rejection || facts.status !== "rejected" || !reached(facts, rejection.occurredAt.getTime())) return undefined;
  const lastRound = facts.rounds.findLast((r) => r.start.getTime() <= rejection.occurredAt.getTime());
  return lastRound ? { rejection, lastRound, known: knownAt(facts, eventLoggedAt(rejection)) } : undefined;
}

export function requestFeedback(facts: Facts): Recommendation[] {
  const found = recentRejection(facts);
  if (!found || eventsSince(facts, found.rejection.occurredAt, ["feedback_requested"]).length > 0) return [];
  const { rejection, lastRound, known } = found;
  if (reached(facts, addDays(rejection.occurredAt, REQUEST_FEEDBACK_EXPIRES_DAYS).getTime())) return [];
  return [
    step(facts, "request-feedback", {
      about: rejection.id,
      roundId: lastRound.round.id,
      title: `Ask ${facts.company} for feedback`,
      detail:
        "Thank them for their time and ask what would have made you a stronger candidate. A gracious reply leaves the door open for the next role there.",
      priority: "medium",
      dueAt: writingDue(facts, planningTimeDaysAfter(facts, rejection.occurredAt, REQUEST_FEEDBACK_AFTER_DAYS), known),
      since: rejection.occurredAt,
      reasons: [
        `${facts.company} said no ${ago(facts, rejection.occurredAt)}, after your ${roundLabel(facts, lastRound)}.`,
        "No feedback request is logged.",
      ],
      draft: "feedback-request",
      eventId: rejection.id,
    }),
  ];
}

export function reflectAndUpdate(facts: Facts): Recommendation[] {
  const found = recentRejection(facts);
  if (!found) return [];
  const { rejection, lastRound, known } = found;
  return [
    step(facts, "reflect-and-update", {
      about: rejection.id,
      roundId: lastRound.round.id,
      title: "Look back, then adjust",
      detail:
        "Note what worked and what you would change, then adjust how you prepare for the next one. A no is easier to carry once it has taught you something.",
      priority: "low",
      dueAt: notBeforeKnown(facts, planningTimeDaysAfter(facts, rejection.occurredAt, REFLECT_AFTER_DAYS), known),
      since: rejection.occurredAt,
      reasons: [`${facts.company} said no ${ago(facts, rejection.occurredAt)}, after ${lastRound.number === 1 ? "one round" : `${lastRound.number} rounds`}.`],
    }),
  ];
}
