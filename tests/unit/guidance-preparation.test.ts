import { describe, expect, it } from "vitest";
import { JUST_LOGGED_DAYS, LATE_BOOKING_GRACE_HOURS } from "@/lib/guidance/rules/preparation";
import type { GuidanceRound } from "@/lib/guidance/input";
import type { RuleId } from "@/lib/guidance/rule-ids";
import type { RoundKind } from "@/lib/vocabulary";
import { ago, days, endedAgo, event, fromNow, guidanceInput, hours, MINUTE, NOW, plus, round, stepOf, stepsOf } from "./support/guidance";

// Round 1 is over; round 2 (a plain "first"-kind booking, later by position) is ten days out.
const ROUND_2_AT = fromNow(days(10));
const firstRound = (over: Partial<GuidanceRound> = {}) => round({ id: "r1", ...endedAgo(days(5)), ...over });
const secondRound = (over: Partial<GuidanceRound> = {}) => round({ id: "r2", scheduledAt: ROUND_2_AT, ...over });
const twoRounds = (over: Partial<GuidanceRound> = {}) => guidanceInput({ rounds: [firstRound(), secondRound(over)] });

/** The catalog's "a later round is scheduled in the future" gate, shared by every preparation rule. */
function itNeedsAFutureLaterRound(ruleId: RuleId) {
  it("fires for round 2 while it is still in the future, about that round", () => {
    const step = stepOf(twoRounds(), ruleId);
    expect(step?.key).toBe(`${ruleId}:r2`);
    expect(step?.roundId).toBe("r2");
    expect(step?.reasons[0]).toBe("Round 2 with Acme (first interview) is on Fri, 11 Dec 2026, 12:00, in 10 days.");
  });

  it.each<RoundKind>(["second", "final", "panel", "onsite"])("fires for a lone %s round: the kind makes it a later round", (kind) => {
    const input = guidanceInput({ rounds: [round({ id: "only", kind, scheduledAt: fromNow(days(10)) })] });
    expect(stepOf(input, ruleId)?.key).toBe(`${ruleId}:only`);
  });

  it.each<RoundKind>(["screen", "first", "technical", "other"])("does not fire for a lone %s round", (kind) => {
    const input = guidanceInput({ rounds: [round({ id: "only", kind, scheduledAt: fromNow(days(10)) })] });
    expect(stepOf(input, ruleId)).toBeUndefined();
  });

  it("does not fire once the later round has started", () => {
    const underWay = guidanceInput({ rounds: [firstRound(), secondRound({ scheduledAt: ago(MINUTE * 10), durationMinutes: 60 })] });
    expect(stepOf(underWay, ruleId)).toBeUndefined();
    expect(stepOf(twoRounds(), ruleId, plus(ROUND_2_AT, -MINUTE))).toBeDefined();
    expect(stepOf(twoRounds(), ruleId, ROUND_2_AT)).toBeUndefined();
  });

  it("does not fire once an offer is logged or the application is no longer being decided", () => {
    const offered = guidanceInput({ rounds: [firstRound(), secondRound()], events: [event("offer_received", ago(hours(2)))] });
    expect(stepOf(offered, ruleId)).toBeUndefined();
    for (const status of ["offer", "rejected", "ghosted", "saved"] as const) {
      const input = guidanceInput({ application: { status }, rounds: [firstRound(), secondRound()] });
      expect(stepOf(input, ruleId), status).toBeUndefined();
    }
  });
}

