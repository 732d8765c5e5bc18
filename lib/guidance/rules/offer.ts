import { reached } from "../clock";
import { eventLoggedAt, knownAt, workingDaysBefore, writingDue } from "../due";
import { firstPlanningTimeFrom, later, type Facts } from "../facts";
import { ago, calendarDate } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";

/** Negotiation is due no later than this many working days before the answer-by date: room for a reply and a second round. */
export const NEGOTIATE_WORKING_DAYS_BEFORE_ANSWER = 2;
/** The answer itself is due this many working days before the answer-by date. */
export const RESPOND_WORKING_DAYS_BEFORE_ANSWER = 1;

/** The offer still waiting for the user's answer, once its time has come, and when it reached Shortlist. */
function openOffer(facts: Facts) {
  const offer = facts.latestOffer;
  if (!offer || facts.status !== "offer" || !reached(facts, offer.occurredAt.getTime())) return undefined;
  // Never due before the offer itself came, nor before it was logged.
  const logged = knownAt(facts, eventLoggedAt(offer));
  return { offer, known: logged ? later(offer.occurredAt, logged) : offer.occurredAt, answerBy: offer.offer?.answerBy ?? null };
}

export function negotiateAfterOffer(facts: Facts): Recommendation[] {
  const open = openOffer(facts);
  if (!open) return [];
  const { offer, known, answerBy } = open;
  // A working morning after the offer; with an answer-by date, early enough to leave room before it.
  const first = writingDue(facts, firstPlanningTimeFrom(facts, offer.occurredAt), known);
  const latest = answerBy ? workingDaysBefore(facts, answerBy, NEGOTIATE_WORKING_DAYS_BEFORE_ANSWER) : undefined;
  const dueAt = latest && latest.getTime() < first.getTime() && latest.getTime() >= known.getTime() ? latest : first;
  return [
    step(facts, "negotiate-after-offer", {
      about: offer.id,
      roundId: null,
      title: "Negotiate before you answer",
      detail:
        "Now that there is an offer, this is the time to talk pay and terms. Get it in writing, weigh it against what you need, and ask for more if it falls short.",
      priority: "high",
      dueAt,
      since: offer.occurredAt,
      reasons: [
        `${facts.company} made an offer ${ago(facts, offer.occurredAt)} and you have not answered yet.`,
        ...(answerBy ? [`They want an answer by ${calendarDate(answerBy, facts.input)}: asking two working days before leaves room for their reply.`] : []),
      ],
      draft: "negotiation",
      eventId: offer.id,
    }),
  ];
}

export function respondToOffer(facts: Facts): Recommendation[] {
  const open = openOffer(facts);
  if (!open?.answerBy) return [];
  const { offer, known, answerBy } = open;
  return [
    step(facts, "respond-to-offer", {
      about: offer.id,
      roundId: null,
      title: `Answer ${facts.company}'s offer`,
      detail:
        "Decide, then tell them in writing: yes with thanks, or no with thanks and the door left open. Until you answer, keep your other options going.",
      priority: "high",
      dueAt: writingDue(facts, workingDaysBefore(facts, answerBy, RESPOND_WORKING_DAYS_BEFORE_ANSWER), known),
      since: offer.occurredAt,
      reasons: [
        `${facts.company} made an offer ${ago(facts, offer.occurredAt)} and wants an answer by ${calendarDate(answerBy, facts.input)}.`,
        "No acceptance or refusal is logged yet.",
      ],
      draft: "offer-answer",
      eventId: offer.id,
    }),
  ];
}
