import { describe, expect, it } from "vitest";
import { guide } from "@/lib/guidance/recommend";
import type { GuidanceEvent, GuidanceRound } from "@/lib/guidance/input";
import type { GuidanceSettings } from "@/lib/guidance/settings";
import { days, event, guidanceInput, hours, MINUTE, plus, round, stepOf } from "./support/guidance";

// Round 2 (a second interview) ran 15:00-16:00 UTC on Friday 20 November 2026.
// Every check below picks its own `now` relative to END. Follow-ups fall due
// at 09:00 in the user's zone: the first 09:00 once the wait is over.
const END = new Date("2026-11-20T16:00:00Z");
const utc = (iso: string) => new Date(`${iso}Z`);
/**
 * END + 7 days is Fri 27 Nov at 16:00; the next 09:00 is Saturday's, on the
 * user's weekend (en-GB: Saturday and Sunday), so a follow-up is due Monday's.
 */
const DUE_1 = utc("2026-11-30T09:00");
const r1 = round({ id: "r1", scheduledAt: new Date("2026-11-10T10:00:00Z"), outcome: "advanced", thankYouSentAt: new Date("2026-11-10T15:00:00Z") });
const r2 = (over: Partial<GuidanceRound> = {}) =>
  round({ id: "r2", kind: "second", scheduledAt: plus(END, -hours(1)), thankYouSentAt: plus(END, hours(2)), ...over });

type Over = { round?: Partial<GuidanceRound>; first?: Partial<GuidanceRound>; events?: GuidanceEvent[]; settings?: Partial<GuidanceSettings>; timeZone?: string };
function waiting(over: Over = {}) {
  return guidanceInput({
    rounds: [{ ...r1, ...over.first }, r2(over.round)],
    events: over.events ?? [],
    settings: over.settings,
    timeZone: over.timeZone,
  });
}

const followUps = (...at: Date[]) => at.map((d) => event("follow_up_sent", d));
const timeline = (onDate: string | null) => ({ signals: [{ signal: "hiring_timeline" as const, onDate }] });

