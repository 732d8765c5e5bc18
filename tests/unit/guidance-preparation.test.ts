import { describe, expect, it } from "vitest";
import { EXPECTATIONS_AFTER_HOURS, SHORT_NOTICE_CUTOFF_HOURS } from "@/lib/guidance/rules/preparation";
import type { GuidanceRound } from "@/lib/guidance/input";
import type { RuleId } from "@/lib/guidance/rule-ids";
import type { RoundKind } from "@/lib/vocabulary";
import { ago, days, endedAgo, event, fromNow, guidanceInput, hours, MINUTE, NOW, plus, round, stepOf, stepsOf } from "./support/guidance";

// Round 1 is over; round 2 (a plain "first"-kind booking, later by position) is ten days out,
// on Fri 11 Dec 2026 at 12:00 UTC. NOW is Tue 1 Dec 2026, 12:00 UTC.
const ROUND_2_AT = fromNow(days(10));
const firstRound = (over: Partial<GuidanceRound> = {}) => round({ id: "r1", ...endedAgo(days(5)), ...over });
const secondRound = (over: Partial<GuidanceRound> = {}) => round({ id: "r2", scheduledAt: ROUND_2_AT, ...over });
const twoRounds = (over: Partial<GuidanceRound> = {}, timeZone?: string) =>
  guidanceInput({ rounds: [firstRound(), secondRound(over)], timeZone });
const utc = (iso: string) => new Date(`${iso}Z`);

/**
 * The catalog's "a round is scheduled in the future" gate, shared by every
 * preparation rule; the mock interview and question types need a later round.
 */
