import { describe, expect, it } from "vitest";
import type { GuidanceEvent, GuidanceRound } from "@/lib/guidance/input";
import type { GuidanceSettings } from "@/lib/guidance/settings";
import { days, event, guidanceInput, hours, MINUTE, plus, round, stepOf } from "./support/guidance";

// Round 2 (a second interview) ran 15:00-16:00 UTC on Friday 20 November 2026.
// Every check below picks its own `now` relative to END.
const END = new Date("2026-11-20T16:00:00Z");
const r1 = round({ id: "r1", scheduledAt: new Date("2026-11-10T10:00:00Z"), outcome: "advanced", thankYouSentAt: new Date("2026-11-10T15:00:00Z") });
const r2 = (over: Partial<GuidanceRound> = {}) =>
  round({ id: "r2", kind: "second", scheduledAt: plus(END, -hours(1)), thankYouSentAt: plus(END, hours(2)), ...over });

function waiting(over: { round?: Partial<GuidanceRound>; events?: GuidanceEvent[]; settings?: Partial<GuidanceSettings>; timeZone?: string } = {}) {
  return guidanceInput({ rounds: [r1, r2(over.round)], events: over.events ?? [], settings: over.settings, timeZone: over.timeZone });
}

const followUps = (...at: Date[]) => at.map((d) => event("follow_up_sent", d));
const timeline = (onDate: string | null) => ({ signals: [{ signal: "hiring_timeline" as const, onDate }] });

