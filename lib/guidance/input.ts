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
  /** What the user wrote about the round: the thank-you draft draws on it. */
  notes: z.string().nullable().optional(),
});

/** An offer's terms as logged on its event; each may be missing. */
const offerTermsSchema = z.object({
  base: z.number().int().nonnegative().nullable(),
  bonus: z.number().int().nonnegative().nullable(),
  currency: z.string().nullable(),
  equity: z.string().nullable(),
  startOn: isoDate.nullable(),
  /** The day they want an answer by: respond-to-offer and the negotiation's due time read it. */
  answerBy: isoDate.nullable(),
  notes: z.string().nullable(),
});

const eventSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(EVENT_KINDS),
  occurredAt: z.date(),
  /** When it reached Shortlist (logged, or imported); absent: when it happened. No step is overdue before it. */
  loggedAt: z.date().optional(),
  /** A reply's "they said by" date: the wait it starts runs to the end of that day. */
  saidBy: isoDate.nullable().optional(),
  /** An offer's terms, on an offer_received event. */
  offer: offerTermsSchema.nullable().optional(),
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
    /** When it reached Shortlist (typed in, or the import that brought it); absent: no limit. No step is overdue before it. */
    loggedAt: z.date().optional(),
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
export type GuidanceOfferTerms = z.infer<typeof offerTermsSchema>;