describe("follow-up-after-silence", () => {
  const FOLLOW = "follow-up-after-silence";

  it("gives no step 6 days after the last round, nor over the weekend, and one at 10 days (decision wait 7), due at 09:00 on Monday", () => {
    expect(stepOf(waiting(), FOLLOW, plus(END, days(6)))).toBeUndefined();
    expect(stepOf(waiting(), FOLLOW, plus(END, days(8)))).toBeUndefined();
    const step = stepOf(waiting(), FOLLOW, plus(END, days(10)));
    expect(step).toMatchObject({ key: `${FOLLOW}:r2:1`, roundId: "r2", title: "Follow up with Acme", priority: "medium", kind: "todo", draft: "follow-up" });
    expect(step?.dueAt).toEqual(DUE_1);
    expect(step?.overdue).toBe(true);
    expect(step?.reasons).toEqual([
      "Your second interview with Acme on Fri 20 Nov ended 10 days ago and nothing has been heard since.",
      "Companies usually take about 7 days to decide, and that has passed.",
    ]);
  });

  it("appears at the first 09:00 after the decision wait, not a minute before", () => {
    expect(stepOf(waiting(), FOLLOW, plus(END, days(7)))).toBeUndefined();
    expect(stepOf(waiting(), FOLLOW, plus(DUE_1, -MINUTE))).toBeUndefined();
    expect(stepOf(waiting(), FOLLOW, DUE_1)).toMatchObject({ overdue: false, dueAt: DUE_1 });
  });

  it("follows the user's decision wait", () => {
    const input = waiting({ settings: { decisionWaitDays: 10 } });
    expect(stepOf(input, FOLLOW, plus(END, days(8)))).toBeUndefined();
    const step = stepOf(input, FOLLOW, utc("2026-12-01T09:00"));
    expect(step?.reasons[1]).toBe("Companies usually take about 10 days to decide, and that has passed.");
  });

  it("waits out a stated decision date later than the usual wait, in zones behind and ahead of UTC, naming the date", () => {
    // The morning after Thu 3 Dec: 09:00 in New York is 14:00 UTC, in Tokyo 00:00 UTC.
    const ny = waiting({ round: timeline("2026-12-03"), timeZone: "America/New_York" });
    const nyMorning = utc("2026-12-04T14:00");
    expect(stepOf(ny, FOLLOW, plus(nyMorning, -MINUTE))).toBeUndefined();
    const step = stepOf(ny, FOLLOW, nyMorning);
    expect(step?.dueAt).toEqual(nyMorning);
    expect(step?.reasons[1]).toBe("They said they would decide by Thu, 3 Dec 2026; that day is over, and their date counts rather than the usual 7 days.");
    const tokyo = waiting({ round: timeline("2026-12-03"), timeZone: "Asia/Tokyo" });
    expect(stepOf(tokyo, FOLLOW, utc("2026-12-03T23:59"))).toBeUndefined();
    expect(stepOf(tokyo, FOLLOW, utc("2026-12-04T00:00"))?.dueAt).toEqual(utc("2026-12-04T00:00"));
  });

  it("follows a stated decision date sooner than the usual wait: the company's own date wins", () => {
    // They said Sun 22 Nov: due Monday morning, five days before the usual wait ends.
    const soon = stepOf(waiting({ round: timeline("2026-11-22") }), FOLLOW, utc("2026-11-23T09:00"));
    expect(soon?.dueAt).toEqual(utc("2026-11-23T09:00"));
    expect(soon?.reasons[1]).toBe("They said they would decide by Sun, 22 Nov 2026; that day is over, and their date counts rather than the usual 7 days.");
    expect(stepOf(waiting({ round: timeline("2026-11-22") }), FOLLOW, utc("2026-11-23T08:59"))).toBeUndefined();
    const ny = waiting({ round: timeline("2026-11-22"), timeZone: "America/New_York" });
    expect(stepOf(ny, FOLLOW, utc("2026-11-23T13:59"))).toBeUndefined();
    expect(stepOf(ny, FOLLOW, utc("2026-11-23T14:00"))?.dueAt).toEqual(utc("2026-11-23T14:00"));
    const berlin = waiting({ round: timeline("2026-11-22"), timeZone: "Europe/Berlin" });
    expect(stepOf(berlin, FOLLOW, utc("2026-11-23T08:00"))?.dueAt).toEqual(utc("2026-11-23T08:00"));
  });

  it("takes a date given on the round's own day, but not a stale one from before the last round", () => {
    // The morning after Fri 20 Nov is a Saturday: Monday's.
    expect(stepOf(waiting({ round: timeline("2026-11-20") }), FOLLOW, utc("2026-11-23T09:00"))?.dueAt).toEqual(utc("2026-11-23T09:00"));
    // "By the 15th", said in round 1, was overtaken by round 2 on the 20th: the usual wait applies.
    const stale = waiting({ first: timeline("2026-11-15") });
    expect(stepOf(stale, FOLLOW, plus(DUE_1, -MINUTE))).toBeUndefined();
    expect(stepOf(stale, FOLLOW, DUE_1)?.reasons[1]).toBe("Companies usually take about 7 days to decide, and that has passed.");
    expect(stepOf(waiting({ round: timeline(null) }), FOLLOW, DUE_1)?.dueAt).toEqual(DUE_1);
  });

  it("goes by the date given most recently, not the furthest one ever given", () => {
    // Round 1 said "by Mon 30 Nov"; round 2 (on the 20th) said "by Sun 22 Nov": the newer word wins.
    const sooner = waiting({ first: timeline("2026-11-30"), round: timeline("2026-11-22") });
    expect(stepOf(sooner, FOLLOW, utc("2026-11-23T08:59"))).toBeUndefined();
    const step = stepOf(sooner, FOLLOW, utc("2026-11-23T09:00"));
    expect(step?.dueAt).toEqual(utc("2026-11-23T09:00"));
    expect(step?.reasons[1]).toMatch(/^They said they would decide by Sun, 22 Nov 2026;/);
    // With no date in round 2, round 1's "by Mon 30 Nov" still stands for the wait after it.
    const standing = waiting({ first: timeline("2026-11-30") });
    expect(stepOf(standing, FOLLOW, utc("2026-12-01T08:59"))).toBeUndefined();
    expect(stepOf(standing, FOLLOW, utc("2026-12-01T09:00"))?.reasons[1]).toMatch(/^They said they would decide by Mon, 30 Nov 2026;/);
  });

  it("starts a new wait from a reply after the round that decides nothing, but not from one before it", () => {
    for (const kind of ["response_received", "feedback_received"] as const) {
      // Their reply on Mon 23 Nov at 16:00: the wait runs 7 days from it, to Tue 1 Dec 09:00.
      const reply = event(kind, plus(END, days(3)));
      const input = waiting({ events: [reply] });
      expect(stepOf(input, FOLLOW, plus(END, days(10))), kind).toBeUndefined();
      expect(stepOf(input, FOLLOW, utc("2026-12-01T08:59")), kind).toBeUndefined();
      expect(stepOf(input, FOLLOW, utc("2026-12-01T09:00")), kind).toMatchObject({ key: `${FOLLOW}:r2:reply-${reply.id}:1`, dueAt: utc("2026-12-01T09:00") });
    }
    const before = waiting({ events: [event("response_received", plus(END, -days(2)))] });
    expect(stepOf(before, FOLLOW, plus(END, days(10)))?.key).toBe(`${FOLLOW}:r2:1`);
  });

  it("offers a second follow-up at the first 09:00 a spacing after the first, under a new key", () => {
    const sent = plus(END, days(8)); // Sat 28 Nov, 16:00
    const input = waiting({ events: followUps(sent) });
    // A spacing after it is Sat 5 Dec 16:00; Sunday's 09:00 is on the weekend: Monday's.
    const due = utc("2026-12-07T09:00");
    expect(stepOf(input, FOLLOW, plus(sent, days(1)))).toBeUndefined();
    expect(stepOf(input, FOLLOW, plus(due, -MINUTE))).toBeUndefined();
    const second = stepOf(input, FOLLOW, due);
    expect(second).toMatchObject({ key: `${FOLLOW}:r2:2`, title: "Send follow-up 2 to Acme", dueAt: due });
    expect(second?.reasons).toContain("Your last follow-up went out 8 days ago.");
  });

  it("spaces follow-ups by the user's setting", () => {
    const sent = plus(END, days(8));
    const input = waiting({ events: followUps(sent), settings: { followUpSpacingDays: 3 } });
    expect(stepOf(input, FOLLOW, utc("2026-12-02T08:59"))).toBeUndefined();
    expect(stepOf(input, FOLLOW, utc("2026-12-02T09:00"))?.key).toBe(`${FOLLOW}:r2:2`);
  });

  it("still waits out the decision wait after an early follow-up", () => {
    // Sent a day after the round: the spacing ends on day 8, the 10-day decision wait later.
    const input = waiting({ events: followUps(plus(END, days(1))), settings: { decisionWaitDays: 10 } });
    const due = utc("2026-12-01T09:00");
    expect(stepOf(input, FOLLOW, plus(due, -MINUTE))).toBeUndefined();
    expect(stepOf(input, FOLLOW, due)).toMatchObject({ key: `${FOLLOW}:r2:2`, dueAt: due });
  });

  it("stops once the move-on number of follow-ups is reached", () => {
    const two = waiting({ events: followUps(plus(END, days(8)), plus(END, days(15))) });
    expect(stepOf(two, FOLLOW, plus(END, days(40)))).toBeUndefined();
    const allowThree = { ...two, settings: { ...two.settings, moveOnFollowUps: 3 } };
    // The third is due a spacing after the second (Sat 12 Dec 16:00), on Monday morning.
    expect(stepOf(allowThree, FOLLOW, plus(END, days(23)))).toBeUndefined();
    expect(stepOf(allowThree, FOLLOW, plus(END, days(24)))?.key).toBe(`${FOLLOW}:r2:3`);
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
    expect(stepOf(waiting({ round: { noNextSteps: true } }), FOLLOW, plus(END, days(10)))?.reasons).toContain(
      "No next steps were given at the end of your second interview on Fri 20 Nov.",
    );
  });
});

