import { guidanceInputSchema, type GuidanceEvent, type GuidanceInput, type GuidanceRound } from "@/lib/guidance/input";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { recommend, type Guidance } from "@/lib/guidance/recommend";
import type { RuleId } from "@/lib/guidance/rule-ids";
import { DEFAULT_GUIDANCE_SETTINGS, type GuidanceSettings } from "@/lib/guidance/settings";
import type { EventKind } from "@/lib/vocabulary";

// Hand-built engine inputs around one fixed instant. Every time in a test is
// an offset from NOW, so a boundary reads as "23 hours after", not a date.

/** Tuesday 1 December 2026, noon UTC. */
export const NOW = new Date("2026-12-01T12:00:00Z");

export const MINUTE = 60_000;
export const hours = (n: number) => n * 60 * MINUTE;
export const days = (n: number) => n * hours(24);

/** NOW shifted by `ms` (negative is the past). */
export const at = (ms: number) => new Date(NOW.getTime() + ms);
export const ago = (ms: number) => at(-ms);
export const fromNow = (ms: number) => at(ms);
/** `date` shifted by `ms`. */
export const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** A round lasting an hour that ended `ms` before NOW. */
export const endedAgo = (ms: number): Pick<GuidanceRound, "scheduledAt" | "durationMinutes"> => ({
  scheduledAt: ago(ms + hours(1)),
  durationMinutes: 60,
});

/**
 * A pending first-kind round with nobody named and nothing ticked. Unless
 * given, it was logged ten days before it started (or before NOW, if sooner),
 * so it is neither "just logged" nor booked late.
 */
export function round(overrides: Partial<GuidanceRound> = {}): GuidanceRound {
  const scheduledAt = overrides.scheduledAt ?? ago(days(2));
  const loggedAt = new Date(Math.min(scheduledAt.getTime(), NOW.getTime()) - days(10));
  return {
    id: "r1",
    kind: "first",
    scheduledAt,
    durationMinutes: 60,
    outcome: "pending",
    thankYouSentAt: null,
    noNextSteps: false,
    loggedAt,
    signals: [],
    interviewers: [],
    ...overrides,
  };
}

export function event(kind: EventKind, occurredAt: Date, id = `${kind}@${occurredAt.toISOString()}`): GuidanceEvent {
  return { id, kind, occurredAt };
}

type InputOverrides = Partial<Omit<GuidanceInput, "application" | "settings">> & {
  application?: Partial<GuidanceInput["application"]>;
  settings?: Partial<GuidanceSettings>;
};

/**
 * An interviewing application at Acme with default settings, no rounds and
 * no events; an override left undefined keeps the default. The result goes
 * through the engine's own schema, so a test can never feed the engine
 * something the data layer could not.
 */
export function guidanceInput(overrides: InputOverrides = {}): GuidanceInput {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as InputOverrides;
  const { application, settings, ...rest } = defined;
  return guidanceInputSchema.parse({
    application: { id: "app-1", company: "Acme", roleTitle: "Product Designer", status: "interviewing", appliedOn: null, ...application },
    rounds: [],
    events: [],
    settings: { ...DEFAULT_GUIDANCE_SETTINGS, ...settings },
    otherActiveApplications: 0,
    timeZone: "UTC",
    handled: [],
    ...rest,
  });
}

/** The open steps of one rule. */
export const stepsOf = (input: GuidanceInput, ruleId: RuleId, now = NOW): Recommendation[] =>
  recommend(input, now).filter((r) => r.ruleId === ruleId);

/** The single open step of one rule, or undefined; fails if the rule fired more than once. */
export function stepOf(input: GuidanceInput, ruleId: RuleId, now = NOW): Recommendation | undefined {
  const steps = stepsOf(input, ruleId, now);
  if (steps.length > 1) throw new Error(`${ruleId} fired ${steps.length} times: ${steps.map((s) => s.key).join(", ")}`);
  return steps[0];
}

/** Which rules have an open step, sorted, for "exactly these fired" checks. */
export const ruleIdsOf = (input: GuidanceInput, now = NOW): RuleId[] => [...new Set(recommend(input, now).map((r) => r.ruleId))].sort();

/** Everything guide() says, less the instant it says it holds until: what must stay the same before then. */
export const answerOf = (g: Guidance) => ({ ...g, changesAt: null });