describe("second-round-expectations", () => {
  it("fires for an upcoming later round, low priority with no due time, and promises nothing", () => {
    const step = stepOf(twoRounds(), "second-round-expectations");
    expect(step).toMatchObject({ key: "second-round-expectations:r2", priority: "low", dueAt: null, overdue: false });
    expect(step?.detail).toMatch(/does not promise/);
    expect(step?.detail).not.toMatch(/got the job|you will get/i);
  });

  it("does not fire for an upcoming round that is not a later round", () => {
    const input = guidanceInput({ rounds: [round({ id: "only", kind: "first", scheduledAt: fromNow(days(4)) })] });
    expect(stepOf(input, "second-round-expectations")).toBeUndefined();
  });

  it("fires for a later round that already happened when it was just logged", () => {
    const past = round({ id: "r2", kind: "second", ...endedAgo(days(2)), loggedAt: ago(hours(30)) });
    const step = stepOf(guidanceInput({ rounds: [past] }), "second-round-expectations");
    expect(step?.key).toBe("second-round-expectations:r2");
    expect(step?.reasons).toEqual(["You logged round 1 with Acme 30 hours ago."]);
  });

  it(`counts as just logged up to exactly ${JUST_LOGGED_DAYS} days after logging, not a minute more`, () => {
    const loggedAt = ago(days(JUST_LOGGED_DAYS));
    const input = guidanceInput({ rounds: [firstRound(), round({ id: "r2", scheduledAt: ago(days(4)), loggedAt })] });
    expect(stepOf(input, "second-round-expectations")?.reasons).toEqual(["You logged round 2 with Acme 3 days ago."]);
    expect(stepOf(input, "second-round-expectations", plus(NOW, MINUTE))).toBeUndefined();
  });

  it("does not fire for a past later round logged before it happened", () => {
    const past = round({ id: "r2", kind: "final", ...endedAgo(days(1)) });
    expect(stepOf(guidanceInput({ rounds: [past] }), "second-round-expectations")).toBeUndefined();
  });

  it("does not fire for a just-logged round once an offer is logged or the status is not waiting", () => {
    const past = round({ id: "r2", kind: "second", ...endedAgo(days(2)), loggedAt: ago(hours(3)) });
    expect(stepOf(guidanceInput({ rounds: [past], events: [event("offer_received", ago(hours(1)))] }), "second-round-expectations")).toBeUndefined();
    expect(stepOf(guidanceInput({ rounds: [past], application: { status: "rejected" } }), "second-round-expectations")).toBeUndefined();
  });
});

describe("prepare-research-company", () => {
  itNeedsAFutureLaterRound("prepare-research-company");

  it("is due the prep lead time (3 days) before the round and names the company", () => {
    const step = stepOf(twoRounds(), "prepare-research-company");
    expect(step?.dueAt).toEqual(plus(ROUND_2_AT, -days(3)));
    expect(step).toMatchObject({ priority: "medium", overdue: false, title: "Research Acme before round 2" });
    expect(step?.reasons[1]).toBe("Starting 3 days ahead leaves time to read properly.");
  });

  it("follows the user's prep lead setting", () => {
    const input = guidanceInput({ rounds: [firstRound(), secondRound()], settings: { prepLeadDays: 5 } });
    expect(stepOf(input, "prepare-research-company")?.dueAt).toEqual(plus(ROUND_2_AT, -days(5)));
  });

  it("turns overdue just after the lead time starts", () => {
    const dueAt = plus(ROUND_2_AT, -days(3));
    expect(stepOf(twoRounds(), "prepare-research-company", dueAt)?.overdue).toBe(false);
    expect(stepOf(twoRounds(), "prepare-research-company", plus(dueAt, MINUTE))?.overdue).toBe(true);
  });

  it(`gives a round booked inside the lead time ${LATE_BOOKING_GRACE_HOURS} hours from logging, not overdue at once`, () => {
    const loggedAt = ago(hours(1));
    const input = twoRounds({ scheduledAt: fromNow(days(2)), loggedAt });
    const step = stepOf(input, "prepare-research-company");
    expect(LATE_BOOKING_GRACE_HOURS).toBe(12);
    const dueAt = plus(loggedAt, hours(12));
    expect(step?.dueAt).toEqual(dueAt);
    expect(step?.since).toEqual(loggedAt);
    expect(step?.overdue).toBe(false);
    expect(stepOf(input, "prepare-research-company", dueAt)?.overdue).toBe(false);
    expect(stepOf(input, "prepare-research-company", plus(dueAt, MINUTE))?.overdue).toBe(true);
  });

  it("never gives less than the grace: booking a little earlier never makes a step due sooner", () => {
    const start = fromNow(days(5));
    const ideal = plus(start, -days(3));
    const dueIfLoggedAt = (loggedAt: Date) => stepOf(twoRounds({ scheduledAt: start, loggedAt }), "prepare-research-company", loggedAt)?.dueAt;
    // Logged well before the lead time: the usual due time.
    expect(dueIfLoggedAt(plus(ideal, -hours(12)))).toEqual(ideal);
    // Logged just before it: still at least 12 hours from logging.
    expect(dueIfLoggedAt(plus(ideal, -hours(1)))).toEqual(plus(ideal, hours(11)));
    expect(dueIfLoggedAt(plus(ideal, -MINUTE))).toEqual(plus(ideal, hours(12) - MINUTE));
    expect(dueIfLoggedAt(ideal)).toEqual(plus(ideal, hours(12)));
    expect(dueIfLoggedAt(plus(ideal, MINUTE))).toEqual(plus(ideal, hours(12) + MINUTE));
  });

  it("is due when the round starts for one booked less than the grace ahead", () => {
    const loggedAt = ago(hours(1));
    const start = fromNow(hours(1));
    const step = stepOf(twoRounds({ scheduledAt: start, loggedAt }), "prepare-research-company");
    expect(step).toMatchObject({ dueAt: start, since: loggedAt, overdue: false });
    // Exactly the grace ahead: the grace and the start are the same instant.
    const edge = twoRounds({ scheduledAt: fromNow(hours(11)), loggedAt });
    expect(stepOf(edge, "prepare-research-company")?.dueAt).toEqual(fromNow(hours(11)));
  });
});

