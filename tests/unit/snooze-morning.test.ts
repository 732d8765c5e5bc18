import { describe, expect, it } from "vitest";
import { tomorrowMorning } from "@/lib/time/tomorrow-morning";
import { stepActionSchema } from "@/lib/validation/guidance-step";

describe("a “Tomorrow morning” snooze ends at the user's next 09:00 in their zone", () => {
  it.each([
    // Made at 01:58 in Berlin: 09:00 the same date, not 01:58 the next night.
    ["2026-12-07T00:58:00Z", "Europe/Berlin", "2026-12-07T08:00:00.000Z"],
    // Made at 14:00 in Berlin: 09:00 the next day.
    ["2026-12-07T13:00:00Z", "Europe/Berlin", "2026-12-08T08:00:00.000Z"],
    // Made at 07:00: 09:00 the next day, not in two hours.
    ["2026-12-07T06:00:00Z", "Europe/Berlin", "2026-12-08T08:00:00.000Z"],
    // 23:30 in Los Angeles is already the next day in UTC: 09:00 Pacific the next morning.
    ["2026-12-08T07:30:00Z", "America/Los_Angeles", "2026-12-08T17:00:00.000Z"],
    // Kolkata's half-hour offset.
    ["2026-12-07T12:00:00Z", "Asia/Kolkata", "2026-12-08T03:30:00.000Z"],
    // The night the clocks go forward in Berlin (29 March 2026): 09:00 CEST.
    ["2026-03-28T20:00:00Z", "Europe/Berlin", "2026-03-29T07:00:00.000Z"],
  ])("made at %s in %s, it ends at %s", (now, zone, end) => {
    expect(tomorrowMorning(new Date(now), zone).toISOString()).toBe(end);
  });

  it("is one of the step actions a form may post", () => {
    expect(stepActionSchema.parse({ applicationId: "a", key: "k", action: "snooze-morning" }).action).toBe("snooze-morning");
  });
});