describe("follow-up-after-silence", () => {
  const FOLLOW = "follow-up-after-silence";

  it("gives no step 6 days after the last round and one at 8 days (decision wait 7)", () => {
    expect(stepOf(waiting(), FOLLOW, plus(END, days(6)))).toBeUndefined();
    const step = stepOf(waiting(), FOLLOW, plus(END, days(8)));
    expect(step).toMatchObject({ key: `${FOLLOW}:r2:1`, roundId: "r2", title: "Follow up with Acme", priority: "medium", draft: "follow-up" });
    expect(step?.dueAt).toEqual(plus(END, days(7)));
    expect(step?.overdue).toBe(true);
    expect(step?.reasons).toEqual([
      "Round 2 with Acme ended 8 days ago and nothing has been heard since.",
      "Companies usually take about 7 days to decide, and that has passed.",
    ]);
  });

  it("appears exactly when the decision wait is over, not a minute before", () => {
    expect(stepOf(waiting(), FOLLOW, plus(END, days(7) - MINUTE))).toBeUndefined();
    expect(stepOf(waiting(), FOLLOW, plus(END, days(7)))).toMatchObject({ overdue: false, dueAt: plus(END, days(7)) });
  });

  it("follows the user's decision wait", () => {
    const input = waiting({ settings: { decisionWaitDays: 10 } });
    expect(stepOf(input, FOLLOW, plus(END, days(8)))).toBeUndefined();
    expect(stepOf(input, FOLLOW, plus(END, days(10)))?.reasons[1]).toBe("Companies usually take about 10 days to decide, and that has passed.");
  });

  it("waits out a stated hiring date later than the decision wait, to midnight in the user's zone", () => {
    // 4 December ends at 05:00 UTC on the 5th in New York.
    const ny = waiting({ round: timeline("2026-12-04"), timeZone: "America/New_York" });
    const midnight = new Date("2026-12-05T05:00:00Z");
    expect(stepOf(ny, FOLLOW, plus(midnight, -MINUTE))).toBeUndefined();
    const step = stepOf(ny, FOLLOW, midnight);
    expect(step?.dueAt).toEqual(midnight);
    expect(step?.reasons[1]).toBe("They said they would decide by Fri, 4 Dec 2026, and that day is over.");
    // ... and in Tokyo it is already over at 15:00 UTC on the 4th.
    const tokyo = waiting({ round: timeline("2026-12-04"), timeZone: "Asia/Tokyo" });
    expect(stepOf(tokyo, FOLLOW, new Date("2026-12-04T14:59:00Z"))).toBeUndefined();
    expect(stepOf(tokyo, FOLLOW, new Date("2026-12-04T15:00:00Z"))?.dueAt).toEqual(new Date("2026-12-04T15:00:00Z"));
  });

  it("keeps the decision wait when the stated date comes sooner, or has no date", () => {
    const soon = stepOf(waiting({ round: timeline("2026-11-22") }), FOLLOW, plus(END, days(8)));
    expect(soon?.dueAt).toEqual(plus(END, days(7)));
    expect(soon?.reasons[1]).toBe("Companies usually take about 7 days to decide, and that has passed.");
    expect(stepOf(waiting({ round: timeline(null) }), FOLLOW, plus(END, days(7)))?.dueAt).toEqual(plus(END, days(7)));
  });

  it("stops once any reply is logged after the round, but not for one from before it", () => {
    for (const kind of ["response_received", "feedback_received"] as const) {
      expect(stepOf(waiting({ events: [event(kind, plus(END, days(3)))] }), FOLLOW, plus(END, days(8))), kind).toBeUndefined();
    }
    const before = waiting({ events: [event("response_received", plus(END, -days(2)))] });
    expect(stepOf(before, FOLLOW, plus(END, days(8)))?.key).toBe(`${FOLLOW}:r2:1`);
  });

  it("offers a second follow-up only the spacing after the first, under a new key", () => {
    const sent = plus(END, days(8));
    const input = waiting({ events: followUps(sent) });
    expect(stepOf(input, FOLLOW, plus(sent, days(1)))).toBeUndefined();
    expect(stepOf(input, FOLLOW, plus(sent, days(7) - MINUTE))).toBeUndefined();
    const second = stepOf(input, FOLLOW, plus(sent, days(7)));
    expect(second).toMatchObject({ key: `${FOLLOW}:r2:2`, title: "Send follow-up 2 to Acme", dueAt: plus(sent, days(7)) });
    expect(second?.reasons).toContain("Your last follow-up went out 7 days ago.");
  });

  it("spaces follow-ups by the user's setting", () => {
    const sent = plus(END, days(8));
    const input = waiting({ events: followUps(sent), settings: { followUpSpacingDays: 3 } });
    expect(stepOf(input, FOLLOW, plus(sent, days(3) - MINUTE))).toBeUndefined();
    expect(stepOf(input, FOLLOW, plus(sent, days(3)))?.key).toBe(`${FOLLOW}:r2:2`);
  });

  it("still waits out the decision wait after an early follow-up", () => {
    // Sent a day after the round: the spacing ends on day 8, the 10-day decision wait later.
    const input = waiting({ events: followUps(plus(END, days(1))), settings: { decisionWaitDays: 10 } });
    expect(stepOf(input, FOLLOW, plus(END, days(10) - MINUTE))).toBeUndefined();
    expect(stepOf(input, FOLLOW, plus(END, days(10)))).toMatchObject({ key: `${FOLLOW}:r2:2`, dueAt: plus(END, days(10)) });
  });

  it("stops once the move-on number of follow-ups is reached", () => {
    const two = waiting({ events: followUps(plus(END, days(8)), plus(END, days(15))) });
    expect(stepOf(two, FOLLOW, plus(END, days(40)))).toBeUndefined();
    const allowThree = { ...two, settings: { ...two.settings, moveOnFollowUps: 3 } };
    expect(stepOf(allowThree, FOLLOW, plus(END, days(22)))?.key).toBe(`${FOLLOW}:r2:3`);
  });

  it("does not fire unless the round's outcome is pending", () => {
    for (const outcome of ["advanced", "rejected", "offer"] as const) {
      expect(stepOf(waiting({ round: { outcome } }), FOLLOW, plus(END, days(8))), outcome).toBeUndefined();
    }
  });

  it("does not fire while another round is booked, or outside the waiting statuses", () => {
    const booked = guidanceInput({ rounds: [r1, r2(), round({ id: "r3", scheduledAt: plus(END, days(10)) })] });
    expect(stepOf(booked, FOLLOW, plus(END, days(8)))).toBeUndefined();
    for (const status of ["offer", "rejected", "ghosted"] as const) {
      const input = waiting();
      expect(stepOf({ ...input, application: { ...input.application, status } }, FOLLOW, plus(END, days(8))), status).toBeUndefined();
    }
  });

  it("adds the missing next steps to the reasons when the user logged them", () => {
    expect(stepOf(waiting({ round: { noNextSteps: true } }), FOLLOW, plus(END, days(8)))?.reasons).toContain(
      "No next steps were given at the end of round 2.",
    );
  });
});

