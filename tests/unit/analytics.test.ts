import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analytics/analyze";
import { funnel } from "@/lib/analytics/funnel";
import { median } from "@/lib/analytics/median";
import { outcomesBySignals } from "@/lib/analytics/outcomes";
import { responseTimes } from "@/lib/analytics/response-times";
import { histories } from "@/lib/analytics/rows";
import { at, rowsBuilder } from "./support/analytics";

const NOW = at(100);
const HOUR_IN_DAYS = 1 / 24;

describe("median", () => {
  it("takes the middle of an odd count and the mean of the middle two of an even count, in any order", () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([8, 2, 6, 4])).toBe(5);
  });
});

describe("funnel by round", () => {
  it("counts each application through every stage up to its furthest, with conversions and sample sizes", () => {
    const b = rowsBuilder();
    b.app({ status: "saved" }); // never applied: not in the funnel
    b.app({ status: "saved", appliedOn: "2026-01-02" }); // a date applied is enough
    b.app({ status: "rejected" });
    const screened = b.app({ status: "screening" });
    b.round(screened, "screen", 3);
    const toFinal = b.app({ status: "interviewing" }); // no logged screen, first or second: counts through
    b.round(toFinal, "final", 10);
    const offered = b.app({ status: "offer" });
    b.round(offered, "first", 5);
    const offerEvent = b.app({ status: "withdrawn" }); // declined an offer: still an offer
    b.event(offerEvent, "offer_received", 20);

    const steps = funnel(histories(b.rows).filter((h) => h.application.status !== "saved" || h.application.appliedOn));
    expect(steps.map((s) => [s.stage, s.reached, s.sampleSize])).toEqual([
      ["applied", 6, null],
      ["screen", 4, 6],
      ["first", 3, 4],
      ["second", 3, 3],
      ["final", 3, 3],
      ["offer", 2, 3],
    ]);
    expect(steps[0].conversion).toBeNull();
    expect(steps[1].conversion).toBeCloseTo(4 / 6);
    expect(steps[5].conversion).toBeCloseTo(2 / 3);
    expect(analyze(b.rows, NOW).applied).toBe(6);
  });

  it("places technical, other, panel and on-site rounds by the catalog's later-round meaning", () => {
    const b = rowsBuilder();
    const techOnly = b.app();
    b.round(techOnly, "screen", 1);
    b.round(techOnly, "technical", 2); // first interview after the screen
    const techTwice = b.app();
    b.round(techTwice, "other", 1);
    b.round(techTwice, "technical", 2); // second interview
    const panel = b.app();
    b.round(panel, "panel", 1); // a later kind even as the only round
    const reached = funnel(histories(b.rows)).map((s) => s.reached);
    expect(reached).toEqual([3, 3, 3, 2, 0, 0]);
  });

  it("gives no conversion when the previous stage is empty, and zeros for no data", () => {
    const steps = funnel([]);
    expect(steps.map((s) => s.reached)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(steps.every((s) => s.conversion === null)).toBe(true);
    expect(steps.slice(1).map((s) => s.sampleSize)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("days to a response after each kind of round", () => {
  it("measures from the round's end to the earliest company word or next round, and counts rounds still waiting", () => {
    const b = rowsBuilder();
    const a = b.app();
    b.round(a, "screen", 10); // ends day 10 + 1h
    b.event(a, "follow_up_sent", 11); // the user's own message, not the company's word
    b.event(a, "response_received", 13 + HOUR_IN_DAYS); // 3 days, before the next round was logged (day 15)
    b.round(a, "first", 20, { loggedAt: at(15) });
    b.round(a, "second", 30, { loggedAt: at(22 + HOUR_IN_DAYS) }); // answers the first: 2 days
    b.event(a, "rejection_received", 40 + HOUR_IN_DAYS); // answers the second: 10 days
    // Back-filled long after: the next round's start is the earlier bound (5 days).
    const c = b.app();
    b.round(c, "screen", 50, { loggedAt: at(90) });
    b.round(c, "first", 55 + HOUR_IN_DAYS, { loggedAt: at(90) }); // no word since: waiting
    b.round(b.app(), "screen", 95); // no word since: waiting
    b.round(b.app(), "screen", 100); // ends an hour after NOW: not counted at all
    const e = b.app();
    b.round(e, "screen", 60);
    b.event(e, "feedback_received", 61 + HOUR_IN_DAYS); // 1 day; the later offer doesn't matter
    b.event(e, "offer_received", 62);

    const times = responseTimes(histories(b.rows), NOW);
    expect(times.map((t) => [t.kind, t.answered, t.waiting])).toEqual([
      ["screen", 3, 1],
      ["first", 1, 1],
      ["second", 1, 0],
    ]);
    // Screens answered after 3, 5 and 1 days: the middle of an odd count.
    expect(times[0].medianDays).toBeCloseTo(3, 6);
    expect(times[1].medianDays).toBeCloseTo(2, 6);
    expect(times[2].medianDays).toBeCloseTo(10, 6);
  });

  it("takes the mean of the middle two for an even count", () => {
    const b = rowsBuilder();
    for (const wait of [1, 2, 4, 9]) {
      const id = b.app();
      b.round(id, "final", 10);
      b.event(id, "response_received", 10 + HOUR_IN_DAYS + wait);
    }
    expect(responseTimes(histories(b.rows), NOW)).toEqual([{ kind: "final", medianDays: 3, answered: 4, waiting: 0 }]);
  });

  it("has nothing to show without ended rounds", () => {
    const b = rowsBuilder();
    b.round(b.app(), "screen", 200);
    expect(responseTimes(histories(b.rows), NOW)).toEqual([]);
  });
});

describe("outcomes by positive indicators seen in later rounds", () => {
  it("buckets applications with a later round by distinct indicators, with outcome counts and small-sample flags", () => {
    const b = rowsBuilder();
    // No later round: left out whatever its signals.
    const early = b.app({ status: "rejected" });
    b.signals(b.round(early, "first", 1), "met_team", "long_term_discussion", "hiring_timeline");
    // 0–1: round 2 by position with one indicator; the first round's indicators don't count.
    const one = b.app({ status: "ghosted" });
    b.signals(b.round(one, "first", 1), "met_team", "constructive_feedback");
    b.signals(b.round(one, "technical", 5), "met_team", "salary_raised");
    const none = b.app({ status: "interviewing" });
    b.round(none, "final", 3);
    // 2: the same indicator on two rounds counts once.
    const two = b.app({ status: "interviewing" });
    b.event(two, "rejection_received", 9);
    b.signals(b.round(two, "second", 2), "met_team", "hiring_timeline");
    b.signals(b.round(two, "final", 6), "met_team");
    // 3–4: five applications, so not a small sample.
    const outcomes = ["offer", "offer", "withdrawn", "rejected", "accepted"] as const;
    for (const status of outcomes) {
      const id = b.app({ status });
      b.signals(b.round(id, "panel", 4), "met_team", "long_term_discussion");
      b.signals(b.round(id, "onsite", 8), "constructive_feedback");
    }

    const result = outcomesBySignals(histories(b.rows), b.rows.signals);
    expect(result).toEqual([
      { bucket: "0–1", counts: { offer: 0, rejected: 0, ghosted: 1, open: 1, withdrawn: 0 }, n: 2, smallSample: true },
      { bucket: "2", counts: { offer: 0, rejected: 1, ghosted: 0, open: 0, withdrawn: 0 }, n: 1, smallSample: true },
      { bucket: "3–4", counts: { offer: 3, rejected: 1, ghosted: 0, open: 0, withdrawn: 1 }, n: 5, smallSample: false },
    ]);
  });

  it("gives empty buckets, flagged as small samples, for no data", () => {
    expect(outcomesBySignals([], []).map((r) => [r.n, r.smallSample])).toEqual([
      [0, true],
      [0, true],
      [0, true],
    ]);
  });
});
