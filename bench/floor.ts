// The floor under the dashboard: the rows loadGuidanceInputs reads, read with
// raw SQL statements (better-sqlite3, or one pg connection), turned into engine inputs, then guide() for
// every application, the queue's sort, the week's interviews, and the split
// into Today and Coming up (planDashboard). No framework, ORM or rendering:
// whatever the dashboard costs beyond this is overhead the app could in
// principle shed.
import type { BenchDb } from "./engine";
import type { GuidanceEvent, GuidanceInput, GuidanceRound, HandledStep } from "@/lib/guidance/input";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";
import { overviewOf } from "@/lib/dashboard/overview";
import { planDashboard } from "@/lib/dashboard/today";
import { DEFAULT_GUIDANCE_SETTINGS, type GuidanceSettings } from "@/lib/guidance/settings";
import {
  ACTIVE_STATUSES,
  CLOSED_STATUSES,
  type ApplicationStatus,
  type EventKind,
  type HandledState,
  type RoundFormat,
  type RoundKind,
  type RoundOutcome,
  type SignalKey,
} from "@/lib/vocabulary";
import { groupBy } from "@/lib/group-by";

type AppRow = { id: string; company: string; role_title: string; status: ApplicationStatus; applied_on: string | null; archived_at: number | null };
type RoundRow = {
  id: string;
  application_id: string;
  kind: RoundKind;
  scheduled_at: number;
  duration_minutes: number | null;
  outcome: RoundOutcome;
  thank_you_sent_at: number | null;
  no_next_steps: number;
  created_at: number;
};
type SignalRow = { round_id: string; signal: SignalKey; on_date: string | null };
type PersonRow = { id: string; name: string; email: string | null };
type PairRow = { round_id: string; interviewer_id: string };
type EventRow = { id: string; application_id: string; kind: EventKind; occurred_at: number };
type StepRow = { application_id: string; key: string; state: HandledState; until: number | null };

const ADVISABLE = [...ACTIVE_STATUSES, "rejected"];
const ACTIVE_LIST = ACTIVE_STATUSES.map((s) => `'${s}'`).join(", ");
const ADVISABLE_LIST = ADVISABLE.map((s) => `'${s}'`).join(", ");
const CLOSED_LIST = CLOSED_STATUSES.map((s) => `'${s}'`).join(", ");
type InterviewRow = { id: string; application_id: string; company: string; role_title: string; kind: RoundKind; format: RoundFormat | null; scheduled_at: number };
const date = (secondsSinceEpoch: number) => new Date(secondsSinceEpoch * 1000);

/**
 * Its statements, prepared once as a server would (on Postgres, named, so
 * parsed and planned once per connection); the timed part is running them.
 * On Postgres an instant is read as its seconds, as SQLite stores it, and a
 * boolean as 0/1, so the conversion after the read is the same on both.
 */
