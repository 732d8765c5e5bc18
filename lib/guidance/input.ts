import { z } from "zod";
import { APPLICATION_STATUSES, EVENT_KINDS, HANDLED_STATES, ROUND_KINDS, ROUND_OUTCOMES, SIGNAL_KEYS } from "@/lib/vocabulary";
import { HOUR_CYCLES } from "@/lib/time/locale";
import { guidanceSettingsSchema } from "./settings";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a calendar date (YYYY-MM-DD)");

const roundSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(ROUND_KINDS),
  scheduledAt: z.date(),
  durationMinutes: z.number().int().positive().nullable(),
  outcome: z.enum(ROUND_OUTCOMES),
  thankYouSentAt: z.date().nullable(),
  noNextSteps: z.boolean(),
  /** When the user logged it: "just logged" rules and prep due times read this. */
  loggedAt: z.date(),
  signals: z.array(z.object({ signal: z.enum(SIGNAL_KEYS), onDate: isoDate.nullable() })),
  interviewers: z.array(z.object({ name: z.string(), email: z.string().nullable() })),
});

const eventSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(EVENT_KINDS),
  occurredAt: z.date(),
});

/**
 * Everything `recommend` reads about one application: plain data, so the
 * engine needs no database and a test can build any situation by hand.
 */
export const guidanceInputSchema = z.object({
  application: z.object({
    id: z.string().min(1),
    company: z.string().min(1),
    roleTitle: z.string().min(1),
    status: z.enum(APPLICATION_STATUSES),
    /** The day the user applied, if they said: the wait before any interview counts from it. */
    appliedOn: isoDate.nullable(),
  }),
  rounds: z.array(roundSchema),
  events: z.array(eventSchema),
  settings: guidanceSettingsSchema,
  /** Applications other than this one that are still in play. */
  otherActiveApplications: z.number().int().min(0),
  /** The user's zone: a stated decision date ends at midnight there, and dates in reasons read there. */
  timeZone: z.string().min(1),
  /** How dates in reasons are written: the user's locale and clock. Absent: "Wed 2 Dec 2026, 14:00" (en-GB, 24-hour). */
  dates: z.object({ locale: z.string().min(1), hourCycle: z.enum(HOUR_CYCLES).nullable() }).optional(),
  /** Steps the user marked done, dismissed or snoozed, by key. */
  handled: z.array(z.object({ key: z.string().min(1), state: z.enum(HANDLED_STATES), until: z.date().nullable() })),
});

export type GuidanceInput = z.infer<typeof guidanceInputSchema>;
export type GuidanceRound = GuidanceInput["rounds"][number];
export type GuidanceEvent = GuidanceInput["events"][number];
export type HandledStep = GuidanceInput["handled"][number];
