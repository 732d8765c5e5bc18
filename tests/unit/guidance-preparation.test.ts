import { describe, expect, it } from "vitest";
import { JUST_LOGGED_DAYS } from "@/lib/guidance/rules/preparation";
import type { GuidanceRound } from "@/lib/guidance/input";
import type { RuleId } from "@/lib/guidance/rule-ids";
import type { RoundKind } from "@/lib/vocabulary";
import { ago, days, endedAgo, event, fromNow, guidanceInput, hours, MINUTE, NOW, plus, round, stepOf } from "./support/guidance";

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

  it("is due when logged, not before, for a round booked inside the lead time", () => {
    const loggedAt = ago(hours(1));
    const input = twoRounds({ scheduledAt: fromNow(days(2)), loggedAt });
    const step = stepOf(input, "prepare-research-company");
    expect(step?.dueAt).toEqual(loggedAt);
    expect(step?.since).toEqual(loggedAt);
    expect(step?.overdue).toBe(true);
  });
});

describe("prepare-examples", () => {
  itNeedsAFutureLaterRound("prepare-examples");

  it("is due the prep lead time before the round", () => {
    expect(stepOf(twoRounds(), "prepare-examples")?.dueAt).toEqual(plus(ROUND_2_AT, -days(3)));
    const input = guidanceInput({ rounds: [firstRound(), secondRound()], settings: { prepLeadDays: 1 } });
    expect(stepOf(input, "prepare-examples")?.dueAt).toEqual(plus(ROUND_2_AT, -days(1)));
  });

  it("is due at logging time when booked late", () => {
    const loggedAt = ago(MINUTE * 5);
    expect(stepOf(twoRounds({ scheduledAt: fromNow(hours(30)), loggedAt }), "prepare-examples")?.dueAt).toEqual(loggedAt);
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

  it("is due at logging time for a round booked less than a day ahead", () => {
    const loggedAt = ago(hours(2));
    const step = stepOf(twoRounds({ scheduledAt: fromNow(hours(12)), loggedAt }), "prepare-questions-to-ask");
    expect(step?.dueAt).toEqual(loggedAt);
    expect(step?.overdue).toBe(true);
  });
});

describe("prepare-mock-interview", () => {
  itNeedsAFutureLaterRound("prepare-mock-interview");

  it("is due one day before the round, low priority", () => {
    const step = stepOf(twoRounds(), "prepare-mock-interview");
    expect(step?.dueAt).toEqual(plus(ROUND_2_AT, -days(1)));
    expect(step?.priority).toBe("low");
  });

  it("is due at logging time when booked late, and not overdue before then", () => {
    const loggedAt = NOW;
    const input = twoRounds({ scheduledAt: fromNow(hours(20)), loggedAt });
    expect(stepOf(input, "prepare-mock-interview")?.dueAt).toEqual(loggedAt);
    expect(stepOf(input, "prepare-mock-interview")?.overdue).toBe(false);
    expect(stepOf(input, "prepare-mock-interview", plus(NOW, MINUTE))?.overdue).toBe(true);
  });
});

describe("expect-question-types", () => {
  itNeedsAFutureLaterRound("expect-question-types");

  it("has no due time and lists the kinds of question later rounds ask", () => {
    const step = stepOf(twoRounds(), "expect-question-types");
    expect(step).toMatchObject({ dueAt: null, overdue: false, priority: "low" });
    for (const kind of ["past work", "technical", "what-would-you-do", "how you like to work", "few years", "the team"]) {
      expect(step?.detail).toContain(kind);
    }
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

  it("fires when pay came up in a past round, even with no round to come", () => {
    const input = guidanceInput({ rounds: [firstRound({ signals: salary })] });
    const step = stepOf(input, "salary-wait-for-offer");
    expect(step?.key).toBe("salary-wait-for-offer:r1");
    expect(step?.reasons).toEqual(["Pay came up in round 1 with Acme.", "No offer is logged yet."]);
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