describe("move-on-no-response", () => {
  const MOVE = "move-on-no-response";
  const F1 = plus(END, days(8));
  const F2 = plus(END, days(15));
  const twoSent = (over: { events?: GuidanceEvent[]; settings?: Partial<GuidanceSettings>; round?: Partial<GuidanceRound> } = {}) =>
    waiting({ ...over, events: [...followUps(F1, F2), ...(over.events ?? [])] });

  it("fires when two unanswered follow-ups are out and the last is a spacing old", () => {
    const step = stepOf(twoSent(), MOVE, plus(F2, days(7)));
    expect(step).toMatchObject({ key: `${MOVE}:r2`, roundId: "r2", dueAt: null, since: plus(F2, days(7)) });
    expect(step?.reasons).toEqual(["You sent 2 follow-ups after round 2 with Acme and none was answered.", "The last one went out 7 days ago."]);
    expect(step?.detail).toMatch(/ghosted/);
    expect(step?.detail).toMatch(/without deleting/);
  });

  it("does not fire an hour before the spacing has passed", () => {
    expect(stepOf(twoSent(), MOVE, plus(F2, days(7) - hours(1)))).toBeUndefined();
    expect(stepOf(twoSent({ settings: { followUpSpacingDays: 3 } }), MOVE, plus(F2, days(3)))?.key).toBe(`${MOVE}:r2`);
  });

  it("does not fire with fewer follow-ups than the move-on point, however long ago", () => {
    expect(stepOf(waiting({ events: followUps(F1) }), MOVE, plus(F1, days(60)))).toBeUndefined();
    // One follow-up went out before round 2 and does not count towards it.
    const early = waiting({ events: followUps(plus(END, -days(5)), F1) });
    expect(stepOf(early, MOVE, plus(F1, days(30)))).toBeUndefined();
  });

  it("moves with the user's move-on setting", () => {
    const three = { settings: { moveOnFollowUps: 3 } };
    expect(stepOf(twoSent(three), MOVE, plus(F2, days(7)))).toBeUndefined();
    const F3 = plus(F2, days(7));
    const sent = twoSent({ ...three, events: followUps(F3) });
    expect(stepOf(sent, MOVE, plus(F3, days(7) - MINUTE))).toBeUndefined();
    expect(stepOf(sent, MOVE, plus(F3, days(7)))?.reasons[0]).toBe("You sent 3 follow-ups after round 2 with Acme and none was answered.");
  });

  it("does not fire once they reply after the follow-ups", () => {
    expect(stepOf(twoSent({ events: [event("response_received", plus(F2, days(1)))] }), MOVE, plus(F2, days(8)))).toBeUndefined();
    expect(stepOf(twoSent({ events: [event("rejection_received", plus(F2, days(1)))] }), MOVE, plus(F2, days(8)))).toBeUndefined();
  });

  it("does not fire unless the round is pending and the application waiting", () => {
    expect(stepOf(twoSent({ round: { outcome: "advanced" } }), MOVE, plus(F2, days(8)))).toBeUndefined();
    const ghosted = twoSent();
    expect(stepOf({ ...ghosted, application: { ...ghosted.application, status: "ghosted" } }, MOVE, plus(F2, days(8)))).toBeUndefined();
  });
});
