import { describe, expect, it } from "vitest";
import { errorsByField } from "@/lib/forms/form-state";
import { roundSchema, type RoundRulesContext } from "@/lib/validation/round";

// The round form posts a flat record of strings; times are read in the
// user's zone and checked against `now`, both passed in.
const NOW = new Date("2026-11-25T12:00:00Z");
const UTC: RoundRulesContext = { timeZone: "UTC", now: NOW };
const base = { kind: "first", scheduledAt: "2026-11-20T10:00" };

type Form = Record<string, string>;

function parse(form: Form, context = UTC) {
  return roundSchema(context).safeParse(form);
}

function valid(form: Form, context = UTC) {
  const result = parse(form, context);
  if (!result.success) throw new Error(`expected valid, got ${JSON.stringify(errorsByField(result.error))}`);
  return result.data;
}

function errorsOf(form: Form, context = UTC): Record<string, string[]> {
  const result = parse(form, context);
  return result.success ? {} : errorsByField(result.error).fieldErrors;
}

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

  it("refuses an impossible date with a message, not a crash", () => {
    const message = ["Start must be a date and time, like 2026-03-14 09:30."];
    expect(errorsOf({ ...base, scheduledAt: "2026-02-30T10:00" }).scheduledAt).toEqual(message);
    // Later rules read the start; a bad start must not make them throw.
    const withDependants = { ...base, scheduledAt: "2026-02-30T10:00", thankYouSentAt: "2026-11-20T10:00", hiringTimelineOn: "2026-11-20" };
    expect(errorsOf(withDependants).scheduledAt).toEqual(message);
  });

  it("reads the start in the user's zone: 09:00 in Berlin in July is 07:00Z", () => {
    const round = valid({ ...base, scheduledAt: "2026-07-01T09:00" }, { timeZone: "Europe/Berlin", now: NOW });
    expect(round.scheduledAt.toISOString()).toBe("2026-07-01T07:00:00.000Z");
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

  it("compares the decision date with the round's local date, not its UTC date", () => {
    const round = valid({ ...evening, hiringTimelineOn: "2026-11-20" }, la);
    expect(round.scheduledAt.toISOString()).toBe("2026-11-21T04:00:00.000Z");
    expect(round.hiringTimelineOn).toBe("2026-11-20");
  });

  it("refuses a decision date the day before the round", () => {
    expect(errorsOf({ ...evening, hiringTimelineOn: "2026-11-19" }, la).hiringTimelineOn).toEqual([
      "The decision date can't be before the round (20 Nov 2026).",
    ]);
  });

  it("refuses the tick without a date", () => {
    expect(errorsOf({ ...base, "signal.hiring_timeline": "on" }).hiringTimelineOn).toEqual([
      "Give the date they expect to decide by; your best estimate is fine.",
    ]);
  });

  it("a date without the tick still records the signal, in catalog order", () => {
    const round = valid({ ...base, "signal.met_team": "on", hiringTimelineOn: "2026-12-01" });
    expect(round.signals).toEqual(["met_team", "hiring_timeline"]);
  });

  it("refuses 'no next steps' together with a timeline, ticked or dated", () => {
    const message = ["You noted a hiring timeline, so next steps were given: untick one of the two."];
    expect(errorsOf({ ...base, noNextSteps: "on", hiringTimelineOn: "2026-12-01" }).noNextSteps).toEqual(message);
    expect(errorsOf({ ...base, noNextSteps: "on", "signal.hiring_timeline": "on", hiringTimelineOn: "2026-12-01" }).noNextSteps).toEqual(
      message,
    );
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
    expect(errors.notes).toEqual(["Notes must be at most 5000 characters."]);
    expect(errors.prepNotes).toEqual(["Prep notes must be at most 5000 characters."]);
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

describe("signals and people", () => {
  it("collects ticked signals and picked people; unticked values are ignored", () => {
    const id = crypto.randomUUID();
    const round = valid({ ...base, "signal.met_team": "on", "signal.company_fit": "", [`interviewer.${id}`]: "on" });
    expect(round.signals).toEqual(["met_team"]);
    expect(round.interviewerIds).toEqual([id]);
  });

  it("refuses a signal key that is not in the catalog", () => {
    expect(errorsOf({ ...base, "signal.good_vibes": "on" })["signals.0"]).toEqual(["That signal is not in the list."]);
  });

  it("refuses an interviewer id that is not a uuid", () => {
    expect(errorsOf({ ...base, "interviewer.42": "on" })["interviewerIds.0"]).toEqual(["Pick people from the list."]);
  });

  it("keys a new person's errors by their row, skipping blank rows without renumbering", () => {
    const errors = errorsOf({
      ...base,
      "newInterviewers.0.name": " ",
      "newInterviewers.0.title": "",
      "newInterviewers.0.email": "",
      "newInterviewers.1.name": "Priya Raman",
      "newInterviewers.1.email": "not-an-email",
      "newInterviewers.2.title": "CTO",
    });
    expect(errors).toEqual({
      "newInterviewers.1.email": ["Enter a valid email address, like you@example.com."],
      "newInterviewers.2.name": ["Name is required."],
    });
  });

  it("drops blank rows and normalises the rest", () => {
    const round = valid({
      ...base,
      "newInterviewers.0.name": "",
      "newInterviewers.0.email": "  ",
      "newInterviewers.1.name": "  Priya Raman ",
      "newInterviewers.1.email": "Priya@Example.COM",
      "newInterviewers.1.title": "",
    });
    expect(round.newInterviewers).toEqual([{ name: "Priya Raman", email: "priya@example.com" }]);
  });
});
