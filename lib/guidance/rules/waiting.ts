import { WAITING_STATUSES } from "@/lib/vocabulary";
import {
  addDays,
  dayAfterUtc,
  endOfDate,
  eventsSince,
  later,
  perCall,
  responsesSince,
  roundName,
  statedDecisionDate,
  ZONE_OFFSET_LIMIT_MS,
  type Facts,
  type RoundFact,
} from "../facts";
import { ago, calendarDate, plural } from "../phrases";
import type { Recommendation } from "../recommendation";
import { step } from "./step";

/** Fewer other applications than this in play makes searching on more urgent. */
export const FEW_OTHER_APPLICATIONS = 3;

type Silence = {
  round: RoundFact;
  followUps: Date[];
};

/**
 * The state the waiting rules share: the last round is over, its outcome is
 * still pending, and nothing has been heard since it started.
 */
const silence = (facts: Facts) => silenceOf(facts, facts);
const silenceOf = perCall(function findSilence(_: Facts, facts: Facts): Silence | undefined {
  const round = facts.lastEndedRound;
  if (!round || round.round.outcome !== "pending" || !WAITING_STATUSES.includes(facts.status)) return undefined;
  if (responsesSince(facts, round.start).length > 0) return undefined;
  return { round, followUps: eventsSince(facts, round.start, ["follow_up_sent"]).map((e) => e.occurredAt) };
});

/**
 * The company's own decision date when it ends after the usual wait, or
 * "not yet" while it is still to come. Finding when a date ends in a zone is
 * the costly part, so dates that are clearly past or clearly irrelevant skip it.
 */
function statedDecisionAfter(facts: Facts, usualWait: Date): { date: string; endsAt: Date } | "not yet" | undefined {
  const date = statedDecisionDate(facts);
  if (!date) return undefined;
  const midnight = dayAfterUtc(date).getTime();
  if (midnight + ZONE_OFFSET_LIMIT_MS <= usualWait.getTime()) return undefined;
  if (midnight - ZONE_OFFSET_LIMIT_MS > facts.now.getTime()) return "not yet";
  const endsAt = endOfDate(facts, date);
  if (endsAt.getTime() <= usualWait.getTime()) return undefined;
  return endsAt.getTime() > facts.now.getTime() ? "not yet" : { date, endsAt };
}

export function followUpAfterSilence(facts: Facts): Recommendation[] {
  const s = silence(facts);
  const { decisionWaitDays, followUpSpacingDays, moveOnFollowUps } = facts.input.settings;
  if (!s || s.followUps.length >= moveOnFollowUps) return [];
  const usualWait = addDays(s.round.end, decisionWaitDays);
  if (facts.now.getTime() < usualWait.getTime()) return [];
  const stated = statedDecisionAfter(facts, usualWait);
  if (stated === "not yet") return [];
  const waitedEnough = later(usualWait, stated?.endsAt ?? usualWait);
  const lastFollowUp = s.followUps.at(-1);
  const dueAt = lastFollowUp ? later(addDays(lastFollowUp, followUpSpacingDays), waitedEnough) : waitedEnough;
  if (facts.now.getTime() < dueAt.getTime()) return [];
  const n = s.followUps.length + 1;
  return [
    step(facts, "follow-up-after-silence", {
      about: `${s.round.round.id}:${n}`,
      roundId: s.round.round.id,
      title: n === 1 ? `Follow up with ${facts.company}` : `Send follow-up ${n} to ${facts.company}`,
      detail:
        "A short, friendly note asking how things stand keeps you in mind without pushing. Say you are still interested and offer anything that would help them decide.",
      priority: "medium",
      dueAt,
      since: s.round.end,
      reasons: [
        `${roundName(facts, s.round)} ended ${ago(s.round.end, facts.now)} and nothing has been heard since.`,
        stated
          ? `They said they would decide by ${calendarDate(stated.date)}, and that day is over.`
          : `Companies usually take about ${plural(decisionWaitDays, "day")} to decide, and that has passed.`,
        ...(s.round.round.noNextSteps ? [`No next steps were given at the end of round ${s.round.number}.`] : []),
        ...(lastFollowUp ? [`Your last follow-up went out ${ago(lastFollowUp, facts.now)}.`] : []),
      ],
      draft: "follow-up",
    }),
  ];
}

export function moveOnNoResponse(facts: Facts): Recommendation[] {
  const s = silence(facts);
  const { followUpSpacingDays, moveOnFollowUps } = facts.input.settings;
  const lastFollowUp = s?.followUps.at(-1);
  if (!s || !lastFollowUp || s.followUps.length < moveOnFollowUps) return [];
  const waitedFrom = addDays(lastFollowUp, followUpSpacingDays);
  if (facts.now.getTime() < waitedFrom.getTime()) return [];
  return [
    step(facts, "move-on-no-response", {
      about: s.round.round.id,
      roundId: s.round.round.id,
      title: `Consider moving on from ${facts.company}`,
      detail:
        "You have checked in and heard nothing back. Marking it as ghosted takes it out of your waiting list without deleting anything, and it comes back if they reply.",
      priority: "medium",
      since: waitedFrom,
      reasons: [
        `You sent ${plural(s.followUps.length, "follow-up")} after ${roundName(facts, s.round, "round")} and none was answered.`,
        `The last one went out ${ago(lastFollowUp, facts.now)}.`,
      ],
    }),
  ];
}

export function keepSearching(facts: Facts): Recommendation[] {
  const round = facts.lastEndedRound;
  if (!round || round.round.outcome !== "pending" || !WAITING_STATUSES.includes(facts.status)) return [];
  if (facts.events.some((e) => ["offer_received", "rejection_received", "withdrawn"].includes(e.kind))) return [];
  const others = facts.input.otherActiveApplications;
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
        `${roundName(facts, round)} ended ${ago(round.end, facts.now)} and their decision is still open.`,
        others === 0
          ? "This is your only application in play."
          : `You have ${plural(others, "other application")} in play.`,
      ],
    }),
  ];
}
