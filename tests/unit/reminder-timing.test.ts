import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, carries } from "@/lib/reminders/settings";
import { digestDayAt, isQuietHour, MAX_ATTEMPTS, retryDelay, sendableFrom } from "@/lib/reminders/timing";

const hours = DEFAULT_REMINDER_SETTINGS;

describe("quiet hours", () => {
  it("run past midnight, from their first hour up to (not including) their last", () => {
    expect([20, 21, 23, 0, 7, 8].map((h) => isQuietHour(h, hours))).toEqual([false, true, true, true, true, false]);
    expect([0, 12].map((h) => isQuietHour(h, { ...hours, quietFrom: 9, quietUntil: 9 }))).toEqual([false, false]);
    expect([12, 13, 14].map((h) => isQuietHour(h, { ...hours, quietFrom: 13, quietUntil: 14 }))).toEqual([false, true, false]);
  });

  it("hold a nudge until they end, in the user's zone, and never an interview reminder", () => {
    const tokyoEvening = new Date("2026-12-07T13:30:00Z"); // 22:30 in Tokyo
    expect(sendableFrom(tokyoEvening, "Asia/Tokyo", hours, { interview: false })).toEqual(new Date("2026-12-07T23:00:00Z"));
    expect(sendableFrom(tokyoEvening, "Asia/Tokyo", hours, { interview: true })).toEqual(tokyoEvening);
    const earlyMorning = new Date("2026-12-07T11:00:00Z"); // 06:00 in New York
    expect(sendableFrom(earlyMorning, "America/New_York", hours, { interview: false })).toEqual(new Date("2026-12-07T13:00:00Z"));
    const afternoon = new Date("2026-12-07T14:00:00Z");
    expect(sendableFrom(afternoon, "Europe/London", hours, { interview: false })).toEqual(afternoon);
  });

  it("end at the local hour on the day clocks change", () => {
    // 29 March 2026: Berlin moves from +01:00 to +02:00 at 02:00; 08:00 is then 06:00 UTC.
    expect(sendableFrom(new Date("2026-03-28T22:30:00Z"), "Europe/Berlin", hours, { interview: false })).toEqual(new Date("2026-03-29T06:00:00Z"));
  });
});

describe("the digest's day", () => {
  it("is due from the digest hour until quiet hours begin, by the user's clock", () => {
    const zone = "Europe/Berlin";
    expect(digestDayAt(new Date("2026-12-07T06:59:00Z"), zone, hours)).toBeNull(); // 07:59
    expect(digestDayAt(new Date("2026-12-07T07:00:00Z"), zone, hours)).toBe("2026-12-07"); // 08:00
    expect(digestDayAt(new Date("2026-12-07T19:59:00Z"), zone, hours)).toBe("2026-12-07"); // 20:59
    expect(digestDayAt(new Date("2026-12-07T20:00:00Z"), zone, hours)).toBeNull(); // 21:00, quiet
    expect(digestDayAt(new Date("2026-12-07T23:30:00Z"), "Asia/Tokyo", hours)).toBe("2026-12-08"); // 08:30 the next day there
  });

  it("waits in quiet hours when its own hour is in them, and goes when they end", () => {
    const early = { ...hours, digestHour: 6 };
    expect(digestDayAt(new Date("2026-12-07T06:00:00Z"), "UTC", early)).toBe("2026-12-07");
    expect(sendableFrom(new Date("2026-12-07T06:00:00Z"), "UTC", early, { interview: false })).toEqual(new Date("2026-12-07T08:00:00Z"));
    expect(digestDayAt(new Date("2026-12-07T22:00:00Z"), "UTC", early)).toBeNull();
  });
});

describe("retries and what a channel carries", () => {
  it("wait twice as long after each failure, an hour at most", () => {
    expect(Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelay(i + 1) / 60_000)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(retryDelay(10)).toBe(3_600_000);
  });

  it("send the digest, the nudges or both, and a test everywhere", () => {
    expect(["digest", "interview", "thank-you", "test"].map((k) => carries("digest", k as "digest"))).toEqual([true, false, false, true]);
    expect(["digest", "interview", "thank-you", "test"].map((k) => carries("nudges", k as "digest"))).toEqual([false, true, true, true]);
  });
});
