import { plural } from "@/lib/text/plural";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { WAITING_STATUSES } from "@/lib/vocabulary";
import { reached } from "../clock";
import { addHours, firstPlanningTimeFrom, kindWord, perCall, planningTimeDaysAfter, roundLabel, roundName, type Facts, type RoundFact } from "../facts";
import { ago, until, when } from "../phrases";
import type { Recommendation } from "../recommendation";
import { EARLIER_ROUND_NOTE, RULE_SOURCES, type Source } from "../rule-ids";
import { withCovered } from "./covered";
import { step } from "./step";

/** Questions to ask and a mock interview are last-day work, whatever the prep lead. */
export const LAST_DAY_PREP_DAYS = 1;
/** What a later round means is said before it, and for this long after it ends; never because it was typed in late. */
export const EXPECTATIONS_AFTER_HOURS = 24;

/** The next later round, while the application is still being decided. */
function upcomingLaterRound(facts: Facts): RoundFact | undefined {
  if (!WAITING_STATUSES.includes(facts.status) || facts.latestOffer) return undefined;
  return facts.rounds.find((r) => r.later && !reached(facts, r.start.getTime()));
}

/** "Your second interview with Acme is on Wed, 2 Dec 2026, 14:00, in 5 days.": several steps give it as their reason. */
const scheduledReason = perCall(
  (r: RoundFact, facts: Facts) =>
    `Your ${kindWord(r.round.kind)} with ${facts.company} is on ${when(r.start, facts.input)}, ${until(facts, r.start)}.`,
);

/** Preparation booked at short notice is due no later than this long before the round. */
export const SHORT_NOTICE_CUTOFF_HOURS = 3;

/** When the user learned of the round: when they logged it, or its start if they logged it afterwards. */
const bookedAt = (r: RoundFact) => (r.round.loggedAt.getTime() < r.start.getTime() ? r.round.loggedAt : r.start);

/**
 * 09:00 on the day `days` before the round's day. A round booked too late
 * for that is due at the first 09:00 after it was logged, but never later
 * than a few hours before it starts (nor before it was logged): it is not
 * overdue the moment it is written down, nor due after it has begun.
 */
function dueBefore(facts: Facts, r: RoundFact, days: number) {
  const since = bookedAt(r);
  const ideal = planningTimeDaysAfter(facts, r.start, -days);
  if (ideal.getTime() >= since.getTime()) return { since, dueAt: ideal };
  const cutoff = Math.max(addHours(r.start, -SHORT_NOTICE_CUTOFF_HOURS).getTime(), since.getTime());
  const next = firstPlanningTimeFrom(facts, since).getTime();
  return { since, dueAt: new Date(Math.min(next, cutoff)) };
}

/** A later round that has started and ended less than a day ago, by when it happened, not when it was logged. */
function justHeldLaterRound(facts: Facts): RoundFact | undefined {
  if (!WAITING_STATUSES.includes(facts.status) || facts.latestOffer) return undefined;
  return facts.rounds.findLast(
    (r) => r.later && reached(facts, r.start.getTime()) && !reached(facts, r.end.getTime() + EXPECTATIONS_AFTER_HOURS * HOUR_MS),
  );
}

export function secondRoundExpectations(facts: Facts): Recommendation[] {
  const upcoming = upcomingLaterRound(facts);
  const recent = upcoming ?? justHeldLaterRound(facts);
  if (!recent) return [];
  const reason = upcoming
    ? scheduledReason(recent, facts)
    : !reached(facts, recent.end.getTime())
      ? `${roundName(facts, recent)} is under way.`
      : `${roundName(facts, recent)} ended ${ago(facts, recent.end)}.`;
  return [
    step(facts, "second-round-expectations", {
      about: recent.round.id,
      roundId: recent.round.id,
      title: "Know what a later round means",
      detail:
        "Being asked back puts you on a short list, and this round looks harder at depth and fit. It brings you closer to an offer; it does not promise one.",
      priority: "low",
      since: bookedAt(recent),
      reasons: [reason],
    }),
  ];
}

type EveryRoundPrep = "prepare-research-company" | "prepare-examples" | "prepare-questions-to-ask";
const EVERY_ROUND_PREP: readonly EveryRoundPrep[] = ["prepare-research-company", "prepare-examples", "prepare-questions-to-ask"];
const LATER_ROUND_SOURCES = Object.fromEntries(EVERY_ROUND_PREP.map((id) => [id, undefined])) as Record<EveryRoundPrep, undefined>;
const EARLIER_ROUND_SOURCES = Object.fromEntries(EVERY_ROUND_PREP.map((id) => [id, { ...RULE_SOURCES[id], note: EARLIER_ROUND_NOTE }])) as Record<EveryRoundPrep, Source>;

/** Preparation for a round this close is among the day's most important steps. */
export const PREP_URGENT_HOURS = 48;

