import { describe, expect, it } from "vitest";
import { afterRoundOpen, placeOpen, roundFormMode } from "@/lib/interviews/round-form-mode";
import { ASK_FOR_DAYS, keptValues, roundPrompt } from "@/lib/interviews/debrief";

describe("roundFormMode", () => {
  const now = "2026-12-07T09:30";
  it("books a round that starts after now, debriefs one that has started, to the minute", () => {
    expect(roundFormMode("2026-12-07T09:31", now)).toBe("booking");
    expect(roundFormMode("2026-12-07T09:30", now)).toBe("debrief");
    expect(roundFormMode("2026-12-06T23:59", now)).toBe("debrief");
    expect(roundFormMode("2027-01-01T00:00", now)).toBe("booking");
  });

  it("compares wall times as written, with seconds ignored, so the machine's zone plays no part", () => {
    expect(roundFormMode("2026-12-07T09:30:59", "2026-12-07T09:30")).toBe("debrief");
    // Across midnight and a year end.
    expect(roundFormMode("2026-12-31T23:59", "2027-01-01T00:00")).toBe("debrief");
    expect(roundFormMode("2027-01-01T00:01", "2027-01-01T00:00")).toBe("booking");
  });

  it("an empty or unreadable start is still being booked", () => {
    expect(roundFormMode(undefined, now)).toBe("booking");
    expect(roundFormMode("", now)).toBe("booking");
    expect(roundFormMode("next tuesday", now)).toBe("booking");
  });
});

describe("which folds start open", () => {
  it("'How it went' opens after the round, when it holds anything, or when one of its fields was refused", () => {
    const fresh = { kind: "first", durationMinutes: "60", format: "video", outcome: "pending" };
    expect(afterRoundOpen("booking", fresh, [])).toBe(false);
    expect(afterRoundOpen("debrief", fresh, [])).toBe(true);
    expect(afterRoundOpen("booking", { ...fresh, "signal.met_team": "on" }, [])).toBe(true);
    expect(afterRoundOpen("booking", { ...fresh, outcome: "advanced" }, [])).toBe(true);
    expect(afterRoundOpen("booking", { ...fresh, notes: "" }, [])).toBe(false);
    expect(afterRoundOpen("booking", fresh, ["hiringTimelineOn"])).toBe(true);
    expect(afterRoundOpen("booking", fresh, ["signals.0"])).toBe(true);
    expect(afterRoundOpen("booking", fresh, ["scheduledAt"])).toBe(false);
  });

  it("'Place, length and prep' opens for a place or notes, or a refused field, not for the default length", () => {
    expect(placeOpen({ durationMinutes: "60" }, [])).toBe(false);
    expect(placeOpen({ location: "https://meet.example/abc" }, [])).toBe(true);
    expect(placeOpen({ prepNotes: "Read their blog" }, [])).toBe(true);
    expect(placeOpen({ durationMinutes: "0" }, ["durationMinutes"])).toBe(true);
  });
});

describe("roundPrompt", () => {
  const now = new Date("2026-12-07T09:30:00Z");
  const at = (ms: number) => new Date(now.getTime() + ms);
  const DAY = 24 * 60 * 60 * 1000;
  const bare = { outcome: "pending", signals: [], customSignals: [], noNextSteps: false };

  it("asks nothing before the round starts, asks how it went from its start, and stops after a week", () => {
    expect(roundPrompt({ ...bare, scheduledAt: at(60_000) }, now)).toBeNull();
    expect(roundPrompt({ ...bare, scheduledAt: now }, now)).toBe("how-did-it-go");
    expect(roundPrompt({ ...bare, scheduledAt: at(-ASK_FOR_DAYS * DAY) }, now)).toBe("how-did-it-go");
    expect(roundPrompt({ ...bare, scheduledAt: at(-ASK_FOR_DAYS * DAY - 1) }, now)).toBeNull();
  });

  it("with an outcome but no signals it only reminds; anything noted ends both", () => {
    const yesterday = at(-DAY);
    expect(roundPrompt({ ...bare, scheduledAt: yesterday, outcome: "advanced" }, now)).toBe("no-signals");
    expect(roundPrompt({ ...bare, scheduledAt: yesterday, signals: ["met_team"] }, now)).toBeNull();
    expect(roundPrompt({ ...bare, scheduledAt: yesterday, customSignals: ["Asked my notice period"] }, now)).toBeNull();
    expect(roundPrompt({ ...bare, scheduledAt: yesterday, noNextSteps: true }, now)).toBeNull();
  });

  it("the short step posts the rest of the round unchanged and leaves out only what it asks", () => {
    const values = {
      kind: "second",
      scheduledAt: "2026-12-06T14:00",
      outcome: "pending",
      "signal.met_team": "on",
      "signal.role_skills": "on",
      hiringTimelineOn: "",
      "interviewer.abc": "on",
      notes: "Went well",
    };
    expect(keptValues(values)).toEqual({ kind: "second", scheduledAt: "2026-12-06T14:00", "signal.role_skills": "on", "interviewer.abc": "on", notes: "Went well" });
  });
});
