import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorsByField, FILE_WHERE_TEXT_BELONGS, refuseFileParts } from "@/lib/forms/form-state";
import { applicationSchema } from "@/lib/validation/application";
import { signUpSchema } from "@/lib/validation/auth";
import { eventSchema } from "@/lib/validation/event";
import { hasControlCharacter, optionalText, requiredText } from "@/lib/validation/fields";
import { roundSchema } from "@/lib/validation/round";

const NOW = new Date("2026-11-25T12:00:00Z");
const UTC = { timeZone: "UTC", now: NOW };

function errorsOf(schema: z.ZodType, form: Record<string, string>): Record<string, string[]> {
  const result = schema.safeParse(form);
  return result.success ? {} : errorsByField(result.error).fieldErrors;
}

const CONTROL = /invisible control character/;

describe("control characters in text fields", () => {
  it("refuses NUL, the other C0 controls, DEL and C1, and lets tab and new lines through", () => {
    for (const bad of ["\u0000", "\u0001", "\u0007", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u009F"]) {
      expect(hasControlCharacter(`a${bad}b`), JSON.stringify(bad)).toBe(true);
    }
    for (const fine of ["tab\there", "line one\nline two", "windows\r\nlines", "émoji 🎉 and ünïcode", "\u00A0no-break space"]) {
      expect(hasControlCharacter(fine), JSON.stringify(fine)).toBe(false);
    }
  });

  it("the shared helpers give a message naming the field, once", () => {
    expect(errorsOf(z.object({ company: requiredText("Company", 120) }), { company: "Acme\u0000" }).company).toEqual([
      "Company contains an invisible control character (such as NUL), usually from a paste: delete it and type that part again.",
    ]);
    expect(errorsOf(z.object({ notes: optionalText("Notes", 50) }), { notes: "a\u0000".repeat(40) }).notes).toHaveLength(1);
    expect(errorsOf(z.object({ notes: optionalText("Notes", 50) }), { notes: "first\tline\nsecond" })).toEqual({});
  });

  const cases: [string, z.ZodType, Record<string, string>, string[]][] = [
    ["application", applicationSchema, { company: "Acme", roleTitle: "Engineer", status: "applied" }, ["company", "roleTitle", "location", "source", "notes"]],
    ["sign-up", signUpSchema, { name: "Sam", email: "sam@example.com", password: "plum cobalt yonder kettle" }, ["name", "email"]],
    ["event", eventSchema(UTC), { kind: "follow_up_sent", occurredAt: "2026-11-25T12:00" }, ["note"]],
    [
      "round",
      roundSchema(UTC),
      { kind: "first", scheduledAt: "2026-11-20T10:00", "newInterviewers.0.name": "Bo Chen" },
      ["location", "notes", "prepNotes", "newInterviewers.0.name", "newInterviewers.0.title", "newInterviewers.0.email"],
    ],
  ];

  it.each(cases)("every text field of the %s form refuses a NUL beside that field", (_name, schema, valid, fields) => {
    expect(errorsOf(schema, valid)).toEqual({});
    for (const field of fields) {
      const value = field.endsWith("email") ? "bo\u0000@example.com" : "text\u0000with a NUL";
      const errors = errorsOf(schema, { ...valid, [field]: value });
      expect(errors[field], field).toEqual([expect.stringMatching(CONTROL)]);
    }
  });

  it("a round's custom signals refuse one too, naming the line", () => {
    const errors = errorsOf(roundSchema(UTC), { kind: "first", scheduledAt: "2026-11-20T10:00", customSignals: "fine\nnot\u0000fine" });
    expect(Object.values(errors).flat()).toEqual([expect.stringMatching(/^Line 2 contains an invisible control character/)]);
  });
});

describe("a file part where text belongs", () => {
  it("is refused beside its field, not read as an empty value", () => {
    const form = new FormData();
    form.set("company", "Acme");
    form.set("archived", new Blob(["on"]), "checkbox.txt");
    form.set("$ACTION_ID_abc", "");
    expect(refuseFileParts(form)).toEqual({ message: expect.stringContaining("a field came as a file"), fieldErrors: { archived: [FILE_WHERE_TEXT_BELONGS] } });
  });

  it("lets a form of text alone through", () => {
    const form = new FormData();
    form.set("company", "Acme");
    expect(refuseFileParts(form)).toBeNull();
  });
});
