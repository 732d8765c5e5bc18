import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signUpSchema, timeZoneSchema } from "@/lib/validation/auth";
import { timeZoneField } from "@/lib/validation/fields";
import {
  addDaysToDate,
  atLocalHour,
  atLocalHourOfDay,
  canonicalTimeZone,
  dayNumberToDate,
  formatShortDate,
  knownTimeZones,
  localDate,
  localDayNumber,
  wallTimeToUtc,
} from "@/lib/time/zoned";

const PICK = ["Choose a time zone from the list."];
const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? {} : (z.flattenError(result.error!).fieldErrors as Record<string, string[]>);

describe("timeZoneField", () => {
  it("stores zones in the runtime's own spelling", () => {
    expect(timeZoneField.parse("europe/berlin")).toBe("Europe/Berlin");
    expect(timeZoneField.parse("  america/new_york ")).toBe("America/New_York");
    expect(timeZoneField.parse("utc")).toBe("UTC");
    expect(timeZoneField.parse("Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("EUROPE/BERLIN")).toBe("Europe/Berlin");
  });

  it("refuses names the runtime does not know, blanks, overlong values and non-strings", () => {
    for (const bad of ["Mars/Olympus", "Europe/Berlinn", "", "   ", "Europe/" + "x".repeat(60), 42, null]) {
      const result = timeZoneField.safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
    }
    expect(timeZoneField.safeParse("Mars/Olympus").error?.issues.map((i) => i.message)).toEqual(PICK);
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
  });

  it("the settings form reports a bad zone on its field", () => {
    expect(timeZoneSchema.parse({ timeZone: "pacific/auckland" })).toEqual({ timeZone: "Pacific/Auckland" });
    expect(fieldErrors(timeZoneSchema.safeParse({ timeZone: "Nowhere/Land" }))).toEqual({ timeZone: PICK });
  });
});

describe("knownTimeZones", () => {
  const plain = knownTimeZones("UTC");

  it("lists UTC first, once, then the runtime's zones", () => {
    expect(plain[0]).toBe("UTC");
    expect(plain.filter((z) => z === "UTC")).toHaveLength(1);
    expect(plain).toContain("Europe/Berlin");
    expect(new Set(plain).size).toBe(plain.length);
  });

  it("always includes the current zone, adding it in front when the runtime does not list it", () => {
    expect(knownTimeZones("Europe/Berlin")).toEqual(plain);
    const odd = knownTimeZones("Mars/Olympus");
    expect(odd).toEqual(["Mars/Olympus", ...plain]);
  });
});

describe("signUpSchema time zone", () => {
  const form = { name: "Ana", email: "ana@example.com", password: "correct horse" };

  it("canonicalises the browser's zone", () => {
    expect(signUpSchema.parse({ ...form, timeZone: "europe/berlin" }).timeZone).toBe("Europe/Berlin");
  });

  it("is optional: missing or unusable becomes undefined, never an error", () => {
    for (const timeZone of [undefined, "", "Not/AZone", "x".repeat(500)]) {
      const result = signUpSchema.safeParse({ ...form, timeZone });
      expect(result.success, String(timeZone)).toBe(true);
      expect(result.data?.timeZone, String(timeZone)).toBeUndefined();
    }
    expect(signUpSchema.parse(form)).toEqual({ name: "Ana", email: "ana@example.com", password: "correct horse" });
  });

  it("a bad zone does not hide the other fields' errors", () => {
    const errors = fieldErrors(signUpSchema.safeParse({ ...form, email: "ana@", timeZone: "Not/AZone" }));
    expect(Object.keys(errors)).toEqual(["email"]);
  });
});

describe("calendar days and mornings in a zone (the due-time helpers)", () => {
  const ZONES = ["UTC", "Europe/London", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago", "Pacific/Kiritimati"];
  const reference = (date: Date, zone: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);

  it("gives the same local date as the runtime for instants all over the years, cached or not", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const zone = ZONES[i % ZONES.length];
      const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 4 * 365 * 86_400_000));
      expect(localDate(date, zone), `${date.toISOString()} in ${zone}`).toBe(reference(date, zone));
      // Asked twice (the second from the cache), the answer is the same.
      expect(localDate(date, zone)).toBe(reference(date, zone));
      expect(dayNumberToDate(localDayNumber(date, zone))).toBe(reference(date, zone));
    }
  });

  it("finds 09:00 on days when the clocks change, ahead of and behind UTC", () => {
    const nine = (date: string, zone: string) => atLocalHourOfDay(Date.parse(date) / 86_400_000, 9, zone)?.toISOString();
    // London springs forward at 01:00 on 29 Mar 2026: 09:00 is BST.
    expect(nine("2026-03-28", "Europe/London")).toBe("2026-03-28T09:00:00.000Z");
    expect(nine("2026-03-29", "Europe/London")).toBe("2026-03-29T08:00:00.000Z");
    // Los Angeles falls back at 02:00 on 1 Nov 2026: 09:00 is PST.
    expect(nine("2026-10-31", "America/Los_Angeles")).toBe("2026-10-31T16:00:00.000Z");
    expect(nine("2026-11-01", "America/Los_Angeles")).toBe("2026-11-01T17:00:00.000Z");
    // Lord Howe moves by half an hour.
    expect(nine("2026-10-04", "Australia/Lord_Howe")).toBe("2026-10-03T22:00:00.000Z");
    expect(nine("2026-12-08", "Asia/Kathmandu")).toBe("2026-12-08T03:15:00.000Z");
    expect(atLocalHour("2026-12-08", 9, "Europe/Berlin")?.toISOString()).toBe("2026-12-08T08:00:00.000Z");
  });

  it("adds days to a calendar date across month and year ends", () => {
    expect(addDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysToDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysToDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(formatShortDate(new Date("2026-12-02T23:30:00Z"), "Asia/Tokyo")).toBe("Thu 3 Dec");
    expect(formatShortDate(new Date("2026-12-02T23:30:00Z"), "UTC")).toBe("Wed 2 Dec");
  });
});

describe("a typed time, whatever zone the server runs in", () => {
  // Node re-reads TZ when it changes: the server's own zone must not move the answer.
  const serverZones = ["UTC", "Pacific/Auckland", "America/New_York", "Asia/Kolkata"];
  const cases: [string, string, string | null][] = [
    ["2026-10-25T02:30", "Europe/Berlin", "2026-10-25T01:30:00.000Z"], // twice: the second, in winter time
    ["2026-11-01T01:30", "America/New_York", "2026-11-01T06:30:00.000Z"], // twice, behind UTC
    ["2026-03-29T02:30", "Europe/Berlin", "2026-03-29T01:30:00.000Z"], // skipped: on by the gap, 03:30
    ["2026-04-05T02:30", "Australia/Sydney", "2026-04-04T16:30:00.000Z"], // twice, south of the equator
    ["2026-12-07T09:00", "Asia/Kathmandu", "2026-12-07T03:15:00.000Z"],
    ["2026-02-30T09:00", "Europe/Berlin", null],
  ];

  it.each(serverZones)("reads the repeated and the skipped hour the same with TZ=%s", (serverZone) => {
    const saved = process.env.TZ;
    process.env.TZ = serverZone;
    try {
      for (const [wall, zone, expected] of cases) expect(wallTimeToUtc(wall, zone)?.toISOString() ?? null, `${wall} ${zone}`).toBe(expected);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
