import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorsByField } from "@/lib/forms/form-state";
import { eventEditSchema, eventSchema } from "@/lib/validation/event";
import type { RoundRulesContext } from "@/lib/validation/round";

const NOW = new Date("2026-11-25T12:00:00Z");
const UTC: RoundRulesContext = { timeZone: "UTC", now: NOW };
const base = { kind: "follow_up_sent", occurredAt: "2026-11-25T12:00" };
const FUTURE = ["This hasn't happened yet: an event can't be dated in the future."];

function errorsOf(schema: z.ZodType, form: Record<string, string>): Record<string, string[]> {
  const result = schema.safeParse(form);
  return result.success ? {} : errorsByField(result.error).fieldErrors;
}

describe("eventSchema", () => {
  it("accepts an event dated now, read in the user's zone", () => {
    expect(eventSchema(UTC).parse(base)).toEqual({ kind: "follow_up_sent", occurredAt: NOW });
    const berlin = eventSchema({ timeZone: "Europe/Berlin", now: NOW }).parse({ ...base, occurredAt: "2026-11-25T13:00" });
    expect(berlin.occurredAt).toEqual(NOW);
  });

  it("allows two minutes of clock skew and refuses anything later", () => {
    expect(eventSchema(UTC).safeParse({ ...base, occurredAt: "2026-11-25T12:02" }).success).toBe(true);
    expect(errorsOf(eventSchema(UTC), { ...base, occurredAt: "2026-11-25T12:03" }).occurredAt).toEqual(FUTURE);
    expect(errorsOf(eventSchema(UTC), { ...base, occurredAt: "2027-01-01T00:00" }).occurredAt).toEqual(FUTURE);
  });

  it("refuses an unknown kind, including the thank-you that lives on its round", () => {
    for (const kind of ["hired", "thank_you_sent", ""]) {
      expect(errorsOf(eventSchema(UTC), { ...base, kind }).kind, kind).toEqual(["Choose what happened from the list."]);
    }
  });

  it("bounds the note at 2000 characters", () => {
    expect(eventSchema(UTC).parse({ ...base, note: "n".repeat(2000) }).note).toHaveLength(2000);
    expect(errorsOf(eventSchema(UTC), { ...base, note: "n".repeat(2001) }).note).toEqual(["Note must be at most 2,000 characters."]);
  });

  it("treats a blank note as none and refuses an impossible date", () => {
    expect(eventSchema(UTC).parse({ ...base, note: "   " }).note).toBeUndefined();
    expect(errorsOf(eventSchema(UTC), { ...base, occurredAt: "2026-11-31T10:00" }).occurredAt).toEqual([
      "When must be a date and time, like 2026-03-14 09:30.",
    ]);
  });
});

describe("eventEditSchema", () => {
  it("edits time and note only, with the same future rule", () => {
    const edited = eventEditSchema(UTC).parse({ ...base, kind: "offer_received", note: "call with HR" });
    expect(edited).toEqual({ occurredAt: NOW, note: "call with HR" });
    expect(edited).not.toHaveProperty("kind");
    expect(errorsOf(eventEditSchema(UTC), { occurredAt: "2026-11-25T12:03" }).occurredAt).toEqual(FUTURE);
    expect(errorsOf(eventEditSchema(UTC), { occurredAt: "2026-11-25T12:00", note: "n".repeat(2001) }).note).toBeDefined();
  });
});
