import fc from "fast-check";
import type { GuidanceEvent, GuidanceInput, GuidanceRound, HandledStep } from "@/lib/guidance/input";
import { RULE_IDS } from "@/lib/guidance/rule-ids";
import { REFLECT_AFTER_DAYS, REQUEST_FEEDBACK_AFTER_DAYS, REQUEST_FEEDBACK_EXPIRES_DAYS } from "@/lib/guidance/rules/decision";
import { THANK_YOU_LATENESS_DAYS } from "@/lib/guidance/rules/thank-you";
import { LONG_SILENCE_DAYS } from "@/lib/guidance/rules/waits";
import { PLANNING_HOUR } from "@/lib/guidance/facts";
import { EXPECTATIONS_AFTER_HOURS, PREP_URGENT_HOURS, SHORT_NOTICE_CUTOFF_HOURS } from "@/lib/guidance/rules/preparation";
import { addDaysToDate, atLocalHour, localDate } from "@/lib/time/zoned";
import { DEFAULT_GUIDANCE_SETTINGS, GUIDANCE_SETTING_LIMITS, type GuidanceSettings } from "@/lib/guidance/settings";
import {
  APPLICATION_STATUSES,
  EVENT_KINDS,
  HANDLED_STATES,
  ROUND_KINDS,
  ROUND_OUTCOMES,
  SIGNAL_KEYS,
  type ApplicationStatus,
  type SignalKey,
} from "@/lib/vocabulary";

// Generators for the guidance engine's property tests. Everything is placed
// relative to an anchor instant, and `now` is then picked near the facts
// (often exactly on a boundary), so the rules actually fire and the edges of
// their windows get exercised.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Records with an ordinary prototype, like the rows and parsed forms the engine really gets. */
const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> => fc.record(model, { noNullPrototype: true });

/** Includes zones with half- and quarter-hour offsets, a midnight DST change and both ends of the date line. */
export const TIME_ZONES = [
  "UTC",
  "America/Los_Angeles",
  "Asia/Kolkata",
  "Europe/London",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
] as const;

const WAITING_STATUSES = ["applied", "screening", "interviewing"] as const;

const COMPANIES = ["Acme", "Globex", "Initech", "Umbrella Ltd", "Stark & Wayne", "Ñandú Labs", "A"];
const ROLES = ["Engineer", "Senior Product Designer", "Data Analyst", "PM"];
const PEOPLE = ["Ana", "Bob Smith", "Zoë Ng", "  Priya  ", "", "Dr. Kim Lee", "O'Brien"];

/** A few kinds of company name: known ones and odd but valid strings (never words a claim could be made of). */
const company = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMPANIES) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."abcdefgh XYZ&.-'0123"), minLength: 1, maxLength: 20 }) },
);

/** The status the latest decisive event would have moved the application to, as the app does. */
function statusAfter(events: GuidanceEvent[]): ApplicationStatus | undefined {
  const moves: Partial<Record<GuidanceEvent["kind"], ApplicationStatus>> = {
    offer_received: "offer",
    rejection_received: "rejected",
    withdrawn: "withdrawn",
  };
  const last = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).findLast((e) => moves[e.kind]);
  return last && moves[last.kind];
}

/** Any status at all, often one that fits the events (so the offer and rejection rules get to fire). */
function statusArb(events: GuidanceEvent[]): fc.Arbitrary<ApplicationStatus> {
  const fitting = statusAfter(events);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...WAITING_STATUSES) },
    { weight: 2, arbitrary: fc.constantFrom(...APPLICATION_STATUSES) },
    { weight: fitting ? 3 : 0, arbitrary: fc.constant(fitting ?? "applied") },
  );
}

const setting = (name: keyof GuidanceSettings) => {
  const { min, max } = GUIDANCE_SETTING_LIMITS[name];
  return fc.oneof(fc.constantFrom(min, max, DEFAULT_GUIDANCE_SETTINGS[name]), fc.integer({ min, max }));
};

