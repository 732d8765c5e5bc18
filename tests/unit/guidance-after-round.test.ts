import { describe, expect, it } from "vitest";
import type { GuidanceRound } from "@/lib/guidance/input";
import { ACTIVE_STATUSES, APPLICATION_STATUSES, WAITING_STATUSES, type SignalKey } from "@/lib/vocabulary";
import { ago, days, endedAgo, event, fromNow, guidanceInput, hours, MINUTE, NOW, plus, round, stepOf, stepsOf } from "./support/guidance";

const ticked = (...keys: SignalKey[]) => keys.map((signal) => ({ signal, onDate: null }));

describe("send-thank-you", () => {
  // Round 1 was a week and more ago (thanked); round 2 ended `ago` before NOW.
  const thanked = round({ id: "r1", ...endedAgo(days(20)), thankYouSentAt: ago(days(19)) });
  const withRound2 = (endedMsAgo: number, over: Partial<GuidanceRound> = {}, settings = {}) =>
    guidanceInput({ rounds: [thanked, round({ id: "r2", kind: "second", ...endedAgo(endedMsAgo), ...over })], settings });

  it("fires for the ended round with the catalog's reason and a draft; past its window it is no longer high priority", () => {
    const step = stepOf(withRound2(hours(30)), "send-thank-you");
    expect(step).toMatchObject({ key: "send-thank-you:r2", roundId: "r2", priority: "medium", kind: "todo", draft: "thank-you", overdue: true });
    expect(step?.title).toBe("Send a thank-you for your second interview on Mon 30 Nov");
    expect(step?.reasons).toEqual(["Your second interview with Acme on Mon 30 Nov ended 30 hours ago and no thank-you is logged."]);
    expect(step?.dueAt).toEqual(ago(hours(6)));
    expect(step?.since).toEqual(ago(hours(30)));
  });

  it("is open but not overdue 23 hours after the round ends, and overdue at 25", () => {
    expect(stepOf(withRound2(hours(23)), "send-thank-you")).toMatchObject({ overdue: false, dueAt: fromNow(hours(1)), priority: "high" });
    expect(stepOf(withRound2(hours(25)), "send-thank-you")).toMatchObject({ overdue: true, dueAt: ago(hours(1)) });
  });

  it("measures the window from the round's end, not its start", () => {
    const long = withRound2(hours(23), { scheduledAt: ago(hours(26)), durationMinutes: 180 });
    expect(stepOf(long, "send-thank-you")?.overdue).toBe(false);
    // A round with no duration is taken to last an hour.
    const unknown = withRound2(0, { scheduledAt: ago(hours(24) + MINUTE * 30), durationMinutes: null });
    expect(stepOf(unknown, "send-thank-you")?.dueAt).toEqual(fromNow(MINUTE * 30));
  });

  it("follows a 48-hour window from the user's settings", () => {
    const at25 = stepOf(withRound2(hours(25), {}, { thankYouWindowHours: 48 }), "send-thank-you");
    expect(at25).toMatchObject({ overdue: false, dueAt: fromNow(hours(23)) });
    expect(at25?.detail).toContain("within 48 hours");
    expect(stepOf(withRound2(hours(49), {}, { thankYouWindowHours: 48 }), "send-thank-you")?.overdue).toBe(true);
  });

  it("does not fire before the round ends, and fires from the minute it does", () => {
    const underWay = withRound2(0, { scheduledAt: ago(MINUTE * 30), durationMinutes: 60 });
    expect(stepOf(underWay, "send-thank-you")).toBeUndefined();
    expect(stepOf(underWay, "send-thank-you", fromNow(MINUTE * 30))?.key).toBe("send-thank-you:r2");
    const future = withRound2(0, { scheduledAt: fromNow(days(2)) });
    expect(stepOf(future, "send-thank-you")).toBeUndefined();
  });

  it("stops once a thank-you is logged for that round", () => {
    expect(stepOf(withRound2(hours(30), { thankYouSentAt: ago(hours(2)) }), "send-thank-you")).toBeUndefined();
  });

  it("keeps the step for a round until a later round starts, then it goes without a trace", () => {
    const r1 = round({ id: "r1", ...endedAgo(days(2)) });
    const next = (scheduledAt: Date) => round({ id: "r2", kind: "second", scheduledAt, durationMinutes: 60 });
    const booked = guidanceInput({ rounds: [r1, next(fromNow(days(1)))] });
    expect(stepsOf(booked, "send-thank-you").map((s) => s.key)).toEqual(["send-thank-you:r1"]);
    expect(stepsOf(booked, "send-thank-you", plus(NOW, days(1) - 1)).map((s) => s.key)).toEqual(["send-thank-you:r1"]);
    expect(stepsOf(booked, "send-thank-you", fromNow(days(1))).map((s) => s.key)).toEqual([]);
    expect(stepsOf(guidanceInput({ rounds: [r1, next(ago(hours(2)))] }), "send-thank-you").map((s) => s.key)).toEqual(["send-thank-you:r2"]);
  });

  it("goes without a trace 3 days past its window, to the minute; until then Done or Dismiss ends it", () => {
    // Round 2 ended a day before NOW, so its window closed at NOW; the lateness point is 3 days on.
    const input = withRound2(days(1));
    const late = stepOf(input, "send-thank-you", plus(NOW, days(3) - MINUTE));
    expect(late).toMatchObject({ key: "send-thank-you:r2", overdue: true, dueAt: NOW, priority: "medium" });
    expect(late?.reasons[0]).toBe("Your second interview with Acme on Mon 30 Nov ended 3 days ago and no thank-you is logged.");
    expect(stepOf(input, "send-thank-you", plus(NOW, days(3)))).toBeUndefined();
    expect(stepOf(input, "send-thank-you", plus(NOW, days(400)))).toBeUndefined();
    for (const state of ["done", "dismissed"] as const) {
      expect(stepOf({ ...input, handled: [{ key: "send-thank-you:r2", state, until: null }] }, "send-thank-you", plus(NOW, days(1))), state).toBeUndefined();
    }
  });

  it("goes once a decision arrives after the round", () => {
    for (const kind of ["offer_received", "rejection_received", "withdrawn"] as const) {
      const input = guidanceInput({ rounds: [thanked, round({ id: "r2", kind: "second", ...endedAgo(hours(30)) })], events: [event(kind, ago(hours(2)))] });
      expect(stepOf(input, "send-thank-you"), kind).toBeUndefined();
    }
  });

  it("for a round typed in after its window, is due the first 09:00 after it was logged, and not at all once that is past the lateness point", () => {
    // Ended 40 hours ago (window closed 16 hours ago), typed in an hour ago: due tomorrow at 09:00, not overdue now.
    const typedLate = withRound2(hours(40), { loggedAt: ago(hours(1)) });
    expect(stepOf(typedLate, "send-thank-you")).toMatchObject({ overdue: false, dueAt: new Date("2026-12-02T09:00:00Z") });
    // Ended 5 days ago and typed in now: a note would no longer be prompt.
    expect(stepOf(withRound2(days(5), { loggedAt: ago(MINUTE) }), "send-thank-you")).toBeUndefined();
  });

  it("names the interviewers the user met", () => {
    const people = [
      { name: "Dana Reyes", email: "dana@acme.test" },
      { name: "Sam Ortiz", email: null },
    ];
    expect(stepOf(withRound2(hours(3), { interviewers: people }), "send-thank-you")?.reasons[1]).toBe("You met Dana Reyes and Sam Ortiz.");
  });

  it("fires while the application is applied, screening, interviewing or has an offer, and in no other status", () => {
    const r = round({ id: "r1", ...endedAgo(hours(30)) });
    const firing = APPLICATION_STATUSES.filter((status) => stepOf(guidanceInput({ rounds: [r], application: { status } }), "send-thank-you"));
    expect(firing).toEqual(["applied", "screening", "interviewing", "offer"]);
    expect(firing).toEqual(ACTIVE_STATUSES);
  });
});