describe("the next check-in", () => {
  it("is when the follow-up will fall due while the wait is on, and nothing once it is open", () => {
    expect(guide(waiting(), plus(END, days(2))).checkIn).toEqual({
      applicationId: "app-1",
      ruleId: "follow-up-after-silence",
      dueAt: DUE_1,
      followUp: 1,
    });
    expect(guide(waiting(), DUE_1).checkIn).toBeNull();
  });

  it("moves to the next follow-up once one is logged, and ends at the move-on point", () => {
    const sent = plus(END, days(8));
    expect(guide(waiting({ events: followUps(sent) }), plus(sent, hours(1))).checkIn).toMatchObject({
      dueAt: utc("2026-12-07T09:00"),
      followUp: 2,
    });
    const two = waiting({ events: followUps(sent, plus(END, days(15))) });
    expect(guide(two, plus(END, days(16))).checkIn).toBeNull();
  });

  it("starts again from a reply that decides nothing; has none after a decision, with another round booked, or the outcome known", () => {
    // A reply on Sat 21 Nov: 7 days on is Sat 28 Nov, so the check-in is Monday's 09:00.
    expect(guide(waiting({ events: [event("response_received", plus(END, days(1)))] }), plus(END, days(2))).checkIn).toMatchObject({ dueAt: DUE_1, followUp: 1 });
    expect(guide(waiting({ events: [event("rejection_received", plus(END, days(1)))] }), plus(END, days(2))).checkIn).toBeNull();
    expect(guide(waiting({ round: { outcome: "advanced" } }), plus(END, days(2))).checkIn).toBeNull();
    const booked = guidanceInput({ rounds: [r1, r2(), round({ id: "r3", scheduledAt: plus(END, days(10)) })] });
    expect(guide(booked, plus(END, days(2))).checkIn).toBeNull();
  });
});

