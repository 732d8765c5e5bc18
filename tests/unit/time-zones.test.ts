import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signUpSchema, timeZoneSchema } from "@/lib/validation/auth";
import { timeZoneField } from "@/lib/validation/fields";
import { canonicalTimeZone, knownTimeZones } from "@/lib/time/zoned";

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
