import { z } from "zod";
import { ROUND_FORMATS, ROUND_KINDS, ROUND_OUTCOMES, SIGNAL_KEYS, type SignalKey } from "@/lib/vocabulary";
import { localDate } from "@/lib/time/zoned";
import { MINUTE_MS } from "@/lib/time/units";
import { BRITISH, formatsFor, type DateStyle } from "@/lib/time/formats";
import {
  checkbox,
  controlCharacterMessage,
  emailField,
  hasControlCharacter,
  optionalEnum,
  optionalInt,
  optionalIsoDate,
  optionalText,
  optionalWallDateTime,
  requiredText,
  wallDateTime,
} from "./fields";
import { MAX_NEW_INTERVIEWERS, MAX_ROUND_MINUTES, ROUND_NOTES_MAX } from "./limits";

export const MAX_CUSTOM_SIGNALS = 10;
export const MAX_CUSTOM_SIGNAL_LENGTH = 200;
export const MAX_INTERVIEWERS_PER_ROUND = 20;
/** Clocks disagree a little; an event "now" on a slow device is not in the future. */
export const CLOCK_SKEW_MS = 2 * MINUTE_MS;

// The form posts flat names ("signal.met_team", "interviewer.<id>",
// "newInterviewers.0.name"); this gathers them into lists first.
function gather(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const flat = raw as Record<string, unknown>;
  const signals: string[] = [];
  const interviewerIds: string[] = [];
  const rows: (Record<string, unknown> | undefined)[] = [];
  for (const [key, value] of Object.entries(flat)) {
    if (key.startsWith("signal.") && value === "on") signals.push(key.slice("signal.".length));
    else if (key.startsWith("interviewer.") && value === "on") interviewerIds.push(key.slice("interviewer.".length));
    // Indexes without leading zeros and below 100: a posted "07" or "1e3" is no row.
    const row = /^newInterviewers\.(0|[1-9]\d?)\.(name|title|email)$/.exec(key);
    if (row) {
      const index = Number(row[1]);
      rows[index] = { ...rows[index], [row[2]]: value };
    }
  }
  // Each row stays at its form index (missing and blank rows become null),
  // so an error points at the row that has it; more rows than the form
  // offers fail the list's length check.
  const newInterviewers = Array.from(rows, (row) => (row === undefined || isBlankRow(row) ? null : row));
  return { ...flat, signals, interviewerIds, newInterviewers };
}

const isBlankRow = (row: Record<string, unknown>) =>
  ["name", "title", "email"].every((k) => typeof row[k] !== "string" || (row[k] as string).trim() === "");

const newInterviewer = z
  .object({
    name: requiredText("Name", 120),
    title: optionalText("Title", 120),
    email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), emailField.optional()),
  })
  .nullable();

// Line numbers in messages count every line of the textarea, blank ones too,
// so "line 3" is the third line the user sees.
const customSignalLines = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n/).map((line) => line.trim()) : v),
  z
    .array(z.string())
    .default([])
    .superRefine((lines, ctx) => {
      lines.forEach((line, i) => {
        if (hasControlCharacter(line)) ctx.addIssue({ code: "custom", message: controlCharacterMessage(`Line ${i + 1}`) });
        if (line.length > MAX_CUSTOM_SIGNAL_LENGTH) {
          ctx.addIssue({
            code: "custom",
            message: `Line ${i + 1} is longer than ${MAX_CUSTOM_SIGNAL_LENGTH} characters; shorten it or split it.`,
          });
        }
      });
    })
    .transform((lines) => lines.filter(Boolean))
    .refine((lines) => lines.length <= MAX_CUSTOM_SIGNALS, `Keep it to ${MAX_CUSTOM_SIGNALS} signals of your own, one per line.`),
);

/** `dates`: how the user reads dates, for the examples in messages (absent: ISO examples, en-GB dates). */
export type RoundRulesContext = { timeZone: string; now: Date; dates?: DateStyle };

