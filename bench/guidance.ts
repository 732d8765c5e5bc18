// Prints how long the guidance engine takes to advise on 5,000 applications,
// the size of a very busy dashboard. The applications are made up, but from a
// fixed seed, so every run times the same work.
//   npm run bench:guidance [-- ITERATIONS]
import os from "node:os";
import { guidanceInputSchema, type GuidanceEvent, type GuidanceInput, type GuidanceRound, type HandledStep } from "@/lib/guidance/input";
import { recommend } from "@/lib/guidance/recommend";
import { RULE_IDS } from "@/lib/guidance/rule-ids";
import { DEFAULT_GUIDANCE_SETTINGS, type GuidanceSettings } from "@/lib/guidance/settings";
import { SIGNAL_KEYS, type ApplicationStatus, type EventKind, type RoundKind, type RoundOutcome } from "@/lib/vocabulary";

const iterations = Number(process.argv[2] ?? 20);
const APPLICATIONS = 5_000;
const SEED = 20_261_125;
/** The dashboard is read at this instant in every iteration. */
const NOW = new Date("2026-11-25T12:00:00Z");

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = prng(SEED);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;
/** Picks by weight: [["a", 3], ["b", 1]] gives "a" three times as often. */
function weighted<T>(options: readonly (readonly [T, number])[]): T {
  let roll = random() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of options) if ((roll -= w) < 0) return value;
  return options[options.length - 1][0];
}
/** An instant `days` from now, on a quarter hour. */
const daysFromNow = (days: number) => new Date(Math.round((NOW.getTime() + days * DAY) / (15 * MINUTE)) * 15 * MINUTE);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

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
const COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Soylent", "Wonka", "Tyrell", "Cyberdyne"];
const NAMES = ["Ana Ruiz", "Bob Smith", "Priya Patel", "Kim Lee", "Sam O'Brien", "Zoë Ng"];

function settings(): GuidanceSettings {
  if (chance(0.8)) return { ...DEFAULT_GUIDANCE_SETTINGS };
  return { thankYouWindowHours: int(6, 48), decisionWaitDays: int(3, 21), followUpSpacingDays: int(3, 14), moveOnFollowUps: int(1, 4), prepLeadDays: int(1, 7) };
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
    const ended = scheduledAt.getTime() + (durationMinutes ?? 60) * MINUTE <= NOW.getTime();
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
      id: `a${appIndex}-r${i + 1}`,
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
  const lastHeld = list.findLast((r) => r.scheduledAt < NOW);
  const after = lastHeld ? lastHeld.scheduledAt.getTime() : NOW.getTime() - 20 * DAY;
  const add = (kind: EventKind, days: number) => {
    const occurredAt = new Date(Math.min(after + days * DAY, NOW.getTime() - HOUR));
    out.push({ id: `a${appIndex}-e${out.length + 1}`, kind, occurredAt });
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
  return {
    application: { id: `app-${String(i).padStart(5, "0")}`, company: pick(COMPANIES), roleTitle: "Software Engineer", status },
    rounds: list,
    events: evs,
    settings: settings(),
    otherActiveApplications: int(0, 12),
    timeZone: pick(TIME_ZONES),
    handled: handled(list, evs),
  };
}

function timeOnce(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), min: sorted[0] };
}

function main() {
  const inputs = Array.from({ length: APPLICATIONS }, (_, i) => application(i));
  const invalid = inputs.findIndex((input) => !guidanceInputSchema.safeParse(input).success);
  if (invalid !== -1) throw new Error(`generated application ${invalid} does not pass guidanceInputSchema`);

  let produced = 0;
  const adviseAll = () => {
    produced = 0;
    for (const input of inputs) produced += recommend(input, NOW).length;
  };
  adviseAll(); // warm-up: let the JIT see every rule before the clock runs
  const expected = produced;

  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    times.push(timeOnce(adviseAll));
    if (produced !== expected) throw new Error(`iteration ${i + 1} produced ${produced} steps, the warm-up ${expected}`);
    process.stderr.write(`\riteration ${i + 1}/${iterations}`);
  }
  process.stderr.write("\n");

  const s = summary(times);
  const roundCount = inputs.reduce((n, x) => n + x.rounds.length, 0);
  const eventCount = inputs.reduce((n, x) => n + x.events.length, 0);
  console.log(`Node ${process.version} on ${os.cpus()[0]?.model ?? "an unknown CPU"} (${os.cpus().length} cores)`);
  console.log(`${APPLICATIONS} applications, ${roundCount} rounds, ${eventCount} events (seed ${SEED}); ${expected} recommendations per pass`);
  console.log(`${iterations} timed passes after one warm-up; advice as of ${NOW.toISOString()}`);
  console.log("");
  console.log(`| recommend() over ${APPLICATIONS} applications | median | p90 | min | per application (median) |`);
  console.log("| --- | --- | --- | --- | --- |");
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`| one pass | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)} | ${((s.median * 1000) / APPLICATIONS).toFixed(1)} µs |`);
}

try {
  main();
} catch (error: unknown) {
  console.error(error);
  process.exitCode = 1;
}
