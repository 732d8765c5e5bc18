import { describe, expect, it } from "vitest";
import type { RoundRulesContext } from "@/lib/validation/round";
import { base, errorsOf, NOW, valid } from "./support/round-form";

const END_BEFORE_START = "A round can't end before it starts: give a duration of at least 1 minute.";

describe("the basics", () => {
  it("accepts kind and start alone, with defaults for the rest", () => {
    const round = valid(base);
    expect(round).toMatchObject({
      kind: "first",
      outcome: "pending",
      noNextSteps: false,
      signals: [],
      customSignals: [],
      interviewerIds: [],
      newInterviewers: [],
    });
    expect(round.scheduledAt.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(round.durationMinutes).toBeUndefined();
  });

  it("refuses an unknown kind and a missing start", () => {
    const errors = errorsOf({ kind: "coffee", scheduledAt: "" });
    expect(errors.kind).toEqual(["Choose what kind of round it is."]);
    expect(errors.scheduledAt).toEqual(["Start is required."]);
  });

  it("refuses a missing start beside a bad duration with both messages, not a crash", () => {
    // The object's cross-field checks run here although the start did not parse.
    const errors = errorsOf({ ...base, scheduledAt: "", durationMinutes: "0" });
    expect(errors.scheduledAt).toEqual(["Start is required."]);
    expect(errors.durationMinutes).toEqual([END_BEFORE_START]);
  });

  it("keeps to field messages when the start is missing and later checks would read it", () => {
    // An outcome, a thank-you and a decision date are all checked against the start.
    const errors = errorsOf({
      ...base,
      scheduledAt: "",
      outcome: "advanced",
      thankYouSentAt: "2026-11-20T10:00",
      "signal.hiring_timeline": "on",
      hiringTimelineOn: "2026-11-20",
    });
    expect(errors).toEqual({ scheduledAt: ["Start is required."] });
    // A thank-you dated in the future is refused whatever the start.
    expect(errorsOf({ ...base, scheduledAt: "", thankYouSentAt: "2030-01-01T10:00" }).thankYouSentAt).toEqual([
      "A thank-you can't be dated in the future.",
    ]);
  });

  it("refuses an impossible date with a message, not a crash", () => {
    const message = ["Start must be a date and time, like 2026-03-14 09:30."];
    expect(errorsOf({ ...base, scheduledAt: "2026-02-30T10:00" }).scheduledAt).toEqual(message);
    // Later rules read the start; a bad start must not make them throw.
    const withDependants = { ...base, scheduledAt: "2026-02-30T10:00", thankYouSentAt: "2026-11-20T10:00", hiringTimelineOn: "2026-11-20" };
    expect(errorsOf(withDependants).scheduledAt).toEqual(message);
  });

  it("refuses a start in a year below 1000 instead of reading it as 19xx", () => {
    const message = ["Start must be a date and time, like 2026-03-14 09:30."];
    for (const wall of ["0075-06-01T10:00", "0999-12-31T23:59"]) {
      expect(errorsOf({ ...base, scheduledAt: wall }).scheduledAt, wall).toEqual(message);
    }
    expect(errorsOf({ ...base, thankYouSentAt: "0075-11-20T10:00" }).thankYouSentAt).toEqual([
      "Thank-you sent must be a date and time, like 2026-03-14 09:30.",
    ]);
  });

  it("reads the start in the user's zone: 09:00 in Berlin in July is 07:00Z", () => {
    const round = valid({ ...base, scheduledAt: "2026-07-01T09:00" }, { timeZone: "Europe/Berlin", now: NOW });
    expect(round.scheduledAt.toISOString()).toBe("2026-07-01T07:00:00.000Z");
  });

  it("refuses a time in the hour skipped when clocks go forward, and takes the minutes around it", () => {
    const berlin = { timeZone: "Europe/Berlin", now: NOW };
    expect(errorsOf({ ...base, scheduledAt: "2026-03-29T02:30" }, berlin).scheduledAt).toEqual([
      "Start: 02:30 doesn't exist that day in Europe/Berlin (the clocks go forward). Choose a time outside the skipped hour.",
    ]);
    expect(valid({ ...base, scheduledAt: "2026-03-29T01:59" }, berlin).scheduledAt.toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(valid({ ...base, scheduledAt: "2026-03-29T03:00" }, berlin).scheduledAt.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // The repeated hour when clocks go back is a real time; it is read as the second one, in winter time.
    expect(valid({ ...base, scheduledAt: "2026-10-25T02:30" }, berlin).scheduledAt.toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });
});

describe("duration", () => {
  it("refuses 0 and negative durations as a round ending before it starts", () => {
    for (const bad of ["0", "-1", "-90"]) {
      expect(errorsOf({ ...base, durationMinutes: bad }).durationMinutes, bad).toEqual([END_BEFORE_START]);
    }
  });

  it("accepts 1 and 720 minutes, refuses 721", () => {
    expect(valid({ ...base, durationMinutes: "1" }).durationMinutes).toBe(1);
    expect(valid({ ...base, durationMinutes: "720" }).durationMinutes).toBe(720);
    expect(errorsOf({ ...base, durationMinutes: "721" }).durationMinutes).toEqual(["Duration must be at most 720."]);
  });
});

describe("thank-you sent", () => {
  it("refuses one minute before the start and accepts the start itself", () => {
    expect(errorsOf({ ...base, thankYouSentAt: "2026-11-20T09:59" }).thankYouSentAt).toEqual([
      "A thank-you can't be sent before the round starts.",
    ]);
    expect(valid({ ...base, thankYouSentAt: "2026-11-20T10:00" }).thankYouSentAt?.toISOString()).toBe("2026-11-20T10:00:00.000Z");
  });

  it("allows two minutes of clock skew, and refuses anything later", () => {
    expect(valid({ ...base, thankYouSentAt: "2026-11-25T12:02" }).thankYouSentAt).toBeInstanceOf(Date);
    expect(errorsOf({ ...base, thankYouSentAt: "2026-11-25T12:03" }).thankYouSentAt).toEqual([
      "A thank-you can't be dated in the future.",
    ]);
  });
});

describe("hiring timeline", () => {
  // 20:00 in Los Angeles on 20 Nov is already 21 Nov in UTC.
  const la: RoundRulesContext = { timeZone: "America/Los_Angeles", now: NOW };
  const evening = { ...base, scheduledAt: "2026-11-20T20:00" };
  const ticked = { "signal.hiring_timeline": "on" };
  const BEFORE_ROUND = ["The decision date can't be before the round (20 Nov 2026)."];
  const CONFLICT = ["You noted a hiring timeline, so next steps were given: untick one of the two."];

  it("compares a ticked decision date with the round's local date, not its UTC date", () => {
    const round = valid({ ...evening, ...ticked, hiringTimelineOn: "2026-11-20" }, la);
    expect(round.scheduledAt.toISOString()).toBe("2026-11-21T04:00:00.000Z");
    expect(round.hiringTimelineOn).toBe("2026-11-20");
    expect(round.signals).toEqual(["hiring_timeline"]);
  });

  it("refuses a ticked decision date the day before the round's local date", () => {
    expect(errorsOf({ ...evening, ...ticked, hiringTimelineOn: "2026-11-19" }, la)).toEqual({ hiringTimelineOn: BEFORE_ROUND });
  });

  it("refuses the tick without a date", () => {
    expect(errorsOf({ ...base, ...ticked })).toEqual({
      hiringTimelineOn: ["Give the date they expect to decide by; your best estimate is fine."],
    });
    expect(errorsOf({ ...base, ...ticked, hiringTimelineOn: "  " }).hiringTimelineOn).toHaveLength(1);
  });

  it("keeps a ticked date with the signal, in catalog order", () => {
    const round = valid({ ...base, ...ticked, "signal.met_team": "on", hiringTimelineOn: "2026-12-01" });
    expect(round.signals).toEqual(["met_team", "hiring_timeline"]);
    expect(round.hiringTimelineOn).toBe("2026-12-01");
  });

  it("drops a date without the tick: no signal, no date, no error", () => {
    const round = valid({ ...base, "signal.met_team": "on", hiringTimelineOn: "2026-12-01" });
    expect(round.signals).toEqual(["met_team"]);
    expect(round).not.toHaveProperty("hiringTimelineOn");
    // Even a date that a ticked timeline would refuse: it is not part of the round.
    const early = valid({ ...evening, hiringTimelineOn: "2026-11-19" }, la);
    expect(early.signals).toEqual([]);
    expect(early).not.toHaveProperty("hiringTimelineOn");
  });

  it("refuses 'no next steps' together with a ticked timeline only", () => {
    expect(errorsOf({ ...base, ...ticked, noNextSteps: "on", hiringTimelineOn: "2026-12-01" })).toEqual({ noNextSteps: CONFLICT });
    // A date left behind in the disabled field does not conflict.
    const round = valid({ ...base, noNextSteps: "on", hiringTimelineOn: "2026-12-01" });
    expect(round).toMatchObject({ noNextSteps: true, signals: [] });
    expect(round).not.toHaveProperty("hiringTimelineOn");
    expect(valid({ ...base, noNextSteps: "on" }).noNextSteps).toBe(true);
  });
});

describe("outcome", () => {
  const future = { ...base, scheduledAt: "2026-12-01T10:00" };

  it("a round that hasn't happened yet can only be pending", () => {
    for (const outcome of ["advanced", "rejected", "offer"]) {
      expect(errorsOf({ ...future, outcome }).outcome, outcome).toEqual([
        "This round hasn't happened yet, so its outcome can only be “Waiting to hear”.",
      ]);
    }
    expect(valid({ ...future, outcome: "pending" }).outcome).toBe("pending");
    expect(valid({ ...base, outcome: "advanced" }).outcome).toBe("advanced");
  });

  it("refuses an outcome that is not in the list", () => {
    expect(errorsOf({ ...base, outcome: "hired" }).outcome).toEqual(["Choose an outcome from the list."]);
  });
});

describe("text lengths", () => {
  it("notes and prep notes: 5000 accepted, 5001 refused", () => {
    expect(valid({ ...base, notes: "n".repeat(5000), prepNotes: "p".repeat(5000) }).notes).toHaveLength(5000);
    const errors = errorsOf({ ...base, notes: "n".repeat(5001), prepNotes: "p".repeat(5001) });
    expect(errors.notes).toEqual(["Notes must be at most 5,000 characters."]);
    expect(errors.prepNotes).toEqual(["Prep notes must be at most 5,000 characters."]);
  });

  it("location: 500 accepted, 501 refused", () => {
    expect(valid({ ...base, location: "l".repeat(500) }).location).toHaveLength(500);
    expect(errorsOf({ ...base, location: "l".repeat(501) }).location).toEqual(["Location or link must be at most 500 characters."]);
  });

  it("custom signals: one per line, trimmed, blanks dropped; 200 characters a line", () => {
    expect(valid({ ...base, customSignals: "  asked about on-call \r\n\n\nliked my project\n" }).customSignals).toEqual([
      "asked about on-call",
      "liked my project",
    ]);
    expect(valid({ ...base, customSignals: `short\n${"x".repeat(200)}` }).customSignals[1]).toHaveLength(200);
    expect(errorsOf({ ...base, customSignals: `short\n${"x".repeat(201)}` }).customSignals).toEqual([
      "Line 2 is longer than 200 characters; shorten it or split it.",
    ]);
    // Blank lines count, so the number matches the line the user sees.
    expect(errorsOf({ ...base, customSignals: `short\n\n${"x".repeat(201)}` }).customSignals).toEqual([
      "Line 3 is longer than 200 characters; shorten it or split it.",
    ]);
    // Ten signals spread over more lines are still ten.
    expect(valid({ ...base, customSignals: Array.from({ length: 10 }, (_, i) => `s${i}\n`).join("\n") }).customSignals).toHaveLength(10);
  });

  it("custom signals: 10 lines accepted, 11 refused", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `signal ${i + 1}`).join("\n");
    expect(valid({ ...base, customSignals: lines(10) }).customSignals).toHaveLength(10);
    expect(errorsOf({ ...base, customSignals: lines(11) }).customSignals).toEqual([
      "Keep it to 10 signals of your own, one per line.",
    ]);
  });

  it("interviewer name: 120 accepted, 121 refused on its row", () => {
    expect(valid({ ...base, "newInterviewers.0.name": "a".repeat(120) }).newInterviewers[0].name).toHaveLength(120);
    expect(errorsOf({ ...base, "newInterviewers.0.name": "a".repeat(121) })["newInterviewers.0.name"]).toEqual([
      "Name must be at most 120 characters.",
    ]);
  });
});
