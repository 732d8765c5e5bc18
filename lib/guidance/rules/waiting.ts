import { plural } from "@/lib/text/plural";
import { WAITING_STATUSES } from "@/lib/vocabulary";
import { otherApplications, reached } from "../clock";
import { notBeforeKnown } from "../due";
import { addDays, firstPlanningTimeFrom, lastEndedRound, roundLabel, roundName, type Facts } from "../facts";
import { ago } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";
import { currentWait, LONG_SILENCE_DAYS, nextFollowUpDue, waitReason, type Wait } from "./waits";

export { currentWait, nextFollowUpDue, type Wait } from "./waits";

/** Fewer other applications than this in play makes searching on more urgent. */
export const FEW_OTHER_APPLICATIONS = 3;

const FOLLOW_UP_DETAIL =
  "A short, friendly note asking how things stand keeps you in mind without pushing. Say you are still interested and offer anything that would help them decide.";

/** What the company last did, as the first reason of a follow-up or move-on step. */
function lastWord(facts: Facts, wait: Wait): string {
  const { round, reply } = wait;
  if (reply) return `${facts.company} last replied ${ago(facts, reply.occurredAt)}, without a decision, and nothing has been heard since.`;
  if (round) return `${roundName(facts, round)} ended ${ago(facts, round.end)} and nothing has been heard since.`;
  return `No interview is logged and nothing has been heard from ${facts.company} since you applied.`;
}

function followUpStep(facts: Facts, wait: Wait, dueAt: Date): Recommendation {
  const n = wait.followUps.length + 1;
  const lastFollowUp = wait.followUps.at(-1);
  const { round } = wait;
  const company = facts.company;
  const title = round
    ? n === 1
      ? `Follow up with ${company}`
      : `Send follow-up ${n} to ${company}`
    : n === 1
      ? `Follow up on your application to ${company}`
      : `Send follow-up ${n} on your application to ${company}`;
  return step(facts, wait.followUpRule, {
    about: `${wait.about}:${n}`,
    roundId: round?.round.id ?? null,
    title,
    detail: round
      ? FOLLOW_UP_DETAIL
      : "A short note to the recruiter or hiring manager saying you are still keen, with one line on why you fit, keeps your application in view without pushing.",
    priority: "medium",
    dueAt,
    since: wait.since,
    reasons: [
      lastWord(facts, wait),
      waitReason(facts, wait),
      ...(round?.round.noNextSteps ? [`No next steps were given at the end of your ${roundLabel(facts, round)}.`] : []),
      ...(lastFollowUp ? [`Your last follow-up went out ${ago(facts, lastFollowUp)}.`] : []),
    ],
    draft: round ? "follow-up" : "application-follow-up",
    statedDate: wait.statedDate,
    eventId: wait.reply?.id,
  });
}

/** The follow-up of the current wait, once due and until the long silence point. */
function openFollowUp(facts: Facts, ofRound: boolean): Recommendation[] {
  const wait = currentWait(facts);
  if (!wait || (wait.round !== null) !== ofRound) return [];
  const dueAt = nextFollowUpDue(facts, wait);
  if (!dueAt || !reached(facts, dueAt.getTime()) || reached(facts, wait.silentFrom.getTime())) return [];
  return [followUpStep(facts, wait, dueAt)];
}

export const followUpAfterSilence = (facts: Facts) => openFollowUp(facts, true);
export const followUpOnApplication = (facts: Facts) => openFollowUp(facts, false);

/**
 * Moving on: after the move-on point's follow-ups went unanswered for the
 * follow-up spacing, or after the long silence, whichever comes first.
 */
export function moveOnNoResponse(facts: Facts): Recommendation[] {
  const wait = currentWait(facts);
  if (!wait) return [];
  const { followUpSpacingDays, moveOnFollowUps } = facts.input.settings;
  const lastFollowUp = wait.followUps.at(-1);
  const waitedFrom = lastFollowUp && wait.followUps.length >= moveOnFollowUps ? addDays(lastFollowUp, followUpSpacingDays) : undefined;
  const afterFollowUps = waitedFrom && notBeforeKnown(facts, firstPlanningTimeFrom(facts, waitedFrom), wait.known);
  const byFollowUps = afterFollowUps !== undefined && reached(facts, afterFollowUps.getTime());
  if (!byFollowUps && !reached(facts, wait.silentFrom.getTime())) return [];
  const since = byFollowUps ? (waitedFrom as Date) : wait.silentFrom;
  const dueAt = byFollowUps ? (afterFollowUps as Date) : notBeforeKnown(facts, firstPlanningTimeFrom(facts, wait.silentFrom), wait.known);
  const after = wait.round ? `after ${roundName(facts, wait.round, "your")}` : "since you applied";
  const sent = wait.followUps.length;
  return [
    step(facts, "move-on-no-response", {
      about: wait.about,
      roundId: wait.round?.round.id ?? null,
      title: `Consider moving on from ${facts.company}`,
      detail: byFollowUps
        ? "You have checked in and heard nothing back. Marking it as ghosted takes it out of your waiting list without deleting anything, and it comes back if they reply."
        : "A month without a word usually means they have moved on. Marking it as ghosted takes it out of your waiting list without deleting anything, and it comes back if they reply.",
      priority: "low",
      dueAt,
      since,
      reasons: byFollowUps
        ? [`You sent ${plural(sent, "follow-up", "follow-ups", "plain")} ${after} and none was answered.`, `The last one went out ${ago(facts, lastFollowUp as Date)}.`]
        : [
            lastWord(facts, wait),
            `After ${LONG_SILENCE_DAYS} days without a word, another follow-up is unlikely to change anything.`,
            ...(sent ? [`You sent ${plural(sent, "follow-up", "follow-ups", "plain")} ${after} and none was answered.`] : []),
          ],
    }),
  ];
}

export function keepSearching(facts: Facts): Recommendation[] {
  if (!WAITING_STATUSES.includes(facts.status)) return [];
  const round = lastEndedRound(facts);
  if (!round || round.round.outcome !== "pending") return [];
  if (facts.events.some((e) => ["offer_received", "rejection_received", "withdrawn"].includes(e.kind))) return [];
  const others = otherApplications(facts);
  return [
    step(facts, "keep-searching", {
      about: round.round.id,
      roundId: round.round.id,
      title: "Keep other applications moving",
      detail:
        "While you wait, keep other applications and interviews going. Until you hold a written offer, more options mean less riding on any single answer.",
      priority: others < FEW_OTHER_APPLICATIONS ? "medium" : "low",
      since: round.end,
      reasons: [
        `${roundName(facts, round)} ended ${ago(facts, round.end)} and their decision is still open.`,
        others === 0
          ? "This is your only application in play."
          : `You have ${plural(others, "other application", "other applications", "plain")} in play.`,
      ],
    }),
  ];
}
