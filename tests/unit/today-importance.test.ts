import { describe, expect, it } from "vitest";
import { compareByImportance, importance, isLate, oneWorkingDayAfter, soonUntilFor } from "@/lib/dashboard/importance";
import type { QueueItem } from "@/lib/dashboard/overview";
import { lateCount, planDashboard } from "@/lib/dashboard/today";

const ZONE = "Europe/London";
/** Wednesday 25 November 2026, noon (GMT). */
const NOW = new Date("2026-11-25T12:00:00Z");
const END_OF_TODAY = new Date("2026-11-26T00:00:00Z");
const SOON = soonUntilFor(END_OF_TODAY);

let n = 0;
function step(over: Partial<QueueItem> & Pick<QueueItem, "ruleId">): QueueItem {
  const base = { kind: "todo", priority: "medium", applicationId: `app-${n++}`, roundId: null, roundAt: null, overdue: false, dueAt: NOW, status: "interviewing" };
  return { ...base, key: `${over.ruleId}:${n}`, title: over.ruleId, company: "Co", roleTitle: "Role", reasons: ["r"], ...over } as QueueItem;
}

describe("a step's importance on Today", () => {
  it("is the catalog's: offers, thank-yous and close preparation high; follow-ups, feedback and earlier preparation medium; moving on and reflecting low", () => {
    expect(importance(step({ ruleId: "negotiate-after-offer", priority: "low" }), SOON)).toBe("high");
    expect(importance(step({ ruleId: "send-thank-you" }), SOON)).toBe("high");
    expect(importance(step({ ruleId: "follow-up-after-silence", priority: "high" }), SOON)).toBe("medium");
    expect(importance(step({ ruleId: "request-feedback" }), SOON)).toBe("medium");
    expect(importance(step({ ruleId: "move-on-no-response", priority: "high" }), SOON)).toBe("low");
    expect(importance(step({ ruleId: "reflect-and-update" }), SOON)).toBe("low");
  });

  it("makes preparation high for a round up to 48 hours after the end of today, to the minute, and medium after", () => {
    const prep = (at: string) => importance(step({ ruleId: "prepare-examples", roundAt: new Date(at) }), SOON);
    expect(prep("2026-11-28T00:00:00Z")).toBe("high");
    expect(prep("2026-11-28T00:01:00Z")).toBe("medium");
  });

  it("orders by priority before due time: a low step due long ago comes after a high one due today", () => {
    const reflect = step({ ruleId: "reflect-and-update", dueAt: new Date("2026-09-01T09:00:00Z"), overdue: true });
    const thankYou = step({ ruleId: "send-thank-you", dueAt: new Date("2026-11-25T11:00:00Z"), overdue: true });
    const followUp = step({ ruleId: "follow-up-after-silence", dueAt: new Date("2026-08-28T09:00:00Z"), overdue: true });
    expect([reflect, followUp, thankYou].sort(compareByImportance(SOON))).toEqual([thankYou, followUp, reflect]);
  });

  it("orders Today's blocks by their most important step, and the steps inside a block the same way", () => {
    const negotiate = step({ ruleId: "negotiate-after-offer", dueAt: new Date("2026-11-25T09:00:00Z"), overdue: true, applicationId: "offer" });
    const lookBack = step({ ruleId: "reflect-and-update", dueAt: new Date("2026-10-01T09:00:00Z"), overdue: true, applicationId: "sample" });
    const lookBackAtOffer = step({ ruleId: "reflect-and-update", dueAt: new Date("2026-09-01T09:00:00Z"), overdue: true, applicationId: "offer" });
    const moveOn = step({ ruleId: "move-on-no-response", dueAt: new Date("2026-09-01T09:00:00Z"), overdue: true, applicationId: "silent" });
    const queue = [lookBackAtOffer, moveOn, lookBack, negotiate];
    const plan = planDashboard({ overview: { queue, putAside: [], checkIns: [] }, interviews: [], now: NOW, timeZone: ZONE });
    expect(plan.blocks.map((b) => b.applicationId)).toEqual(["offer", "sample"]);
    expect(plan.blocks[0].steps).toEqual([negotiate, lookBackAtOffer]);
    // Moving on is one item of its own, not a block (move-on-group.ts).
    expect(plan.moveOn).toEqual([moveOn]);
    // Of the overdue steps only the offer's negotiation is late: looking back never is.
    expect(plan.blocks.map((b) => lateCount(b, NOW))).toEqual([1, 0]);
  });
});

describe("what is truly late (the alarm colour)", () => {
  const overdue = (ruleId: QueueItem["ruleId"], dueAt: string) => step({ ruleId, dueAt: new Date(dueAt), overdue: true });

  it("a thank-you past its window and an offer step past its date are late at once", () => {
    expect(isLate(overdue("send-thank-you", "2026-11-25T11:59:00Z"), NOW, ZONE)).toBe(true);
    expect(isLate(overdue("negotiate-after-offer", "2026-11-25T11:59:00Z"), NOW, ZONE)).toBe(true);
  });

  it("a follow-up is late once overdue by more than a working day, to the minute", () => {
    expect(isLate(overdue("follow-up-after-silence", "2026-11-24T12:01:00Z"), NOW, ZONE)).toBe(false);
    expect(isLate(overdue("follow-up-after-silence", "2026-11-24T12:00:00Z"), NOW, ZONE)).toBe(true);
  });

  it("a weekend does not count: a step due Friday 09:00 is not late before Monday 09:00", () => {
    const friday = overdue("request-feedback", "2026-11-20T09:00:00Z");
    expect(oneWorkingDayAfter(friday.dueAt!, ZONE).toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(isLate(friday, new Date("2026-11-23T08:59:00Z"), ZONE)).toBe(false);
    expect(isLate(friday, new Date("2026-11-23T09:00:00Z"), ZONE)).toBe(true);
    // With a Friday–Saturday weekend, Thursday's step is late from Sunday.
    expect(oneWorkingDayAfter(new Date("2026-11-19T09:00:00Z"), "UTC", [5, 6]).toISOString()).toBe("2026-11-22T09:00:00.000Z");
  });

  it("moving on and looking back are never alarming, and nothing on time is late", () => {
    expect(isLate(overdue("move-on-no-response", "2026-08-01T09:00:00Z"), NOW, ZONE)).toBe(false);
    expect(isLate(overdue("reflect-and-update", "2026-08-01T09:00:00Z"), NOW, ZONE)).toBe(false);
    expect(isLate(step({ ruleId: "send-thank-you", dueAt: new Date("2026-11-25T13:00:00Z") }), NOW, ZONE)).toBe(false);
  });
});
