import { errorsByField } from "@/lib/forms/form-state";
import { roundSchema, type RoundRulesContext } from "@/lib/validation/round";

// The round form posts a flat record of strings; times are read in the
// user's zone and checked against `now`, both passed in.
export const NOW = new Date("2026-11-25T12:00:00Z");
export const UTC: RoundRulesContext = { timeZone: "UTC", now: NOW };
export const base = { kind: "first", scheduledAt: "2026-11-20T10:00" };

export type Form = Record<string, string>;

export function parse(form: Form, context = UTC) {
  return roundSchema(context).safeParse(form);
}

export function valid(form: Form, context = UTC) {
  const result = parse(form, context);
  if (!result.success) throw new Error(`expected valid, got ${JSON.stringify(errorsByField(result.error))}`);
  return result.data;
}

/** Every error keyed by its dotted path; {} when the form is valid. */
export function errorsOf(form: Form, context = UTC): Record<string, string[]> {
  const result = parse(form, context);
  return result.success ? {} : errorsByField(result.error).fieldErrors;
}
