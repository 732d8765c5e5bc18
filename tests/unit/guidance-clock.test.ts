import { describe, expect, it } from "vitest";
import type { GuidanceInput } from "@/lib/guidance/input";
import { guide, type Guidance } from "@/lib/guidance/recommend";
import type { RuleId } from "@/lib/guidance/rule-ids";
import { answerOf, days, event, guidanceInput, hours, MINUTE, NOW, plus, round } from "./support/guidance";

// The engine with an injected clock: ask at one instant, then again at the
// changesAt it gave, and so on, as a cache holding each answer exactly that
// long would. Each test checks that what time alone changes (a step falling
// due, a snooze ending, a round starting, "30 hours ago" ticking over, a
// wait ending across a clock change) shows at that very millisecond, and
// that every changesAt is a real change (tight), never a spare wake-up.

const utc = (iso: string) => new Date(`${iso}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

/** Every instant in (from, to] at which the answer changes, found by following changesAt, with the answer from then. */
function changes(input: GuidanceInput, from: Date, to: Date): { at: number; g: Guidance }[] {
  const out: { at: number; g: Guidance }[] = [];
  let g = guide(input, from);
  while (g.changesAt <= to.getTime()) {
    const at = g.changesAt;
    const next = guide(input, new Date(at));
    expect(answerOf(guide(input, new Date(at - 1))), `held until ${iso(at)}`).toStrictEqual(answerOf(g));
    expect(answerOf(next), `something changes at ${iso(at)}`).not.toStrictEqual(answerOf(g));
    out.push({ at, g: next });
    g = next;
    if (out.length > 5_000) throw new Error("no end of changes");
  }
  return out;
}

const open = (g: Guidance, ruleId: RuleId) => g.steps.filter((s) => s.ruleId === ruleId);
/** The first change at which `ruleId` has an open step. */
const firstOpen = (list: { at: number; g: Guidance }[], ruleId: RuleId) => list.find((c) => open(c.g, ruleId).length > 0);

describe("a step that falls due because time passed", () => {
  // A second interview ended Fri 20 Nov 2026 at 16:00 UTC, thank-you sent, no word since.
  const END = utc("2026-11-20T16:00");
  const waiting = (timeZone = "UTC", end = END) =>
    guidanceInput({
      rounds: [round({ id: "r2", kind: "second", scheduledAt: plus(end, -hours(1)), thankYouSentAt: plus(end, hours(2)) })],
      timeZone,
    });

  it("appears at the first 09:00 on a working day after the decision wait, at that millisecond: where the check-in said", () => {
    const input = waiting();
    const start = guide(input, plus(END, days(6)));
    expect(open(start, "follow-up-after-silence")).toEqual([]);
    // The wait ends Fri 27 Nov at 16:00; the weekend passes, and Monday's 09:00 is the first working morning.
    const due = utc("2026-11-30T09:00");
    expect(start.checkIn?.dueAt).toEqual(due);
    const first = firstOpen(changes(input, plus(END, days(6)), plus(END, days(11))), "follow-up-after-silence");
    expect(iso(first!.at)).toBe(iso(due.getTime()));
    expect(first!.g.checkIn).toBeNull();
  });

  it("turns overdue one millisecond after its due time, and says so", () => {
    const input = waiting();
    const due = utc("2026-11-30T09:00").getTime();
    const atDue = guide(input, new Date(due));
    expect(open(atDue, "follow-up-after-silence")[0].overdue).toBe(false);
    expect(atDue.changesAt).toBe(due + 1);
    expect(open(guide(input, new Date(due + 1)), "follow-up-after-silence")[0].overdue).toBe(true);
  });

  it("waits 7 days after a round in London across the October clock change: 09:00 GMT, not 09:00 BST", () => {
    // Ended 17:00 BST on Tue 20 Oct; clocks go back on Sun 25 Oct; +7 days is 16:00 GMT on the 27th.
    const end = utc("2026-10-20T16:00");
    const input = waiting("Europe/London", end);
    const due = utc("2026-10-28T09:00");
    expect(guide(input, plus(end, days(6))).checkIn?.dueAt).toEqual(due);
    const first = firstOpen(changes(input, plus(end, days(6)), plus(end, days(9))), "follow-up-after-silence");
    expect(iso(first!.at)).toBe(iso(due.getTime()));
  });

  it("waits N days after applying in Los Angeles across the March clock change: 09:00 PDT", () => {
    // Applied Thu 5 Mar 2026 (PST); clocks go forward Sun 8 Mar; 7 days later is Thu 12 Mar, 09:00 PDT = 16:00 UTC.
    const input = guidanceInput({
      application: { status: "applied", appliedOn: "2026-03-05" },
      settings: { applicationFollowUpDays: 7 },
      timeZone: "America/Los_Angeles",
    });
    const due = utc("2026-03-12T16:00");
    const list = changes(input, utc("2026-03-06T12:00"), utc("2026-03-14T12:00"));
    expect(iso(firstOpen(list, "follow-up-on-application")!.at)).toBe(iso(due.getTime()));
    expect(open(guide(input, new Date(due.getTime() - 1)), "follow-up-on-application")).toEqual([]);
  });

  it("leaves when a reply logged ahead of time comes due: a new wait starts from it", () => {
    const input = guidanceInput({
      rounds: [round({ id: "r2", kind: "second", scheduledAt: plus(END, -hours(1)), thankYouSentAt: plus(END, hours(2)) })],
      events: [event("response_received", utc("2026-12-01T10:30"))],
    });
    const list = changes(input, utc("2026-11-30T12:00"), utc("2026-12-01T12:00"));
    expect(open(guide(input, utc("2026-11-30T12:00")), "follow-up-after-silence")).toHaveLength(1);
    const gone = list.find((c) => open(c.g, "follow-up-after-silence").length === 0);
    expect(iso(gone!.at)).toBe("2026-12-01T10:30:00.000Z");
    // A week after the reply is Tue 8 Dec at 10:30: the first 09:00 after it is Wednesday's.
    expect(gone!.g.checkIn?.dueAt).toEqual(utc("2026-12-09T09:00"));
  });
});

describe("a window closing", () => {
  it("stops saying what a later round means 24 hours after it ended", () => {
    const end = plus(NOW, -hours(20));
    const input = guidanceInput({ rounds: [round({ id: "r1", kind: "second", scheduledAt: plus(end, -hours(1)), thankYouSentAt: plus(end, hours(1)) })] });
    const gone = changes(input, NOW, plus(NOW, hours(6))).find((c) => open(c.g, "second-round-expectations").length === 0);
    expect(iso(gone!.at)).toBe(iso(end.getTime() + hours(24)));
  });

  it("follows up the morning after the date they gave, in the user's zone", () => {
    // They said "by Thu 3 Dec"; in New York that day is over at 05:00 UTC on the 4th, and 09:00 there is 14:00 UTC.
    const input = guidanceInput({
      rounds: [
        round({
          id: "r2",
          kind: "second",
          scheduledAt: utc("2026-11-30T15:00"),
          thankYouSentAt: utc("2026-11-30T18:00"),
          signals: [{ signal: "hiring_timeline", onDate: "2026-12-03" }],
        }),
      ],
      timeZone: "America/New_York",
    });
    const first = firstOpen(changes(input, utc("2026-12-02T12:00"), utc("2026-12-05T12:00")), "follow-up-after-silence");
    expect(iso(first!.at)).toBe("2026-12-04T14:00:00.000Z");
  });
});

describe("a snooze ending", () => {
  it("brings the step back at the instant the snooze ends, and not before", () => {
    const until = plus(NOW, hours(5));
    const input = guidanceInput({
      rounds: [round({ id: "r1", scheduledAt: plus(NOW, -hours(3)) })],
      handled: [{ key: "send-thank-you:r1", state: "snoozed", until }],
    });
    const start = guide(input, NOW);
    expect(start.putAside.map((p) => p.step.key)).toEqual(["send-thank-you:r1"]);
    const back = changes(input, NOW, plus(NOW, hours(6))).find((c) => open(c.g, "send-thank-you").length > 0);
    expect(iso(back!.at)).toBe(iso(until.getTime()));
    expect(back!.g.putAside).toEqual([]);
  });
});

describe("a round starting and ending", () => {
  const START = plus(NOW, days(2));
  const input = guidanceInput({ rounds: [round({ id: "r1", kind: "second", scheduledAt: START, loggedAt: plus(NOW, -days(10)) })] });
  const walk = () => changes(input, NOW, plus(START, hours(2)));

  it("ends the preparation at its start, says it is under way, and asks for a thank-you at its end", () => {
    const list = walk();
    const started = list.find((c) => open(c.g, "prepare-examples").length === 0);
    expect(iso(started!.at)).toBe(iso(START.getTime()));
    expect(open(started!.g, "second-round-expectations")[0].reasons).toEqual(["Your second interview with Acme on Thu 3 Dec is under way."]);
    const ended = firstOpen(list, "send-thank-you");
    expect(iso(ended!.at)).toBe(iso(START.getTime() + hours(1)));
    expect(open(ended!.g, "send-thank-you")[0].reasons[0]).toBe("Your second interview with Acme on Thu 3 Dec ended a minute ago and no thank-you is logged.");
  });

  it("counts down in the unit a person would say: days, then hours, then minutes", () => {
    const reason = (g: Guidance) => open(g, "expect-question-types")[0]?.reasons[0] ?? "";
    const countdown = walk().map((c) => reason(c.g)).filter(Boolean).map((r) => /, (in .*)\.$/.exec(r)?.[1]);
    expect(reason(guide(input, NOW))).toMatch(/, in 2 days\.$/);
    expect(countdown.slice(0, 3)).toEqual(["in 47 hours", "in 46 hours", "in 45 hours"]);
    expect(countdown.slice(-3)).toEqual(["in 3 minutes", "in 2 minutes", "in a minute"]);
    // One change per hour (47 to 1), then per minute (59 to 2), then "a minute".
    expect(countdown).toHaveLength(47 + 58 + 1);
  });
});

describe("relative wording", () => {
  const END = plus(NOW, -(hours(30) + 10 * MINUTE));
  const input = guidanceInput({ rounds: [round({ id: "r1", scheduledAt: plus(END, -hours(1)) })] });
  const reason = (g: Guidance) => open(g, "send-thank-you")[0].reasons[0];

  it("holds '30 hours ago' until the 31st hour begins, then says so", () => {
    const g = guide(input, NOW);
    expect(reason(g)).toMatch(/ended 30 hours ago/);
    expect(g.changesAt).toBe(END.getTime() + hours(31));
    expect(reason(guide(input, new Date(g.changesAt)))).toMatch(/ended 31 hours ago/);
  });

  it("moves from hours to days at 48 hours", () => {
    const at47 = guide(input, plus(END, hours(47)));
    expect(reason(at47)).toMatch(/ended 47 hours ago/);
    expect(at47.changesAt).toBe(END.getTime() + days(2));
    expect(reason(guide(input, plus(END, days(2))))).toMatch(/ended 2 days ago/);
  });

  it("gives a date its year once the year it is in is over, at midnight in the user's zone", () => {
    // Round 30 Dec 2026, seen from Kolkata: 1 Jan 2027 begins at 18:30 UTC on the 31st.
    const held = guidanceInput({
      rounds: [round({ id: "r1", scheduledAt: utc("2026-12-30T10:00") })],
      timeZone: "Asia/Kolkata",
    });
    const list = changes(held, utc("2026-12-31T12:00"), utc("2026-12-31T20:00"));
    const newYear = list.find((c) => reason(c.g).includes("30 Dec 2026"));
    expect(iso(newYear!.at)).toBe("2026-12-31T18:30:00.000Z");
    expect(reason(guide(held, utc("2026-12-31T12:00")))).toMatch(/on Wed 30 Dec ended/);
  });

  it("drops the year of a coming round's date when its year begins", () => {
    const coming = guidanceInput({
      rounds: [round({ id: "r1", kind: "second", scheduledAt: utc("2027-01-05T10:00"), loggedAt: utc("2026-12-20T10:00") })],
    });
    const title = (g: Guidance) => open(g, "prepare-research-company")[0]?.title;
    expect(title(guide(coming, utc("2026-12-31T20:00")))).toBe("Research Acme before your second interview on Tue 5 Jan 2027");
    const list = changes(coming, utc("2026-12-31T20:00"), utc("2027-01-01T01:00"));
    const newYear = list.find((c) => title(c.g) === "Research Acme before your second interview on Tue 5 Jan");
    expect(iso(newYear!.at)).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("readsOtherApplications", () => {
  it("is true while keep-searching words and ranks by the other applications, and false when it has nothing to say", () => {
    const waiting = guidanceInput({ rounds: [round({ id: "r1", scheduledAt: plus(NOW, -days(3)), thankYouSentAt: plus(NOW, -days(2)) })] });
    const g = guide(waiting, NOW);
    expect(g.readsOtherApplications).toBe(true);
    expect(open(g, "keep-searching")[0].priority).toBe("medium");
    expect(open(guide({ ...waiting, otherActiveApplications: 5 }, NOW), "keep-searching")[0].priority).toBe("low");
    const applied = guidanceInput({ application: { status: "applied", appliedOn: "2026-11-20" } });
    expect(guide(applied, NOW).readsOtherApplications).toBe(false);
    expect(guide({ ...waiting, application: { ...waiting.application, status: "withdrawn" } }, NOW).readsOtherApplications).toBe(false);
  });
});

describe("the third edition's time limits", () => {
  it("drops a missing thank-you at the lateness point, at that millisecond", () => {
    const end = plus(NOW, -hours(20));
    const input = guidanceInput({ rounds: [round({ id: "r1", scheduledAt: plus(end, -hours(1)) })] });
    const lateFrom = end.getTime() + hours(24) + days(3);
    const gone = changes(input, NOW, plus(NOW, days(5))).find((c) => open(c.g, "send-thank-you").length === 0);
    expect(iso(gone!.at)).toBe(iso(lateFrom));
  });

  it("turns the follow-up into moving on at the long silence point, at that millisecond", () => {
    const end = utc("2026-11-20T16:00");
    const input = guidanceInput({
      rounds: [round({ id: "r2", kind: "second", scheduledAt: plus(end, -hours(1)), thankYouSentAt: plus(end, hours(2)) })],
      events: [event("follow_up_sent", plus(end, days(10)))],
    });
    const list = changes(input, plus(end, days(28)), plus(end, days(31)));
    const moved = firstOpen(list, "move-on-no-response");
    expect(iso(moved!.at)).toBe(iso(end.getTime() + days(30)));
    expect(open(moved!.g, "follow-up-after-silence")).toEqual([]);
  });

  it("drops the feedback request 30 days after the rejection, at that millisecond", () => {
    const rejection = plus(NOW, -days(29));
    const input = guidanceInput({
      application: { status: "rejected" },
      rounds: [round({ id: "r1", scheduledAt: plus(rejection, -days(3)), thankYouSentAt: plus(rejection, -days(2)) })],
      events: [event("rejection_received", rejection)],
    });
    const gone = changes(input, NOW, plus(NOW, days(2))).find((c) => open(c.g, "request-feedback").length === 0);
    expect(iso(gone!.at)).toBe(iso(rejection.getTime() + days(30)));
  });
});