describe("prepare-examples", () => {
  itNeedsAFutureLaterRound("prepare-examples");

  it("is due the prep lead time before the round", () => {
    expect(stepOf(twoRounds(), "prepare-examples")?.dueAt).toEqual(plus(ROUND_2_AT, -days(3)));
    const input = guidanceInput({ rounds: [firstRound(), secondRound()], settings: { prepLeadDays: 1 } });
    expect(stepOf(input, "prepare-examples")?.dueAt).toEqual(plus(ROUND_2_AT, -days(1)));
  });

  it("is due 12 hours after logging when booked late", () => {
    const loggedAt = ago(MINUTE * 5);
    const step = stepOf(twoRounds({ scheduledAt: fromNow(hours(30)), loggedAt }), "prepare-examples");
    expect(step).toMatchObject({ dueAt: plus(loggedAt, hours(12)), since: loggedAt, overdue: false });
  });

  it("says what earlier rounds covered, leaving out salary and the positive signs", () => {
    const covered = firstRound({
      signals: [
        { signal: "behavioral_questions", onDate: null },
        { signal: "technical_questions", onDate: null },
        { signal: "salary_raised", onDate: null },
        { signal: "met_team", onDate: null },
      ],
    });
    const step = stepOf(guidanceInput({ rounds: [covered, secondRound()] }), "prepare-examples");
    expect(step?.reasons[1]).toBe("Earlier rounds covered behavioural questions and technical questions.");
    expect(stepOf(twoRounds(), "prepare-examples")?.reasons).toHaveLength(1);
  });
});

describe("prepare-questions-to-ask", () => {
  itNeedsAFutureLaterRound("prepare-questions-to-ask");

  it("is due one day before the round, whatever the prep lead", () => {
    expect(stepOf(twoRounds(), "prepare-questions-to-ask")?.dueAt).toEqual(plus(ROUND_2_AT, -days(1)));
    const input = guidanceInput({ rounds: [firstRound(), secondRound()], settings: { prepLeadDays: 7 } });
    expect(stepOf(input, "prepare-questions-to-ask")?.dueAt).toEqual(plus(ROUND_2_AT, -days(1)));
  });

  it("is not overdue two days out while the lead-time steps already are", () => {
    const input = twoRounds({ scheduledAt: fromNow(days(2)) });
    expect(stepOf(input, "prepare-questions-to-ask")?.overdue).toBe(false);
    expect(stepOf(input, "prepare-research-company")?.overdue).toBe(true);
  });

  it("is due 12 hours after logging for a round booked less than a day ahead", () => {
    const loggedAt = ago(hours(2));
    const input = twoRounds({ scheduledAt: fromNow(hours(14)), loggedAt });
    const step = stepOf(input, "prepare-questions-to-ask");
    expect(step).toMatchObject({ dueAt: fromNow(hours(10)), since: loggedAt, overdue: false });
    expect(stepOf(input, "prepare-questions-to-ask", fromNow(hours(10) + MINUTE))?.overdue).toBe(true);
  });

  it("is due at the start for a round logged 2 hours before it", () => {
    const start = fromNow(hours(2));
    const step = stepOf(twoRounds({ scheduledAt: start, loggedAt: NOW }), "prepare-questions-to-ask");
    expect(step).toMatchObject({ dueAt: start, since: NOW, overdue: false });
    expect(stepOf(twoRounds({ scheduledAt: start, loggedAt: NOW }), "prepare-questions-to-ask", plus(start, -MINUTE))?.overdue).toBe(false);
  });
});

