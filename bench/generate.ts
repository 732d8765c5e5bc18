// Made-up but realistic applications for the benchmarks: statuses, rounds
// with signals and interviewers, events between rounds, and a few steps the
// user already handled, all dated relative to `now`. A fixed seed gives the
// same applications on every machine, so every run times the same work.
import type { GuidanceEvent, GuidanceInput, GuidanceRound, HandledStep } from "@/lib/guidance/input";
import { RULE_IDS } from "@/lib/guidance/rule-ids";
import { DEFAULT_GUIDANCE_SETTINGS, type GuidanceSettings } from "@/lib/guidance/settings";
import { SIGNAL_KEYS, type ApplicationStatus, type EventKind, type RoundKind, type RoundOutcome } from "@/lib/vocabulary";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Dice = ReturnType<typeof dice>;

/** Helpers over one random stream. */
export function dice(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  /** Picks by weight: [["a", 3], ["b", 1]] gives "a" three times as often. */
  function weighted<T>(options: readonly (readonly [T, number])[]): T {
    let roll = random() * options.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of options) if ((roll -= w) < 0) return value;
    return options[options.length - 1][0];
  }
  return { int, pick, chance, weighted };
}

const STATUSES: [ApplicationStatus, number][] = [
  ["interviewing", 35],
  ["applied", 12],
  ["screening", 10],
  ["offer", 7],
  ["rejected", 14],
  ["ghosted", 6],
  ["saved", 4],
  ["accepted", 5],
  ["withdrawn", 7],
];
const KIND_BY_POSITION: RoundKind[][] = [["screen", "first"], ["first", "technical", "second"], ["second", "panel", "technical"], ["final", "onsite"], ["final", "other"]];
const TIME_ZONES = ["Europe/London", "America/Los_Angeles", "Asia/Kolkata", "America/New_York", "Europe/Berlin", "UTC"];
export const COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Soylent", "Wonka", "Tyrell", "Cyberdyne"];
const NAMES = ["Ana Ruiz", "Bob Smith", "Priya Patel", "Kim Lee", "Sam O'Brien", "Zoë Ng"];

/** Ids for the generated rows: readable by default; the database seeder passes UUIDs, as the app makes. */
export type NewId = (readable: string) => string;