/** When to start, as the time left allows: never "3 days ahead" when the round is a day away. */
function whenToStart(facts: Facts, r: RoundFact, lead: number): string {
  if (!reached(facts, r.start.getTime() - lead * DAY_MS)) return `Starting ${plural(lead, "day", "days", "plain")} ahead leaves time to read properly.`;
  return `With the round ${until(facts, r.start)}, start today: an hour of reading now beats none.`;
}

function roundPreparation(facts: Facts, r: RoundFact, into: Recommendation[]): void {
  const lead = facts.input.settings.prepLeadDays;
  const scheduled = scheduledReason(r, facts);
  const early = dueBefore(facts, r, lead);
  const lastDay = lead === LAST_DAY_PREP_DAYS ? early : dueBefore(facts, r, LAST_DAY_PREP_DAYS);
  const about = r.round.id;
  const soon = reached(facts, r.start.getTime() - PREP_URGENT_HOURS * HOUR_MS);
  const urgency = soon ? "high" : "medium";
  // The article writes this for later rounds; an earlier one gets it too, and its source says so.
  const sources = r.later ? LATER_ROUND_SOURCES : EARLIER_ROUND_SOURCES;
  // Fields named one by one rather than spread from `early`: this runs for every round to come of every application.
  into.push(
    step(facts, "prepare-research-company", {
      about,
      roundId: about,
      title: `Research ${facts.company} before your ${roundLabel(facts, r)}`,
      detail:
        "Catch up on their latest news, wins and setbacks, who they compete with, and what they sell. Knowing what they stand for lets you talk about fit with real detail.",
      priority: urgency,
      since: early.since,
      dueAt: early.dueAt,
      reasons: [scheduled, whenToStart(facts, r, lead)],
      source: sources["prepare-research-company"],
    }),
    step(facts, "prepare-examples", {
      about,
      roundId: about,
      title: "Pick the stories you will tell",
      detail:
        "Choose two or three pieces of your past work that show what this role needs, and shape each one around what this team cares about.",
      priority: urgency,
      since: early.since,
      dueAt: early.dueAt,
      reasons: withCovered(scheduled, r, facts),
      source: sources["prepare-examples"],
    }),
    step(facts, "prepare-questions-to-ask", {
      about,
      roundId: about,
      title: "Write down questions for them",
      detail: "Ask where the company is heading and what this team will need next year. Good questions show you are already thinking past the interview.",
      priority: urgency,
      since: lastDay.since,
      dueAt: lastDay.dueAt,
      reasons: [scheduled],
      source: sources["prepare-questions-to-ask"],
    }),
  );
  if (!r.later) return;
  into.push(
    step(facts, "prepare-mock-interview", {
      about,
      roundId: about,
      title: "Rehearse out loud",
      detail: "Run through likely questions with a friend or mentor, playing out a tricky situation or two. Saying answers aloud once makes them easier on the day.",
      priority: soon ? "high" : "low",
      since: lastDay.since,
      dueAt: lastDay.dueAt,
      reasons: [scheduled],
    }),
    step(facts, "expect-question-types", {
      about,
      roundId: about,
      title: "Expect deeper questions",
      detail:
        "Later rounds tend to ask for stories from past work, technical depth, what-would-you-do cases, how you like to work, where your career is heading, and how you would get on with the team.",
      priority: "low",
      since: early.since,
      reasons: withCovered(scheduled, r, facts),
    }),
  );
}

/** Preparation for every round still to come; the article's later-round steps (a mock interview, question types) for later rounds only. */
export function preparationSteps(facts: Facts): Recommendation[] {
  if (!WAITING_STATUSES.includes(facts.status) || facts.latestOffer) return [];
  const steps: Recommendation[] = [];
  for (const r of facts.rounds) if (!reached(facts, r.start.getTime())) roundPreparation(facts, r, steps);
  return steps;
}

export function salaryWaitForOffer(facts: Facts): Recommendation[] {
  if (facts.latestOffer || !WAITING_STATUSES.includes(facts.status)) return [];
  const upcoming = upcomingLaterRound(facts);
  const raised = facts.rounds.findLast((r) => r.round.signals.some((s) => s.signal === "salary_raised") && reached(facts, r.start.getTime()));
  // Keyed by the newest round behind it (the coming one, else the latest
  // held): a new round is a new reason, and nothing else changes the key.
  const about = upcoming ?? (raised ? facts.rounds.findLast((r) => reached(facts, r.start.getTime())) : undefined);
  if (!about) return [];
  const reasons = [
    ...(raised ? [`Pay came up in ${roundName(facts, raised, "your")}.`] : []),
    ...(upcoming ? [`${roundName(facts, upcoming)} is ${until(facts, upcoming.start)}.`] : []),
    "No offer is logged yet.",
  ];
  return [
    step(facts, "salary-wait-for-offer", {
      about: about.round.id,
      roundId: about.round.id,
      title: "Keep salary talk for the offer",
      detail: "Know your number in case they ask, but hold the negotiating until they have made an offer: that is when you have the most room.",
      priority: "low",
      since: upcoming ? bookedAt(upcoming) : (raised ?? about).start,
      reasons,
    }),
  ];
}