function itNeedsAFutureLaterRound(ruleId: RuleId, everyRound = false) {
  it("fires for round 2 while it is still in the future, about that round, naming it by what it is", () => {
    const step = stepOf(twoRounds(), ruleId);
    expect(step?.key).toBe(`${ruleId}:r2`);
    expect(step?.roundId).toBe("r2");
    expect(step?.reasons[0]).toBe("Your first interview with Acme is on Fri, 11 Dec 2026, 12:00, in 10 days.");
  });

  it.each<RoundKind>(["second", "final", "panel", "onsite"])("fires for a lone %s round: the kind makes it a later round", (kind) => {
    const input = guidanceInput({ rounds: [round({ id: "only", kind, scheduledAt: fromNow(days(10)) })] });
    expect(stepOf(input, ruleId)?.key).toBe(`${ruleId}:only`);
  });

  if (everyRound) {
    it.each<RoundKind>(["screen", "first", "technical", "other"])("fires for a lone %s round too, its source saying Shortlist applies it to an earlier round", (kind) => {
      const input = guidanceInput({ rounds: [round({ id: "only", kind, scheduledAt: fromNow(days(10)) })] });
      const step = stepOf(input, ruleId);
      expect(step?.key).toBe(`${ruleId}:only`);
      expect(step?.source.note).toBe("The article writes this preparation for a second interview; Shortlist applies it to an earlier round too.");
      expect(stepOf(twoRounds(), ruleId)?.source.note).toBeUndefined();
    });
  } else {
    it.each<RoundKind>(["screen", "first", "technical", "other"])("does not fire for a lone %s round", (kind) => {
      const input = guidanceInput({ rounds: [round({ id: "only", kind, scheduledAt: fromNow(days(10)) })] });
      expect(stepOf(input, ruleId)).toBeUndefined();
    });
  }

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

/** A day-based preparation step follows the user's zone: 09:00 there, on the right local day. */
function itIsDueAtNineInTheUsersZone(ruleId: RuleId, daysBefore: number) {
  it(`is due at 09:00 local, ${daysBefore} day(s) before the round's local day, in zones ahead of and behind UTC`, () => {
    // 12:00 UTC on Fri 11 Dec is 13:00 in Berlin and 04:00 in Los Angeles: the same local day.
    const ahead = stepOf(twoRounds({}, "Europe/Berlin"), ruleId);
    const behind = stepOf(twoRounds({}, "America/Los_Angeles"), ruleId);
    const day = 11 - daysBefore;
    expect(ahead?.dueAt).toEqual(utc(`2026-12-${String(day).padStart(2, "0")}T08:00`));
    expect(behind?.dueAt).toEqual(utc(`2026-12-${String(day).padStart(2, "0")}T17:00`));
    // 03:00 UTC on Fri 11 Dec is still Thu 10 Dec in Los Angeles, and 20:00 UTC is already Sat 12 Dec in Tokyo.
    const early = stepOf(twoRounds({ scheduledAt: utc("2026-12-11T03:00") }, "America/Los_Angeles"), ruleId);
    expect(early?.dueAt).toEqual(utc(`2026-12-${String(day - 1).padStart(2, "0")}T17:00`));
    const late = stepOf(twoRounds({ scheduledAt: utc("2026-12-11T20:00") }, "Asia/Tokyo"), ruleId);
    expect(late?.dueAt).toEqual(utc(`2026-12-${String(day + 1).padStart(2, "0")}T00:00`));
  });
}

describe("second-round-expectations", () => {
  it("fires for an upcoming later round, as advice with no due time, and promises nothing", () => {
    const step = stepOf(twoRounds(), "second-round-expectations");
    expect(step).toMatchObject({ key: "second-round-expectations:r2", priority: "low", kind: "advice", dueAt: null, overdue: false });
    expect(step?.detail).toMatch(/does not promise/);
    expect(step?.detail).not.toMatch(/got the job|you will get/i);
  });

  it("does not fire for an upcoming round that is not a later round", () => {
    const input = guidanceInput({ rounds: [round({ id: "only", kind: "first", scheduledAt: fromNow(days(4)) })] });
    expect(stepOf(input, "second-round-expectations")).toBeUndefined();
  });

  it("fires for a later round that ended less than a day ago, however late it was logged", () => {
    const past = round({ id: "r2", kind: "second", ...endedAgo(hours(3)), loggedAt: ago(MINUTE) });
    const step = stepOf(guidanceInput({ rounds: [past] }), "second-round-expectations");
    expect(step?.key).toBe("second-round-expectations:r2");
    expect(step?.reasons).toEqual(["Your second interview with Acme on Tue 1 Dec ended 3 hours ago."]);
  });

  it("fires while a later round is under way", () => {
    const now = round({ id: "r2", kind: "final", scheduledAt: ago(MINUTE * 20), durationMinutes: 60 });
    expect(stepOf(guidanceInput({ rounds: [now] }), "second-round-expectations")?.reasons).toEqual([
      "Your final interview with Acme on Tue 1 Dec is under way.",
    ]);
  });

  it(`keeps it for less than ${EXPECTATIONS_AFTER_HOURS} hours after the round ends, as the catalog says, and not at the hour itself`, () => {
    const input = guidanceInput({ rounds: [firstRound(), round({ id: "r2", ...endedAgo(hours(EXPECTATIONS_AFTER_HOURS) - MINUTE) })] });
    expect(stepOf(input, "second-round-expectations")?.reasons).toEqual(["Your first interview with Acme on Mon 30 Nov ended 23 hours ago."]);
    expect(stepOf(input, "second-round-expectations", plus(NOW, MINUTE))).toBeUndefined();
  });

  it("names a round of another kind plainly, as an interview", () => {
    const later = guidanceInput({ rounds: [firstRound(), round({ id: "r2", kind: "other", scheduledAt: fromNow(days(3)) })] });
    expect(stepOf(later, "second-round-expectations")?.reasons).toEqual(["Your interview with Acme is on Fri, 4 Dec 2026, 12:00, in 3 days."]);
  });

  it("says nothing for a later round typed in 9 days after it happened", () => {
    const typedLate = round({ id: "r2", kind: "second", ...endedAgo(days(9)), loggedAt: ago(MINUTE * 5) });
    expect(stepOf(guidanceInput({ rounds: [typedLate] }), "second-round-expectations")).toBeUndefined();
    // Nor on any day in between: only the round's own time counts.
    for (let d = 2; d <= 9; d++) {
      const r = round({ id: "r2", kind: "second", ...endedAgo(days(d)), loggedAt: ago(hours(1)) });
      expect(stepOf(guidanceInput({ rounds: [r] }), "second-round-expectations"), `${d} days`).toBeUndefined();
    }
  });

  it("does not fire for a recent round once an offer is logged or the status is not waiting", () => {
    const past = round({ id: "r2", kind: "second", ...endedAgo(hours(2)), loggedAt: ago(hours(1)) });
    expect(stepOf(guidanceInput({ rounds: [past], events: [event("offer_received", ago(hours(1)))] }), "second-round-expectations")).toBeUndefined();
    expect(stepOf(guidanceInput({ rounds: [past], application: { status: "rejected" } }), "second-round-expectations")).toBeUndefined();
  });
});

describe("prepare-research-company", () => {
  itNeedsAFutureLaterRound("prepare-research-company", true);
  itIsDueAtNineInTheUsersZone("prepare-research-company", 3);

  it("is due at 09:00 on the day the prep lead time (3 days) before the round, as a to-do naming the company", () => {
    const step = stepOf(twoRounds(), "prepare-research-company");
    expect(step?.dueAt).toEqual(utc("2026-12-08T09:00"));
    expect(step).toMatchObject({ priority: "medium", kind: "todo", overdue: false, title: "Research Acme before your first interview on Fri 11 Dec" });
    expect(step?.reasons[1]).toBe("Starting 3 days ahead leaves time to read properly.");
  });

  it("follows the user's prep lead setting", () => {
    const input = guidanceInput({ rounds: [firstRound(), secondRound()], settings: { prepLeadDays: 5 } });
    expect(stepOf(input, "prepare-research-company")?.dueAt).toEqual(utc("2026-12-06T09:00"));
  });

  it("turns overdue just after 09:00 on its day", () => {
    const dueAt = utc("2026-12-08T09:00");
    expect(stepOf(twoRounds(), "prepare-research-company", dueAt)?.overdue).toBe(false);
    expect(stepOf(twoRounds(), "prepare-research-company", plus(dueAt, MINUTE))?.overdue).toBe(true);
  });

  it("is due at the first 09:00 after logging for a round booked inside the lead time, not overdue at once", () => {
    // Logged Tue 1 Dec at 12:00 for Thu 3 Dec: three days before was Mon 30 Nov, already gone.
    const input = twoRounds({ scheduledAt: fromNow(days(2)), loggedAt: NOW });
    const step = stepOf(input, "prepare-research-company");
    const dueAt = utc("2026-12-02T09:00");
    expect(step).toMatchObject({ dueAt, since: NOW, overdue: false });
    expect(stepOf(input, "prepare-research-company", dueAt)?.overdue).toBe(false);
    expect(stepOf(input, "prepare-research-company", plus(dueAt, MINUTE))?.overdue).toBe(true);
  });

  it("never makes a step due sooner because the round was booked a little earlier", () => {
    const start = utc("2026-12-06T12:00");
    const dueIfLoggedAt = (loggedAt: Date) => stepOf(twoRounds({ scheduledAt: start, loggedAt }), "prepare-research-company", loggedAt)?.dueAt;
    // Logged before 09:00 three days ahead: that 09:00.
    expect(dueIfLoggedAt(utc("2026-12-03T08:59"))).toEqual(utc("2026-12-03T09:00"));
    expect(dueIfLoggedAt(utc("2026-12-03T09:00"))).toEqual(utc("2026-12-03T09:00"));
    // A minute later, the next morning.
    expect(dueIfLoggedAt(utc("2026-12-03T09:01"))).toEqual(utc("2026-12-04T09:00"));
    expect(dueIfLoggedAt(utc("2026-12-03T23:00"))).toEqual(utc("2026-12-04T09:00"));
  });

  it(`is due ${SHORT_NOTICE_CUTOFF_HOURS} hours before a round booked for the next morning, and at once for one starting sooner than that`, () => {
    // Logged at 12:00 for 10:00 tomorrow: the first 09:00 after logging would leave an hour.
    const tomorrow = stepOf(twoRounds({ scheduledAt: utc("2026-12-02T10:00"), loggedAt: NOW }), "prepare-research-company");
    expect(tomorrow).toMatchObject({ dueAt: utc("2026-12-02T07:00"), since: NOW, overdue: false });
    const soon = stepOf(twoRounds({ scheduledAt: fromNow(hours(2)), loggedAt: NOW }), "prepare-research-company");
    expect(soon).toMatchObject({ dueAt: NOW, since: NOW, overdue: false });
    expect(stepOf(twoRounds({ scheduledAt: fromNow(hours(2)), loggedAt: NOW }), "prepare-research-company", plus(NOW, MINUTE))?.overdue).toBe(true);
  });
});

describe("prepare-examples", () => {
  itNeedsAFutureLaterRound("prepare-examples", true);
  itIsDueAtNineInTheUsersZone("prepare-examples", 3);

  it("is due at 09:00 the prep lead time before the round", () => {
    expect(stepOf(twoRounds(), "prepare-examples")?.dueAt).toEqual(utc("2026-12-08T09:00"));
    const input = guidanceInput({ rounds: [firstRound(), secondRound()], settings: { prepLeadDays: 1 } });
    expect(stepOf(input, "prepare-examples")?.dueAt).toEqual(utc("2026-12-10T09:00"));
  });

  it("is due at the next 09:00 when booked late", () => {
    const loggedAt = ago(MINUTE * 5);
    const step = stepOf(twoRounds({ scheduledAt: fromNow(hours(30)), loggedAt }), "prepare-examples");
    expect(step).toMatchObject({ dueAt: utc("2026-12-02T09:00"), since: loggedAt, overdue: false });
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
  itNeedsAFutureLaterRound("prepare-questions-to-ask", true);
  itIsDueAtNineInTheUsersZone("prepare-questions-to-ask", 1);

  it("is due at 09:00 the day before the round, whatever the prep lead", () => {
    expect(stepOf(twoRounds(), "prepare-questions-to-ask")?.dueAt).toEqual(utc("2026-12-10T09:00"));
    const input = guidanceInput({ rounds: [firstRound(), secondRound()], settings: { prepLeadDays: 7 } });
    expect(stepOf(input, "prepare-questions-to-ask")?.dueAt).toEqual(utc("2026-12-10T09:00"));
  });

  it("is not overdue two days out while the lead-time steps already are", () => {
    const input = twoRounds({ scheduledAt: fromNow(days(2)) });
    expect(stepOf(input, "prepare-questions-to-ask")?.overdue).toBe(false);
    expect(stepOf(input, "prepare-research-company")?.overdue).toBe(true);
  });

  it("is due this morning for a round tomorrow logged before 09:00 today", () => {
    const loggedAt = utc("2026-12-01T08:00");
    const input = twoRounds({ scheduledAt: utc("2026-12-02T15:00"), loggedAt });
    expect(stepOf(input, "prepare-questions-to-ask", loggedAt)).toMatchObject({ dueAt: utc("2026-12-01T09:00"), since: loggedAt, overdue: false });
    expect(stepOf(input, "prepare-questions-to-ask")?.overdue).toBe(true);
  });

  it("is due at the start, never after it, for a round logged 2 hours before it", () => {
    const start = fromNow(hours(2));
    const step = stepOf(twoRounds({ scheduledAt: start, loggedAt: NOW }), "prepare-questions-to-ask");
    expect(step).toMatchObject({ dueAt: NOW, since: NOW, overdue: false });
    expect(step!.dueAt!.getTime()).toBeLessThanOrEqual(start.getTime());
  });
});

describe("prepare-mock-interview", () => {
  itNeedsAFutureLaterRound("prepare-mock-interview");
  itIsDueAtNineInTheUsersZone("prepare-mock-interview", 1);

  it("is due at 09:00 the day before the round, low priority", () => {
    const step = stepOf(twoRounds(), "prepare-mock-interview");
    expect(step?.dueAt).toEqual(utc("2026-12-10T09:00"));
    expect(step?.priority).toBe("low");
  });

  it("is due at the next 09:00 when booked late, and not overdue before then", () => {
    const input = twoRounds({ scheduledAt: fromNow(hours(30)), loggedAt: NOW });
    const dueAt = utc("2026-12-02T09:00");
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
    expect(step).toMatchObject({ kind: "advice", dueAt: null, overdue: false, priority: "low" });
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
    expect(step?.reasons).toEqual(["Your first interview with Acme on Fri 11 Dec is in 10 days.", "No offer is logged yet."]);
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
    expect(step?.reasons).toEqual(["Pay came up in your first interview with Acme on Thu 26 Nov.", "No offer is logged yet."]);
  });

  it("is about the round to come when pay came up before it, giving both reasons", () => {
    const loggedAt = ago(days(1));
    const input = guidanceInput({ rounds: [firstRound({ signals: salary }), secondRound({ loggedAt })] });
    const step = stepOf(input, "salary-wait-for-offer");
    expect(step).toMatchObject({ key: "salary-wait-for-offer:r2", roundId: "r2", since: loggedAt, dueAt: null });
    expect(step?.reasons).toEqual([
      "Pay came up in your first interview with Acme on Thu 26 Nov.",
      "Your first interview with Acme on Fri 11 Dec is in 10 days.",
      "No offer is logged yet.",
    ]);
  });

  it("comes back for a newly booked round after the user put it away for the last one", () => {
    const r2 = round({ id: "r2", kind: "second", ...endedAgo(days(2)), signals: salary });
    const handled = [{ key: "salary-wait-for-offer:r2", state: "dismissed" as const, until: null }];
    expect(stepOf(guidanceInput({ rounds: [firstRound(), r2], handled }), "salary-wait-for-offer")).toBeUndefined();
    const r3 = round({ id: "r3", kind: "final", scheduledAt: fromNow(days(4)), loggedAt: ago(hours(1)) });
    const step = stepOf(guidanceInput({ rounds: [firstRound(), r2, r3], handled }), "salary-wait-for-offer");
    expect(step).toMatchObject({ key: "salary-wait-for-offer:r3", roundId: "r3", since: ago(hours(1)) });
    expect(step?.reasons).toEqual([
      "Pay came up in your second interview with Acme on Sun 29 Nov.",
      "Your final interview with Acme on Sat 5 Dec is in 4 days.",
      "No offer is logged yet.",
    ]);
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