describe("read-the-signals", () => {
  const r1 = round({ id: "r1", ...endedAgo(days(10)) });
  const withSigns = (...keys: SignalKey[]) => guidanceInput({ rounds: [r1, round({ id: "r2", ...endedAgo(days(1)), signals: ticked(...keys) })] });

  it("says how many of the four positive signs were seen and which, in catalog order", () => {
    const step = stepOf(withSigns("hiring_timeline", "company_fit", "met_team"), "read-the-signals");
    expect(step?.key).toBe("read-the-signals:r2");
    expect(step?.reasons).toEqual([
      "In your first interview with Acme on Mon 30 Nov you logged 2 of the 4 positive signs: met the team or senior people and gave a hiring timeline.",
    ]);
    expect(step?.detail).toContain("still not an offer");
  });

  it("counts one and all four", () => {
    expect(stepOf(withSigns("constructive_feedback"), "read-the-signals")?.reasons[0]).toContain("1 of the 4 positive signs: gave specific feedback.");
    const all = stepOf(withSigns("long_term_discussion", "met_team", "constructive_feedback", "hiring_timeline"), "read-the-signals");
    expect(all?.reasons[0]).toContain("4 of the 4 positive signs: talked about the long term, met the team or senior people, gave specific feedback and gave a hiring timeline.");
  });

  it("does not fire with none of the four, whatever else was covered", () => {
    expect(stepOf(withSigns("company_fit", "technical_questions", "salary_raised"), "read-the-signals")).toBeUndefined();
    expect(stepOf(withSigns(), "read-the-signals")).toBeUndefined();
  });

  it("does not fire for signs in a round that is not a later round", () => {
    const lone = round({ id: "only", kind: "first", ...endedAgo(days(1)), signals: ticked("met_team", "long_term_discussion") });
    expect(stepOf(guidanceInput({ rounds: [lone] }), "read-the-signals")).toBeUndefined();
    const final = { ...lone, kind: "final" as const };
    expect(stepOf(guidanceInput({ rounds: [final] }), "read-the-signals")?.key).toBe("read-the-signals:only");
  });

  it("does not fire for a later round that has not started", () => {
    const future = round({ id: "r2", scheduledAt: fromNow(hours(2)), signals: ticked("met_team") });
    expect(stepOf(guidanceInput({ rounds: [r1, future] }), "read-the-signals")).toBeUndefined();
  });

  it("stops once an offer event exists", () => {
    const input = withSigns("met_team");
    expect(stepOf({ ...input, events: [event("offer_received", ago(hours(1)))] }, "read-the-signals")).toBeUndefined();
    expect(stepOf({ ...input, application: { ...input.application, status: "offer" } }, "read-the-signals")).toBeUndefined();
  });
});