export function createGenerator({ seed, now, newId = (readable) => readable }: { seed: number; now: Date; newId?: NewId }) {
  const { int, pick, chance, weighted } = dice(prng(seed));
  /** An instant `days` from now, on a quarter hour. */
  const daysFromNow = (days: number) => new Date(Math.round((now.getTime() + days * DAY) / (15 * MINUTE)) * 15 * MINUTE);
  const isoDay = (date: Date) => date.toISOString().slice(0, 10);

  function settings(): GuidanceSettings {
    if (chance(0.8)) return { ...DEFAULT_GUIDANCE_SETTINGS };
    return { thankYouWindowHours: int(6, 48), decisionWaitDays: int(3, 21), followUpSpacingDays: int(3, 14), moveOnFollowUps: int(1, 4), prepLeadDays: int(1, 7), applicationFollowUpDays: int(3, 21) };
  }

  function rounds(appIndex: number, status: ApplicationStatus): GuidanceRound[] {
    if (status === "saved" || (status === "applied" && chance(0.5))) return [];
    const count = weighted([[1, 1], [2, 2], [3, 4], [4, 2], [5, 1]] as const);
    // Most processes are under way; some still have their latest round to come.
    let at = -int(4, 50) + (status === "interviewing" && chance(0.35) ? int(5, 20) : 0);
    const list: GuidanceRound[] = [];
    for (let i = 0; i < count; i++) {
      const scheduledAt = daysFromNow(at);
      const durationMinutes = pick([30, 45, 60, 60, 90, null]);
      const ended = scheduledAt.getTime() + (durationMinutes ?? 60) * MINUTE <= now.getTime();
      const last = i === count - 1;
      const outcome: RoundOutcome = !ended
        ? "pending"
        : !last
          ? "advanced"
          : status === "rejected"
            ? "rejected"
            : status === "offer" || status === "accepted"
              ? "offer"
              : "pending";
      const signals = SIGNAL_KEYS.filter(() => chance(0.22)).map((signal) => ({
        signal,
        onDate: signal === "hiring_timeline" ? isoDay(daysFromNow(at + int(3, 14))) : null,
      }));
      list.push({
        id: newId(`a${appIndex}-r${i + 1}`),
        kind: pick(KIND_BY_POSITION[i]),
        scheduledAt,
        durationMinutes,
        outcome,
        thankYouSentAt: ended && chance(0.7) ? new Date(scheduledAt.getTime() + int(2, 30) * HOUR) : null,
        noNextSteps: chance(0.2),
        loggedAt: new Date(scheduledAt.getTime() - int(1, 10) * DAY),
        signals,
        interviewers: Array.from({ length: int(0, 3) }, () => ({ name: pick(NAMES), email: chance(0.6) ? "someone@example.com" : null })),
      });
      at += int(3, 14);
    }
    return list;
  }

  function events(appIndex: number, status: ApplicationStatus, list: GuidanceRound[]): GuidanceEvent[] {
    const out: GuidanceEvent[] = [];
    const lastHeld = list.findLast((r) => r.scheduledAt < now);
    const after = lastHeld ? lastHeld.scheduledAt.getTime() : now.getTime() - 20 * DAY;
    const add = (kind: EventKind, days: number) => {
      const occurredAt = new Date(Math.min(after + days * DAY, now.getTime() - HOUR));
      out.push({ id: newId(`a${appIndex}-e${out.length + 1}`), kind, occurredAt });
    };
    const followUps = status === "ghosted" ? int(1, 3) : ["applied", "screening", "interviewing"].includes(status) ? weighted([[0, 5], [1, 3], [2, 2]] as const) : 0;
    for (let i = 0; i < followUps; i++) add("follow_up_sent", 7 * (i + 1) + int(0, 2));
    if (chance(0.25)) add("response_received", int(1, 10));
    if (status === "offer" || status === "accepted") add("offer_received", int(2, 12));
    if (status === "rejected") {
      add("rejection_received", int(1, 20));
      if (chance(0.4)) add("feedback_requested", int(21, 24));
    }
    if (status === "withdrawn") add("withdrawn", int(1, 10));
    return out;
  }

  /** Some steps the user already acted on, keyed as the engine keys them. */
  function handled(list: GuidanceRound[], evs: GuidanceEvent[]): HandledStep[] {
    if (!chance(0.3)) return [];
    const abouts = [...list.map((r) => r.id), ...evs.map((e) => e.id)];
    if (abouts.length === 0) return [];
    const keys = new Set(Array.from({ length: int(1, 3) }, () => `${pick(RULE_IDS)}:${pick(abouts)}`));
    return [...keys].map((key) => {
      const state = weighted([["done", 5], ["dismissed", 2], ["snoozed", 2]] as const);
      return { key, state, until: state === "snoozed" ? daysFromNow(int(-3, 5)) : null };
    });
  }

  function application(i: number): GuidanceInput {
    const status = weighted(STATUSES);
    const list = rounds(i, status);
    const evs = events(i, status, list);
    // Applied a few days to a month before the first round, or before now when there is none.
    const appliedFrom = list[0]?.scheduledAt ?? now;
    const appliedOn = status === "saved" ? null : isoDay(new Date(appliedFrom.getTime() - int(2, 30) * DAY));
    return {
      application: { id: newId(`app-${String(i).padStart(5, "0")}`), company: pick(COMPANIES), roleTitle: "Software Engineer", status, appliedOn },
      rounds: list,
      events: evs,
      settings: settings(),
      otherActiveApplications: int(0, 12),
      timeZone: pick(TIME_ZONES),
      handled: handled(list, evs),
    };
  }

  return { application };
}
