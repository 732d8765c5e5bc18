import { describe, expect, it } from "vitest";
import { barPercent, barScale } from "@/lib/analytics/chart-scale";

describe("barScale", () => {
  it("counts up in ones for small counts, ending at the largest", () => {
    expect(barScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(barScale(1)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("uses a round step and at most six ticks, with a top at or above the largest bar", () => {
    expect(barScale(6)).toEqual({ max: 6, ticks: [0, 2, 4, 6] });
    expect(barScale(5_000)).toEqual({ max: 5_000, ticks: [0, 1_000, 2_000, 3_000, 4_000, 5_000] });
    expect(barScale(5_001)).toEqual({ max: 6_000, ticks: [0, 2_000, 4_000, 6_000] });
    for (const largest of [2, 7, 11, 19, 99, 101, 1_234, 20_000]) {
      const { max, ticks } = barScale(largest);
      expect(max).toBeGreaterThanOrEqual(largest);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks[0]).toBe(0);
    }
  });

  it("allows fractional steps for non-counts such as days", () => {
    expect(barScale(0.8, false)).toEqual({ max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(barScale(0.8)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("gives an axis of 0 to 1 when there is nothing to draw", () => {
    expect(barScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(barScale(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

describe("barPercent", () => {
  it("is the value's share of the axis, held between 0 and 100", () => {
    const scale = barScale(6);
    expect(barPercent(3, scale)).toBe(50);
    expect(barPercent(6, scale)).toBe(100);
    expect(barPercent(9, scale)).toBe(100);
    expect(barPercent(-1, scale)).toBe(0);
  });
});