export const settingsArb: fc.Arbitrary<GuidanceSettings> = record({
  thankYouWindowHours: setting("thankYouWindowHours"),
  decisionWaitDays: setting("decisionWaitDays"),
  followUpSpacingDays: setting("followUpSpacingDays"),
  moveOnFollowUps: setting("moveOnFollowUps"),
  prepLeadDays: setting("prepLeadDays"),
  applicationFollowUpDays: setting("applicationFollowUpDays"),
});

/** An offset from the anchor, in minutes, mostly whole quarter hours like real bookings. */
const offsetMinutes = (minDays: number, maxDays: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: minDays * 96, max: maxDays * 96 }).map((q) => q * 15) },
    { weight: 1, arbitrary: fc.integer({ min: minDays * 1440, max: maxDays * 1440 }) },
  );

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Any set of signals; a hiring timeline carries a decision date (from before the round to weeks after) or none. */
function signalsArb(anchor: number) {
  const decisionDate = fc.option(
    fc.integer({ min: -20, max: 30 }).map((d) => isoDay(anchor + d * DAY)),
    { nil: null },
  );
  const withDate = (signal: SignalKey) =>
    signal === "hiring_timeline" ? decisionDate.map((onDate) => ({ signal, onDate })) : fc.constant({ signal, onDate: null as string | null });
  return fc.subarray([...SIGNAL_KEYS]).chain((keys) => fc.tuple(...keys.map(withDate)));
}

const interviewersArb = fc.array(
  record({
    name: fc.constantFrom(...PEOPLE),
    email: fc.option(fc.constantFrom("ana@example.com", "hiring@acme.test", "x@y.z"), { nil: null }),
  }),
  { maxLength: 5 },
);

function roundArb(anchor: number, id: string): fc.Arbitrary<GuidanceRound> {
  const fields = record({
    kind: fc.constantFrom(...ROUND_KINDS),
    start: offsetMinutes(-45, 21),
    // Usually logged before it happens; sometimes afterwards, as a record of a past round.
    loggedOffset: fc.oneof(offsetMinutes(-30, 0), offsetMinutes(0, 5)),
    durationMinutes: fc.oneof(fc.constant(null), fc.constantFrom(15, 30, 45, 60, 90, 240), fc.integer({ min: 1, max: 600 })),
    outcome: fc.oneof({ weight: 3, arbitrary: fc.constant("pending" as const) }, { weight: 2, arbitrary: fc.constantFrom(...ROUND_OUTCOMES) }),
    // Relative to the round's start: sent during the following days, or (oddly) before.
    thankYou: fc.option(offsetMinutes(-1, 6), { nil: null, freq: 2 }),
    noNextSteps: fc.boolean(),
    signals: signalsArb(anchor),
    interviewers: interviewersArb,
    notes: fc.option(fc.constantFrom("Talked about their move to Rust.", "API design; met Priya", "", "the roadmap for next year"), { nil: null }),
  });
  return fields.map((r) => {
    const scheduledAt = anchor + r.start * MINUTE;
    return {
      id,
      kind: r.kind,
      scheduledAt: new Date(scheduledAt),
      durationMinutes: r.durationMinutes,
      outcome: r.outcome,
      thankYouSentAt: r.thankYou === null ? null : new Date(scheduledAt + r.thankYou * MINUTE),
      noNextSteps: r.noNextSteps,
      loggedAt: new Date(scheduledAt + r.loggedOffset * MINUTE),
      signals: r.signals,
      interviewers: r.interviewers,
      notes: r.notes,
    };
  });
}

const eventKind = fc.oneof(
  { weight: 3, arbitrary: fc.constant("follow_up_sent" as const) },
  { weight: 4, arbitrary: fc.constantFrom(...EVENT_KINDS) },
);