describe("move-on-no-response", () => {
  const MOVE = "move-on-no-response";
  const F1 = plus(END, days(8));
  const F2 = plus(END, days(15)); // Sat 5 Dec, 16:00
  /** F2 + 7 days is Sat 12 Dec at 16:00; the next 09:00 is Sunday's. */
  const MOVE_DUE = utc("2026-12-13T09:00");
  const twoSent = (over: Over = {}) => waiting({ ...over, events: [...followUps(F1, F2), ...(over.events ?? [])] });

  it("fires when two unanswered follow-ups are out and the last is a spacing old, as a to-do due that morning", () => {
    const step = stepOf(twoSent(), MOVE, MOVE_DUE);
    expect(step).toMatchObject({ key: `${MOVE}:r2`, roundId: "r2", kind: "todo", dueAt: MOVE_DUE, since: plus(F2, days(7)) });
    expect(step?.reasons).toEqual([
      "You sent 2 follow-ups after your second interview with Acme on Fri 20 Nov and none was answered.",
      "The last one went out 7 days ago.",
    ]);
    expect(step?.detail).toMatch(/ghosted/);
    expect(step?.detail).toMatch(/without deleting/);
  });

  it("does not fire before the spacing has passed and the morning has come", () => {
    expect(stepOf(twoSent(), MOVE, plus(F2, days(7) - hours(1)))).toBeUndefined();
    expect(stepOf(twoSent(), MOVE, plus(MOVE_DUE, -MINUTE))).toBeUndefined();
    expect(stepOf(twoSent({ settings: { followUpSpacingDays: 3 } }), MOVE, utc("2026-12-09T09:00"))?.key).toBe(`${MOVE}:r2`);
  });

  it("does not fire with fewer follow-ups than the move-on point before the long silence", () => {
    expect(stepOf(waiting({ events: followUps(F1) }), MOVE, plus(END, days(29)))).toBeUndefined();
    // One follow-up went out before round 2 and does not count towards it.
    const early = waiting({ events: followUps(plus(END, -days(5)), F1) });
    expect(stepOf(early, MOVE, plus(END, days(29)))).toBeUndefined();
    expect(stepOf(early, MOVE, plus(END, days(31)))?.reasons[2]).toBe("You sent 1 follow-up after your second interview with Acme on Fri 20 Nov and none was answered.");
  });

  it("moves with the user's move-on setting", () => {
    const three = { settings: { moveOnFollowUps: 3 } };
    expect(stepOf(twoSent(three), MOVE, MOVE_DUE)).toBeUndefined();
    const F3 = plus(F2, days(7));
    const sent = twoSent({ ...three, events: followUps(F3) });
    expect(stepOf(sent, MOVE, utc("2026-12-20T08:59"))).toBeUndefined();
    expect(stepOf(sent, MOVE, utc("2026-12-20T09:00"))?.reasons[0]).toBe(
      "You sent 3 follow-ups after your second interview with Acme on Fri 20 Nov and none was answered.",
    );
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

describe("follow-up-on-application and moving on before any interview", () => {
  const FOLLOW = "follow-up-on-application";
  // NOW in these tests is Tue 1 Dec 2026, 12:00 UTC (support/guidance.ts).
  const applied = (appliedOn: string | null, over: { events?: GuidanceEvent[]; settings?: Partial<GuidanceSettings>; timeZone?: string } = {}) =>
    guidanceInput({ application: { status: "applied", appliedOn }, ...over });

  it("fires 8 days after applying, not 6, with the wait and an honest source", () => {
    expect(stepOf(applied("2026-11-25"), FOLLOW)).toBeUndefined();
    const step = stepOf(applied("2026-11-23"), FOLLOW);
    expect(step).toMatchObject({
      key: `${FOLLOW}:applied-2026-11-23:1`,
      roundId: null,
      title: "Follow up on your application to Acme",
      kind: "todo",
      priority: "medium",
      dueAt: utc("2026-11-30T09:00"),
      overdue: true,
      draft: "application-follow-up",
    });
    expect(step?.reasons).toEqual([
      "No interview is logged and nothing has been heard from Acme since you applied.",
      "You applied on Mon, 23 Nov 2026, and 7 days without an answer is a fair time to check in.",
    ]);
    expect(step?.source.sections).toEqual(["Managing the Wait"]);
    expect(step?.source.note).toMatch(/applies the same advice to the wait after applying, before any interview/);
  });

  it("falls due at 09:00 on the seventh day in the user's zone, ahead of or behind UTC", () => {
    const utcApp = applied("2026-11-24");
    expect(stepOf(utcApp, FOLLOW, utc("2026-12-01T08:59"))).toBeUndefined();
    expect(stepOf(utcApp, FOLLOW, utc("2026-12-01T09:00"))).toMatchObject({ dueAt: utc("2026-12-01T09:00"), overdue: false });
    const berlin = applied("2026-11-24", { timeZone: "Europe/Berlin" });
    expect(stepOf(berlin, FOLLOW, utc("2026-12-01T07:59"))).toBeUndefined();
    expect(stepOf(berlin, FOLLOW, utc("2026-12-01T08:00"))?.dueAt).toEqual(utc("2026-12-01T08:00"));
    const la = applied("2026-11-24", { timeZone: "America/Los_Angeles" });
    expect(stepOf(la, FOLLOW, utc("2026-12-01T16:59"))).toBeUndefined();
    expect(stepOf(la, FOLLOW, utc("2026-12-01T17:00"))?.dueAt).toEqual(utc("2026-12-01T17:00"));
  });

  it("follows the application follow-up wait setting", () => {
    expect(stepOf(applied("2026-11-23", { settings: { applicationFollowUpDays: 10 } }), FOLLOW)).toBeUndefined();
    expect(stepOf(applied("2026-11-20", { settings: { applicationFollowUpDays: 10 } }), FOLLOW)?.reasons[1]).toBe(
      "You applied on Fri, 20 Nov 2026, and 10 days without an answer is a fair time to check in.",
    );
  });

  it("stops for a reply after applying, but not for one logged before the applied date", () => {
    expect(stepOf(applied("2026-11-23", { events: [event("response_received", utc("2026-11-27T10:00"))] }), FOLLOW)).toBeUndefined();
    expect(stepOf(applied("2026-11-23", { events: [event("rejection_received", utc("2026-11-24T10:00"))] }), FOLLOW)).toBeUndefined();
    expect(stepOf(applied("2026-11-23", { events: [event("response_received", utc("2026-11-20T10:00"))] }), FOLLOW)?.key).toBe(
      `${FOLLOW}:applied-2026-11-23:1`,
    );
  });

  it("needs the applied or screening status, an applied date and no interview", () => {
    expect(stepOf(applied(null), FOLLOW)).toBeUndefined();
    expect(stepOf(guidanceInput({ application: { status: "screening", appliedOn: "2026-11-23" } }), FOLLOW)?.key).toBe(`${FOLLOW}:applied-2026-11-23:1`);
    for (const status of ["saved", "interviewing", "offer", "ghosted"] as const) {
      expect(stepOf(guidanceInput({ application: { status, appliedOn: "2026-11-01" } }), FOLLOW), status).toBeUndefined();
    }
    const withRound = guidanceInput({ application: { status: "applied", appliedOn: "2026-11-01" }, rounds: [round({ scheduledAt: utc("2026-12-10T10:00") })] });
    expect(stepOf(withRound, FOLLOW)).toBeUndefined();
    // An applied date still to come (a typo) starts no wait.
    expect(stepOf(applied("2026-12-05"), FOLLOW)).toBeUndefined();
  });

  it("spaces a second follow-up, then after two unanswered ones suggests moving on instead", () => {
    const first = utc("2026-11-10T15:00");
    const one = applied("2026-11-01", { events: followUps(first) });
    // 10 Nov 15:00 + 7 days: the morning of 18 Nov.
    expect(stepOf(one, FOLLOW, utc("2026-11-18T08:59"))).toBeUndefined();
    expect(stepOf(one, FOLLOW, utc("2026-11-18T09:00"))).toMatchObject({
      key: `${FOLLOW}:applied-2026-11-01:2`,
      title: "Send follow-up 2 on your application to Acme",
    });
    expect(guide(one, utc("2026-11-12T09:00")).checkIn).toEqual({
      applicationId: "app-1",
      ruleId: FOLLOW,
      dueAt: utc("2026-11-18T09:00"),
      followUp: 2,
    });

    const two = applied("2026-11-01", { events: followUps(first, utc("2026-11-20T10:00")) });
    expect(stepOf(two, FOLLOW)).toBeUndefined();
    expect(guide(two, utc("2026-11-21T09:00")).checkIn).toBeNull();
    expect(stepOf(two, "move-on-no-response", utc("2026-11-28T08:59"))).toBeUndefined();
    const move = stepOf(two, "move-on-no-response", utc("2026-11-28T09:00"));
    expect(move).toMatchObject({ key: "move-on-no-response:applied-2026-11-01", roundId: null, kind: "todo", dueAt: utc("2026-11-28T09:00") });
    expect(move?.reasons[0]).toBe("You sent 2 follow-ups since you applied and none was answered.");
    expect(move?.source.note).toMatch(/no answer at all/);
    // A reply after the follow-ups ends it.
    const answered = applied("2026-11-01", { events: [...followUps(first, utc("2026-11-20T10:00")), event("response_received", utc("2026-11-25T10:00"))] });
    expect(stepOf(answered, "move-on-no-response")).toBeUndefined();
  });

  it("gives the next check-in for an application still inside its wait", () => {
    expect(guide(applied("2026-11-25"), utc("2026-12-01T12:00")).checkIn).toEqual({
      applicationId: "app-1",
      ruleId: FOLLOW,
      dueAt: utc("2026-12-02T09:00"),
      followUp: 1,
    });
  });
});