describe("keep-searching", () => {
  const ended = (over: Partial<GuidanceRound> = {}) => round({ id: "r2", kind: "second", ...endedAgo(days(2)), ...over });
  const waiting = (others: number, over: Partial<GuidanceRound> = {}) => guidanceInput({ rounds: [ended(over)], otherActiveApplications: others });

  it("is medium priority with 2 other active applications and low with 3", () => {
    const two = stepOf(waiting(2), "keep-searching");
    expect(two).toMatchObject({ key: "keep-searching:r2", priority: "medium", dueAt: null });
    expect(two?.reasons).toEqual(["Your second interview with Acme on Sun 29 Nov ended 2 days ago and their decision is still open.", "You have 2 other applications in play."]);
    const three = stepOf(waiting(3), "keep-searching");
    expect(three?.priority).toBe("low");
    expect(three?.reasons[1]).toBe("You have 3 other applications in play.");
  });

  it("words one and no other applications", () => {
    expect(stepOf(waiting(1), "keep-searching")?.reasons[1]).toBe("You have 1 other application in play.");
    expect(stepOf(waiting(0), "keep-searching")?.reasons[1]).toBe("This is your only application in play.");
  });

  it("waits for the latest round to end", () => {
    expect(stepOf(waiting(0, { scheduledAt: ago(MINUTE * 59), durationMinutes: 60 }), "keep-searching")).toBeUndefined();
    expect(stepOf(waiting(0, { scheduledAt: ago(MINUTE * 60), durationMinutes: 60 }), "keep-searching")).toBeDefined();
    const nextBooked = guidanceInput({ rounds: [ended({ id: "r1" }), round({ id: "r3", scheduledAt: fromNow(days(3)) })] });
    expect(stepOf(nextBooked, "keep-searching")).toBeUndefined();
  });

  it("needs the round's outcome to be pending", () => {
    expect(stepOf(waiting(0, { outcome: "advanced" }), "keep-searching")).toBeUndefined();
    expect(stepOf(waiting(0, { outcome: "rejected" }), "keep-searching")).toBeUndefined();
  });

  it("stops once an offer, rejection or withdrawal is logged, but not for a plain reply", () => {
    for (const kind of ["offer_received", "rejection_received", "withdrawn"] as const) {
      expect(stepOf({ ...waiting(0), events: [event(kind, ago(hours(1)))] }, "keep-searching"), kind).toBeUndefined();
    }
    expect(stepOf({ ...waiting(0), events: [event("response_received", ago(hours(1)))] }, "keep-searching")).toBeDefined();
  });

  it("fires in the waiting statuses (applied, screening, interviewing) and no other", () => {
    const firing = APPLICATION_STATUSES.filter((status) => stepOf(guidanceInput({ rounds: [ended()], application: { status } }), "keep-searching"));
    expect(firing).toEqual(["applied", "screening", "interviewing"]);
    expect(firing).toEqual(WAITING_STATUSES);
  });

  it("tells the user to keep other applications and interviews going until an offer is in writing", () => {
    expect(stepOf(waiting(0), "keep-searching")?.detail).toBe(
      "While you wait, keep other applications and interviews going. Until you hold a written offer, more options mean less riding on any single answer.",
    );
  });

  it("counts time from the round's end in the reason", () => {
    expect(stepOf(waiting(0), "keep-searching", plus(NOW, days(6)))?.reasons[0]).toBe("Your second interview with Acme on Sun 29 Nov ended 8 days ago and their decision is still open.");
  });
});