function eventsArb(anchor: number, rounds: GuidanceRound[]): fc.Arbitrary<GuidanceEvent[]> {
  // Events mostly land after a round (follow-ups, replies), sometimes anywhere near the anchor.
  const bases = [anchor, ...rounds.map((r) => r.scheduledAt.getTime())];
  return fc
    .array(
      record({
        kind: eventKind,
        base: fc.constantFrom(...bases),
        offset: offsetMinutes(-2, 20),
        // Usually logged as it happens; sometimes days later, as an import would bring it in.
        loggedLater: fc.option(offsetMinutes(0, 60), { nil: null, freq: 2 }),
        // A reply's "they said by", an offer's answer-by: days after the event.
        dateAfter: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
      }),
      { maxLength: 6 },
    )
    .map((list) =>
      list.map((e, i): GuidanceEvent => {
        const occurredAt = e.base + e.offset * MINUTE;
        const date = e.dateAfter === null ? null : isoDay(occurredAt + e.dateAfter * DAY);
        return {
          id: `e${i + 1}`,
          kind: e.kind,
          occurredAt: new Date(occurredAt),
          ...(e.loggedLater === null ? {} : { loggedAt: new Date(occurredAt + e.loggedLater * MINUTE) }),
          ...(e.kind === "response_received" && date ? { saidBy: date } : {}),
          ...(e.kind === "offer_received"
            ? { offer: { base: 90_000, bonus: null, currency: "EUR", equity: null, startOn: null, answerBy: date, notes: null } }
            : {}),
        };
      }),
    );
}

/** Locales with a Saturday–Sunday, a Friday–Saturday, a Friday-only and a Sunday-only weekend. */
const LOCALES = ["en-GB", "en-US", "he-IL", "ar-SA", "fa-IR", "en-IN"] as const;

function handledArb(anchor: number, rounds: GuidanceRound[], events: GuidanceEvent[]): fc.Arbitrary<HandledStep[]> {
  const abouts = [
    ...rounds.flatMap((r) => [r.id, `${r.id}:1`, `${r.id}:2`, `${r.id}:3`]),
    ...events.map((e) => e.id),
    "not-a-real-thing",
  ];
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...RULE_IDS), fc.constantFrom(...abouts)).map(([rule, about]) => `${rule}:${about}`) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  );
  return fc.uniqueArray(
    record({
      key,
      state: fc.constantFrom(...HANDLED_STATES),
      until: fc.option(offsetMinutes(-10, 10).map((m) => new Date(anchor + m * MINUTE)), { nil: null }),
    }),
    { selector: (h) => h.key, maxLength: 6 },
  );
}

/** Anchors spread over a few years, so DST changes and month ends come up. */
const anchorArb = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => Math.floor(ms / MINUTE) * MINUTE);

export type Scenario = { input: GuidanceInput; now: Date };

const roundsArb = (anchor: number) =>
  fc
    .integer({ min: 0, max: 5 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => roundArb(anchor, `r${i + 1}`))))
    .map((rounds): GuidanceRound[] => rounds);

/** One application's guidance input, plus the anchor instant it was built around. */
export const guidanceInputArb: fc.Arbitrary<{ input: GuidanceInput; anchor: number }> = anchorArb.chain((anchor) =>
  roundsArb(anchor)
    .chain((rounds) => eventsArb(anchor, rounds).map((events) => ({ rounds, events })))
    .chain(({ rounds, events }) => {
      const rest = record({
        id: fc.constantFrom("app-1", "app-2", "a"),
        company,
        roleTitle: fc.constantFrom(...ROLES),
        status: statusArb(events),
        settings: settingsArb,
        otherActiveApplications: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 0, max: 40 })),
        timeZone: fc.constantFrom(...TIME_ZONES),
        handled: handledArb(anchor, rounds, events),
        // Applied weeks before the anchor, or on it, or (a typo) after it; often not said at all.
        appliedOn: fc.option(fc.integer({ min: -40, max: 3 }).map((d) => isoDay(anchor + d * DAY)), { nil: null, freq: 3 }),
        // Typed in long ago, or brought in by an import near the anchor; sometimes not given.
        loggedAt: fc.option(offsetMinutes(-60, 20).map((m) => new Date(anchor + m * MINUTE)), { nil: null }),
        locale: fc.option(fc.constantFrom(...LOCALES), { nil: null }),
      });
      return rest.map((a) => ({
        anchor,
        input: {
          application: {
            id: a.id,
            company: a.company,
            roleTitle: a.roleTitle,
            status: a.status,
            appliedOn: a.appliedOn,
            ...(a.loggedAt ? { loggedAt: a.loggedAt } : {}),
          },
          rounds,
          events,
          settings: a.settings,
          otherActiveApplications: a.otherActiveApplications,
          timeZone: a.timeZone,
          handled: a.handled,
          ...(a.locale ? { dates: { locale: a.locale, hourCycle: null } } : {}),
        },
      }));
    }),
);

