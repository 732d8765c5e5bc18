import type { z } from "zod";
import { applicationSchemaFor, type ApplicationInput } from "@/lib/validation/application";
import { eventSchema, type EventInput } from "@/lib/validation/event";
import { roundSchema, type RoundInput } from "@/lib/validation/round";
import { localDate, toWallTime, wallTimeToUtc } from "@/lib/time/zoned";
import { ApiError, invalidInput } from "./api-error";
import type { createApplicationBody, logEventBody, logRoundBody } from "./schemas";

/**
 * The API's JSON goes through the same rules as the forms: it is turned into
 * the values a form would post, and checked by the form's own schema, so an
 * agent cannot save what a person could not. Messages name the API's fields.
 */

type Values = Record<string, string>;
type Caller = { timeZone: string };

/** An instant with an offset becomes the account's wall time, as the forms take it; a wall time stays as it is. */
function wall(value: string, zone: string): string {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value)) return value.slice(0, 16);
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : toWallTime(at, zone);
}

/** Form values: strings, with absent and null as the empty field. */
function asValues(input: Record<string, unknown>, skip: string[] = []): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(input)) {
    if (skip.includes(key) || value === undefined || value === null) continue;
    values[key] = typeof value === "boolean" ? (value ? "on" : "") : String(value);
  }
  return values;
}

function checked<S extends z.ZodType>(schema: S, values: Values, rename?: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw invalidInput(parsed.error, rename);
  return parsed.data;
}

export type ApplicationJson = z.input<typeof createApplicationBody>;

export function applicationInput(body: ApplicationJson, caller: Caller, now: Date): ApplicationInput {
  const values = asValues({ status: "applied", ...body });
  // An agent states the date it means: no second look at a long-ago one.
  values.appliedOnConfirmed = "true";
  return checked(applicationSchemaFor(undefined, { today: localDate(now, caller.timeZone) }), values) as ApplicationInput;
}

export function roundInput(body: z.input<typeof logRoundBody>, caller: Caller, now: Date): RoundInput {
  const zone = caller.timeZone;
  const values = asValues(body, ["signals", "customSignals", "people", "newPeople", "scheduledAt", "thankYouSentAt"]);
  values.scheduledAt = wall(body.scheduledAt, zone);
  if (body.thankYouSentAt) values.thankYouSentAt = wall(body.thankYouSentAt, zone);
  for (const signal of body.signals ?? []) values[`signal.${signal}`] = "on";
  if (body.customSignals?.length) values.customSignals = body.customSignals.join("\n");
  for (const id of body.people ?? []) values[`interviewer.${id}`] = "on";
  (body.newPeople ?? []).forEach((person, i) => Object.assign(values, asValues(Object.fromEntries(Object.entries(person).map(([k, v]) => [`newInterviewers.${i}.${k}`, v])))));
  return checked(roundSchema({ timeZone: zone, now }), values, { interviewerIds: "people", newInterviewers: "newPeople" });
}

export function eventInput(body: z.input<typeof logEventBody>, caller: Caller, now: Date): EventInput {
  const values = asValues(body, ["occurredAt"]);
  values.occurredAt = wall(body.occurredAt, caller.timeZone);
  return checked(eventSchema({ timeZone: caller.timeZone, now }), values);
}

/** An instant from the API: with an offset as given, without one in the account's zone. */
export function instantFrom(value: string, zone: string, field: string): Date {
  const at = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : wallTimeToUtc(value.slice(0, 16), zone);
  if (!at || Number.isNaN(at.getTime())) throw new ApiError(422, `Check the field: ${field}.`, { [field]: "Not a date and time this API can read." });
  return at;
}
