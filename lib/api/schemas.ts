import { z } from "zod";
import {
  APPLICATION_STATUSES,
  EVENT_KINDS,
  ROUND_FORMATS,
  ROUND_KINDS,
  ROUND_OUTCOMES,
  SALARY_PERIODS,
  SIGNAL_KEYS,
  WORK_MODES,
} from "@/lib/vocabulary";
import { APPLICATION_SORTS } from "@/lib/validation/application-filter";
import { APPLICATION_NOTES_MAX, EVENT_NOTE_MAX, MAX_NEW_INTERVIEWERS, OFFER_EQUITY_MAX, OFFER_NOTES_MAX, ROUND_NOTES_MAX } from "@/lib/validation/limits";
import { MAX_CUSTOM_SIGNAL_LENGTH, MAX_CUSTOM_SIGNALS, MAX_INTERVIEWERS_PER_ROUND } from "@/lib/validation/round";

const STATUS_GROUP_NAMES = ["open", "closed"] as const;

/**
 * The JSON the API and the MCP tools take, with the field names of the
 * export format and the forms' own limits. These check kinds of value; the same rules as the forms
 * (lengths, dates in the past, salary ranges…) run after, in form-input.ts.
 * The OpenAPI document is generated from these schemas.
 */

/** "2026-12-08T14:00:00Z", "2026-12-08T14:00+01:00", or a wall time in the account's zone: "2026-12-08T14:00". */
export const dateTimeInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, "Give a date and time such as 2026-12-08T14:00 (your zone) or 2026-12-08T14:00:00Z.")
  .meta({ description: "An ISO 8601 date and time. With Z or an offset it is that instant; without, it is read in the account's time zone." });

export const dateInput = z.iso.date({ error: "Give a date as YYYY-MM-DD." });

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable();

export const applicationFieldsShape = {
  company: text(120).meta({ description: "The employer." }),
  roleTitle: text(120),
  location: nullableText(120).optional(),
  workMode: z.enum(WORK_MODES).nullable().optional(),
  postingUrl: nullableText(2000).optional(),
  source: nullableText(80).optional(),
  salaryMin: z.number().int().nonnegative().nullable().optional(),
  salaryMax: z.number().int().nonnegative().nullable().optional(),
  salaryCurrency: z.string().nullable().optional().meta({ description: "Three letters, such as USD or EUR." }),
  salaryPeriod: z.enum(SALARY_PERIODS).nullable().optional(),
  status: z.enum(APPLICATION_STATUSES).optional().meta({ description: "Defaults to applied." }),
  appliedOn: dateInput.nullable().optional(),
  excitement: z.number().int().min(1).max(5).nullable().optional(),
  notes: nullableText(APPLICATION_NOTES_MAX).optional(),
};

export const createApplicationBody = z.strictObject(applicationFieldsShape).meta({ id: "NewApplication" });

/** PATCH: only the fields given change; null clears one. */
export const updateApplicationBody = z
  .strictObject({ ...applicationFieldsShape, company: applicationFieldsShape.company.optional(), roleTitle: applicationFieldsShape.roleTitle.optional() })
  .meta({ id: "ApplicationChanges" });

export const moveStatusBody = z.strictObject({ status: z.enum(APPLICATION_STATUSES) }).meta({ id: "StatusMove" });

export const newPersonInput = z.strictObject({
  name: text(120),
  title: nullableText(120).optional(),
  email: nullableText(254).optional(),
});

export const logRoundBody = z
  .strictObject({
    kind: z.enum(ROUND_KINDS),
    scheduledAt: dateTimeInput,
    durationMinutes: z.number().int().nullable().optional(),
    format: z.enum(ROUND_FORMATS).nullable().optional(),
    location: nullableText(500).optional(),
    outcome: z.enum(ROUND_OUTCOMES).optional().meta({ description: "Defaults to pending (waiting to hear)." }),
    notes: nullableText(ROUND_NOTES_MAX).optional(),
    prepNotes: nullableText(ROUND_NOTES_MAX).optional(),
    thankYouSentAt: dateTimeInput.nullable().optional(),
    noNextSteps: z.boolean().optional().meta({ description: "The interviewer said nothing about what comes next." }),
    signals: z.array(z.enum(SIGNAL_KEYS)).max(SIGNAL_KEYS.length).optional().meta({ description: "The signals the interviewer gave." }),
    hiringTimelineOn: dateInput.nullable().optional().meta({ description: "With the hiring_timeline signal: the date they expect to decide by." }),
    customSignals: z.array(text(MAX_CUSTOM_SIGNAL_LENGTH)).max(MAX_CUSTOM_SIGNALS).optional(),
    people: z.array(z.string()).max(MAX_INTERVIEWERS_PER_ROUND).optional().meta({ description: "Ids of people already in Shortlist who were in the round." }),
    newPeople: z.array(newPersonInput).max(MAX_NEW_INTERVIEWERS).optional().meta({ description: "People met for the first time." }),
  })
  .meta({ id: "NewRound" });

export const logEventBody = z
  .strictObject({
    kind: z.enum(EVENT_KINDS),
    occurredAt: dateTimeInput,
    note: nullableText(EVENT_NOTE_MAX).optional(),
    saidBy: dateInput.nullable().optional().meta({ description: "On a response_received: the day they said they would come back by." }),
    offerBase: z.number().int().nonnegative().nullable().optional(),
    offerBonus: z.number().int().nonnegative().nullable().optional(),
    offerCurrency: z.string().nullable().optional(),
    offerEquity: nullableText(OFFER_EQUITY_MAX).optional(),
    offerStartOn: dateInput.nullable().optional(),
    offerAnswerBy: dateInput.nullable().optional(),
    offerNotes: nullableText(OFFER_NOTES_MAX).optional(),
  })
  .meta({ id: "NewEvent" });

export const stepActionBody = z
  .strictObject({
    action: z.enum(["done", "dismiss", "snooze"]),
    until: dateTimeInput.optional().meta({ description: "For snooze: when the step comes back. Without it, tomorrow at 08:00 in the account's zone." }),
  })
  .meta({ id: "StepAction" });

const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");

export const listApplicationsQuery = z.strictObject({
  q: z.string().max(200).optional().meta({ description: "Search company, role, location, notes and people's names." }),
  status: z.enum([...APPLICATION_STATUSES, ...STATUS_GROUP_NAMES]).optional().meta({ description: "One status, or open or closed." }),
  overdue: booleanParam.optional().meta({ description: "Only applications with an overdue next step." }),
  interviewSoon: booleanParam.optional().meta({ description: "Only applications with an interview in the next 7 days." }),
  minExcitement: z.coerce.number().int().min(1).max(5).optional(),
  sort: z.enum(APPLICATION_SORTS).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  archived: booleanParam.optional().meta({ description: "Include archived applications." }),
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: "Page size, 1 to 100; 50 by default." }),
  cursor: z.string().max(4096).optional().meta({ description: "The nextCursor of the page before, with the same sort and direction. Opaque: a place in the list, not a page number." }),
});

export type ListApplicationsQuery = z.infer<typeof listApplicationsQuery>;

export const todayQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: "How many of each list to give, 1 to 500; 50 by default. The counts say how many there are." }),
});

export const draftQuery = z.strictObject({
  kind: z.enum(["thank-you", "follow-up", "application-follow-up", "feedback-request", "negotiation", "offer-answer"]).optional(),
});