/**
 * Instants where a rule's answer may flip: round starts and ends, windows,
 * events, snooze ends, and the 09:00 (in the user's zone) that day-based due
 * times fall on, on each of those days and the day either side.
 */
export function boundaries(input: GuidanceInput): number[] {
  const { thankYouWindowHours, decisionWaitDays, followUpSpacingDays, prepLeadDays, applicationFollowUpDays } = input.settings;
  const zone = input.timeZone;
  const instants: number[] = [];
  const days: string[] = [];
  for (const r of input.rounds) {
    const start = r.scheduledAt.getTime();
    const end = start + (r.durationMinutes ?? 60) * MINUTE;
    const logged = r.loggedAt.getTime();
    instants.push(start, end, end + thankYouWindowHours * HOUR, end + decisionWaitDays * DAY, end + EXPECTATIONS_AFTER_HOURS * HOUR);
    instants.push(start - prepLeadDays * DAY, start - DAY, start - SHORT_NOTICE_CUTOFF_HOURS * HOUR, logged, start - PREP_URGENT_HOURS * HOUR);
    instants.push(end + thankYouWindowHours * HOUR + THANK_YOU_LATENESS_DAYS * DAY, end + LONG_SILENCE_DAYS * DAY);
    for (const s of r.signals) if (s.onDate) days.push(s.onDate, addDaysToDate(s.onDate, 1));
  }
  for (const e of input.events) {
    const t = e.occurredAt.getTime();
    instants.push(t, t + followUpSpacingDays * DAY, t + REQUEST_FEEDBACK_AFTER_DAYS * DAY, t + REFLECT_AFTER_DAYS * DAY);
    instants.push(t + LONG_SILENCE_DAYS * DAY, t + REQUEST_FEEDBACK_EXPIRES_DAYS * DAY, t + decisionWaitDays * DAY);
    if (e.loggedAt) instants.push(e.loggedAt.getTime());
    for (const date of [e.saidBy, e.offer?.answerBy]) if (date) days.push(date, addDaysToDate(date, -1), addDaysToDate(date, -2), addDaysToDate(date, -3), addDaysToDate(date, 1));
  }
  const loggedApp = input.application.loggedAt?.getTime();
  if (loggedApp !== undefined) instants.push(loggedApp);
  const applied = input.application.appliedOn;
  if (applied) days.push(applied, addDaysToDate(applied, applicationFollowUpDays), addDaysToDate(applied, LONG_SILENCE_DAYS));
  for (const t of instants) days.push(localDate(new Date(t), zone));
  const mornings = [...new Set(days)].flatMap((d) =>
    [-1, 0, 1].flatMap((n) => atLocalHour(addDaysToDate(d, n), PLANNING_HOUR, zone)?.getTime() ?? []),
  );
  const out = [...instants, ...mornings];
  for (const h of input.handled) if (h.until) out.push(h.until.getTime());
  return out;
}

/** A `now` near the facts: anywhere in the story's span, or on (or a hair either side of) a boundary. */
export const scenarioArb: fc.Arbitrary<Scenario> = guidanceInputArb.chain(({ input, anchor }) => {
  const edges = boundaries(input);
  const near = fc.integer({ min: -10 * DAY, max: 40 * DAY }).map((d) => anchor + d);
  const onEdge = edges.length
    ? fc.tuple(fc.constantFrom(...edges), fc.constantFrom(0, 0, 0, -1, 1, -MINUTE, MINUTE)).map(([t, d]) => t + d)
    : near;
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 2, arbitrary: onEdge }).map((t) => ({ input, now: new Date(t) }));
});