export function prepareFloor(db: BenchDb) {
  const pg = db.engine === "postgres";
  const s = (column: string) => (pg ? `extract(epoch from ${column})::float8 as ${column.replace(/^\w+\./, "")}` : column);
  const bool = (column: string) => (pg ? `${column}::int as ${column}` : column);
  const statement = (sql: string) => ({ all: <T>(...params: unknown[]) => db.all<T>(sql, params) });
  const q = {
    apps: statement(
      `select id, company, role_title, status, applied_on, ${s("archived_at")} from applications
       where user_id = ? and archived_at is null and status in (${ADVISABLE_LIST}) order by id`,
    ),
    rounds: statement(
      `select id, application_id, kind, ${s("scheduled_at")}, duration_minutes, outcome, ${s("thank_you_sent_at")}, ${bool("no_next_steps")}, ${s("created_at")}
       from rounds where user_id = ? order by scheduled_at, created_at, id`,
    ),
    // The fastest reads we know (covering indexes, people matched in memory), the same as the app's.
    signals: statement("select round_id, signal, on_date from round_signals where user_id = ?"),
    interviewers: statement("select id, name, email from interviewers where user_id = ?"),
    pairs: statement("select round_id, interviewer_id from round_interviewers where user_id = ? order by round_id, position"),
    events: statement(`select id, application_id, kind, ${s("occurred_at")} from events where user_id = ? order by occurred_at, id`),
    steps: statement(`select application_id, key, state, ${s("until")} from guidance_steps where user_id = ?`),
    active: statement(`select count(*)${pg ? "::int" : ""} as n from applications where user_id = ? and archived_at is null and status in (${ACTIVE_LIST})`),
    interviews: statement(
      `select r.id, r.application_id, a.company, a.role_title, r.kind, r.format, ${s("r.scheduled_at")}
       from rounds r join applications a on a.id = r.application_id and a.user_id = r.user_id
       where r.user_id = ? and r.scheduled_at > ${pg ? "to_timestamp(?)" : "?"} and r.scheduled_at <= ${pg ? "to_timestamp(?)" : "?"} and a.archived_at is null and a.status not in (${CLOSED_LIST})
       order by r.scheduled_at, r.id`,
    ),
    settings: statement(
      `select thank_you_window_hours as "thankYouWindowHours", decision_wait_days as "decisionWaitDays",
         follow_up_spacing_days as "followUpSpacingDays", move_on_follow_ups as "moveOnFollowUps", prep_lead_days as "prepLeadDays",
         application_follow_up_days as "applicationFollowUpDays"
       from guidance_settings where user_id = ?`,
    ),
  };

  async function inputs(userId: string, timeZone: string): Promise<GuidanceInput[]> {
    const apps = await q.apps.all<AppRow>(userId);
    const roundsByApp = groupBy(await q.rounds.all<RoundRow>(userId), (r) => r.application_id);
    const signalsByRound = groupBy(await q.signals.all<SignalRow>(userId), (s) => s.round_id);
    const people = new Map((await q.interviewers.all<PersonRow>(userId)).map((p) => [p.id, p]));
    const peopleByRound = new Map<string, PersonRow[]>();
    for (const { round_id, interviewer_id } of await q.pairs.all<PairRow>(userId)) {
      const person = people.get(interviewer_id);
      if (!person) continue;
      const list = peopleByRound.get(round_id);
      if (list) list.push(person);
      else peopleByRound.set(round_id, [person]);
    }
    const eventsByApp = groupBy(await q.events.all<EventRow>(userId), (e) => e.application_id);
    const stepsByApp = groupBy(await q.steps.all<StepRow>(userId), (s) => s.application_id);
    const activeCount = (await q.active.all<{ n: number }>(userId))[0].n;
    const settings = (await q.settings.all<GuidanceSettings>(userId))[0] ?? { ...DEFAULT_GUIDANCE_SETTINGS };

    return apps.map((app) => {
      const rounds: GuidanceRound[] = (roundsByApp.get(app.id) ?? []).map((r) => ({
        id: r.id,
        kind: r.kind,
        scheduledAt: date(r.scheduled_at),
        durationMinutes: r.duration_minutes,
        outcome: r.outcome,
        thankYouSentAt: r.thank_you_sent_at === null ? null : date(r.thank_you_sent_at),
        noNextSteps: r.no_next_steps === 1,
        loggedAt: date(r.created_at),
        signals: (signalsByRound.get(r.id) ?? []).map((s) => ({ signal: s.signal, onDate: s.on_date })),
        interviewers: (peopleByRound.get(r.id) ?? []).map((p) => ({ name: p.name, email: p.email })),
      }));
      const events: GuidanceEvent[] = (eventsByApp.get(app.id) ?? []).map((e) => ({ id: e.id, kind: e.kind, occurredAt: date(e.occurred_at) }));
      const handled: HandledStep[] = (stepsByApp.get(app.id) ?? []).map((s) => ({
        key: s.key,
        state: s.state,
        until: s.until === null ? null : date(s.until),
      }));
      return {
        application: { id: app.id, company: app.company, roleTitle: app.role_title, status: app.status, appliedOn: app.applied_on },
        rounds,
        events,
        settings,
        otherActiveApplications: Math.max(0, activeCount - (app.archived_at === null && ACTIVE_STATUSES.includes(app.status) ? 1 : 0)),
        timeZone,
        handled,
      };
    });
  }

  /**
   * The dashboard's plan for the user, the cheapest way we know to compute
   * it; returns how many applications were advised and how many steps Today
   * shows (the page's own count).
   */
  return async function queue(userId: string, timeZone: string, now: Date): Promise<{ applications: number; steps: number }> {
    const all = await inputs(userId, timeZone);
    const overview = overviewOf(all, now);
    const seconds = Math.floor(now.getTime() / 1000);
    const interviews: UpcomingInterview[] = (await q.interviews.all<InterviewRow>(userId, seconds, seconds + 8 * 86_400)).map((r) => ({
      roundId: r.id,
      applicationId: r.application_id,
      company: r.company,
      roleTitle: r.role_title,
      kind: r.kind,
      format: r.format,
      scheduledAt: date(r.scheduled_at),
    }));
    const plan = planDashboard({ overview, interviews, now, timeZone });
    return { applications: all.length, steps: plan.blocks.reduce((n, b) => n + b.steps.length, 0) };
  };
}

export type FloorTiming = { medianMs: number; minMs: number; runs: number; applications: number; steps: number };

/** Median of `runs` timed passes after warm-ups that let the JIT see every rule. */
export async function timeFloor(db: BenchDb, userId: string, timeZone: string, runs: number): Promise<FloorTiming> {
  const queue = prepareFloor(db);
  let last = await queue(userId, timeZone, new Date());
  if (runs >= 10) await queue(userId, timeZone, new Date());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    last = await queue(userId, timeZone, new Date());
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], runs, ...last };
}