describe("prepare-mock-interview", () => {
  itNeedsAFutureLaterRound("prepare-mock-interview");

  it("is due one day before the round, low priority", () => {
    const step = stepOf(twoRounds(), "prepare-mock-interview");
    expect(step?.dueAt).toEqual(plus(ROUND_2_AT, -days(1)));
    expect(step?.priority).toBe("low");
  });

  it("is due 12 hours after logging when booked late, and not overdue before then", () => {
    const loggedAt = NOW;
    const input = twoRounds({ scheduledAt: fromNow(hours(20)), loggedAt });
    const dueAt = fromNow(hours(12));
    expect(stepOf(input, "prepare-mock-interview")?.dueAt).toEqual(dueAt);
    expect(stepOf(input, "prepare-mock-interview")?.overdue).toBe(false);
    expect(stepOf(input, "prepare-mock-interview", dueAt)?.overdue).toBe(false);
    expect(stepOf(input, "prepare-mock-interview", plus(dueAt, MINUTE))?.overdue).toBe(true);
  });
});

describe("expect-question-types", () => {
  itNeedsAFutureLaterRound("expect-question-types");

  it("has no due time and lists the kinds of question later rounds ask", () => {
    const step = stepOf(twoRounds(), "expect-question-types");
    expect(step).toMatchObject({ dueAt: null, overdue: false, priority: "low" });
    expect(step?.detail).toBe(
      "Later rounds tend to ask for stories from past work, technical depth, what-would-you-do cases, how you like to work, where your career is heading, and how you would get on with the team.",
    );
  });

  it("dates from when the round was booked, like the other preparation steps", () => {
    const loggedAt = ago(hours(3));
    expect(stepOf(twoRounds({ loggedAt }), "expect-question-types")?.since).toEqual(loggedAt);
  });

  it("mentions topics covered earlier", () => {
    const covered = firstRound({ signals: [{ signal: "scenario_questions", onDate: null }] });
    const step = stepOf(guidanceInput({ rounds: [covered, secondRound()] }), "expect-question-types");
    expect(step?.reasons).toContain("Earlier rounds covered scenario questions.");
  });
});