/** The round form. Needs the user's zone (times are typed in it) and `now`. */
export function roundSchema({ timeZone, now, dates }: RoundRulesContext) {
  const formats = dates ? formatsFor(dates) : undefined;
  return z
    .preprocess(
      gather,
      z.object({
        kind: z.enum(ROUND_KINDS, { error: "Choose what kind of round it is." }),
        scheduledAt: wallDateTime("Start", timeZone, formats),
        durationMinutes: optionalInt("Duration", null, MAX_ROUND_MINUTES),
        format: optionalEnum("Format", ROUND_FORMATS),
        location: optionalText("Location or link", 500),
        outcome: z.enum(ROUND_OUTCOMES, { error: "Choose an outcome from the list." }).default("pending"),
        notes: optionalText("Notes", ROUND_NOTES_MAX),
        prepNotes: optionalText("Prep notes", ROUND_NOTES_MAX),
        thankYouSentAt: optionalWallDateTime("Thank-you sent", timeZone, formats),
        noNextSteps: checkbox,
        signals: z.array(z.enum(SIGNAL_KEYS, { error: "That signal is not in the list." })),
        hiringTimelineOn: optionalIsoDate("Decision date", formats),
        customSignals: customSignalLines,
        interviewerIds: z
          .array(z.uuid("Pick people from the list."))
          .max(MAX_INTERVIEWERS_PER_ROUND, `A round can have at most ${MAX_INTERVIEWERS_PER_ROUND} interviewers.`),
        newInterviewers: z
          .array(newInterviewer)
          .max(MAX_NEW_INTERVIEWERS, `Add at most ${MAX_NEW_INTERVIEWERS} new people at a time.`)
          .transform((rows) => rows.filter((r) => r !== null)),
      }),
    )
    .superRefine((v, ctx) => {
      // Duration is how the form expresses the end, so a round that ends
      // before (or as) it starts shows up as a duration below one minute.
      if (v.durationMinutes !== undefined && v.durationMinutes < 1) {
        ctx.addIssue({
          code: "custom",
          path: ["durationMinutes"],
          message: "A round can't end before it starts: give a duration of at least 1 minute.",
        });
      }
      // zod runs these checks even when a field failed: with no usable start
      // its own message is enough, and the checks that compare with it wait.
      const start = v.scheduledAt instanceof Date && !Number.isNaN(v.scheduledAt.getTime()) ? v.scheduledAt : null;
      const roundDay = start ? localDate(start, timeZone) : null;
      if (v.thankYouSentAt) {
        if (start && v.thankYouSentAt < start) {
          ctx.addIssue({ code: "custom", path: ["thankYouSentAt"], message: "A thank-you can't be sent before the round starts." });
        } else if (v.thankYouSentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
          ctx.addIssue({ code: "custom", path: ["thankYouSentAt"], message: "A thank-you can't be dated in the future." });
        }
      }
      // The decision date belongs to the "hiring timeline" tick; without the
      // tick it is ignored (the form disables it), so unticking really removes it.
      const timeline = v.signals.includes("hiring_timeline");
      if (timeline && !v.hiringTimelineOn) {
        ctx.addIssue({
          code: "custom",
          path: ["hiringTimelineOn"],
          message: "Give the date they expect to decide by; your best estimate is fine.",
        });
      }
      if (timeline && v.hiringTimelineOn && roundDay && v.hiringTimelineOn < roundDay) {
        ctx.addIssue({
          code: "custom",
          path: ["hiringTimelineOn"],
          message: `The decision date can't be before the round (${(formats ?? formatsFor({ ...BRITISH, zone: timeZone })).calendarDay(roundDay)}).`,
        });
      }
      if (v.noNextSteps && timeline) {
        ctx.addIssue({
          code: "custom",
          path: ["noNextSteps"],
          message: "You noted a hiring timeline, so next steps were given: untick one of the two.",
        });
      }
      const people = v.interviewerIds.length + v.newInterviewers.length;
      if (people > MAX_INTERVIEWERS_PER_ROUND) {
        ctx.addIssue({
          code: "custom",
          path: ["newInterviewers"],
          message: `A round can have at most ${MAX_INTERVIEWERS_PER_ROUND} people; this one has ${people}.`,
        });
      }
      if (v.outcome !== "pending" && start && start.getTime() > now.getTime()) {
        ctx.addIssue({
          code: "custom",
          path: ["outcome"],
          message: "This round hasn't happened yet, so its outcome can only be “Waiting to hear”.",
        });
      }
    })
    .transform(({ hiringTimelineOn, ...v }) => {
      const signals = new Set<SignalKey>(v.signals);
      return {
        ...v,
        signals: SIGNAL_KEYS.filter((k) => signals.has(k)),
        ...(signals.has("hiring_timeline") && hiringTimelineOn ? { hiringTimelineOn } : {}),
      };
    });
}

export type RoundInput = z.output<ReturnType<typeof roundSchema>>;