describe("salary-wait-for-offer", () => {
  const salary = [{ signal: "salary_raised" as const, onDate: null }];

  it("fires for an upcoming later round with no offer yet", () => {
    const step = stepOf(twoRounds(), "salary-wait-for-offer");
    expect(step?.key).toBe("salary-wait-for-offer:r2");
    expect(step?.reasons).toEqual(["Round 2 with Acme is in 10 days.", "No offer is logged yet."]);
    expect(step?.dueAt).toBeNull();
  });

  it("dates the step from when the upcoming round was booked", () => {
    const loggedAt = ago(hours(5));
    expect(stepOf(twoRounds({ loggedAt }), "salary-wait-for-offer")?.since).toEqual(loggedAt);
  });

  it("fires when pay came up in a past round, even with no round to come, dated from that round", () => {
    const input = guidanceInput({ rounds: [firstRound({ signals: salary })] });
    const step = stepOf(input, "salary-wait-for-offer");
    expect(step?.key).toBe("salary-wait-for-offer:r1");
    expect(step?.roundId).toBe("r1");
    expect(step?.since).toEqual(input.rounds[0].scheduledAt);
    expect(step?.reasons).toEqual(["Pay came up in round 1 with Acme.", "No offer is logged yet."]);
  });

  it("is about the round to come when pay came up before it, giving both reasons", () => {
    const loggedAt = ago(days(1));
    const input = guidanceInput({ rounds: [firstRound({ signals: salary }), secondRound({ loggedAt })] });
    const step = stepOf(input, "salary-wait-for-offer");
    expect(step).toMatchObject({ key: "salary-wait-for-offer:r2", roundId: "r2", since: loggedAt, dueAt: null });
    expect(step?.reasons).toEqual(["Pay came up in round 1 with Acme.", "Round 2 with Acme is in 10 days.", "No offer is logged yet."]);
  });

  it("comes back for a newly booked round after the user put it away for the last one", () => {
    const r2 = round({ id: "r2", kind: "second", ...endedAgo(days(2)), signals: salary });
    const handled = [{ key: "salary-wait-for-offer:r2", state: "dismissed" as const, until: null }];
    expect(stepOf(guidanceInput({ rounds: [firstRound(), r2], handled }), "salary-wait-for-offer")).toBeUndefined();
    const r3 = round({ id: "r3", kind: "final", scheduledAt: fromNow(days(4)), loggedAt: ago(hours(1)) });
    const step = stepOf(guidanceInput({ rounds: [firstRound(), r2, r3], handled }), "salary-wait-for-offer");
    expect(step).toMatchObject({ key: "salary-wait-for-offer:r3", roundId: "r3", since: ago(hours(1)) });
    expect(step?.reasons).toEqual(["Pay came up in round 2 with Acme.", "Round 3 with Acme is in 4 days.", "No offer is logged yet."]);
  });

  it("keeps the key of the round it was put away for once that round has been held", () => {
    // Pay came up in round 1; the step was dismissed while round 2 was still to come.
    const handled = [{ key: "salary-wait-for-offer:r2", state: "dismissed" as const, until: null }];
    const r2 = (scheduledAt: Date) => round({ id: "r2", kind: "second", scheduledAt, durationMinutes: 60 });
    const before = guidanceInput({ rounds: [firstRound({ signals: salary }), r2(fromNow(days(2)))], handled });
    expect(stepOf(before, "salary-wait-for-offer")).toBeUndefined();
    const after = guidanceInput({ rounds: [firstRound({ signals: salary }), r2(ago(days(1)))], handled });
    expect(stepsOf(after, "salary-wait-for-offer")).toEqual([]);
    // Not dismissed: after round 2 the step is about round 2, since the pay talk in round 1.
    const open = stepOf(guidanceInput({ rounds: [firstRound({ signals: salary }), r2(ago(days(1)))] }), "salary-wait-for-offer");
    expect(open).toMatchObject({ key: "salary-wait-for-offer:r2", roundId: "r2" });
  });

  it("does not fire with no later round to come and no salary logged", () => {
    expect(stepOf(guidanceInput({ rounds: [firstRound()] }), "salary-wait-for-offer")).toBeUndefined();
  });

  it("does not count salary ticked on a round that has not started", () => {
    const future = round({ id: "only", kind: "first", scheduledAt: fromNow(days(3)), signals: salary });
    expect(stepOf(guidanceInput({ rounds: [future] }), "salary-wait-for-offer")).toBeUndefined();
  });

  it("stops once an offer is logged or the application leaves the waiting statuses", () => {
    const rounds = [firstRound({ signals: salary }), secondRound()];
    expect(stepOf(guidanceInput({ rounds, events: [event("offer_received", ago(hours(1)))] }), "salary-wait-for-offer")).toBeUndefined();
    expect(stepOf(guidanceInput({ rounds, application: { status: "offer" } }), "salary-wait-for-offer")).toBeUndefined();
    expect(stepOf(guidanceInput({ rounds, application: { status: "rejected" } }), "salary-wait-for-offer")).toBeUndefined();
  });
});
