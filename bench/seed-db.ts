// Fills a throwaway database with benchmark accounts, straight through
// better-sqlite3 prepared statements: one transaction per account, so 20,000
// applications take seconds, not the minutes the app's own inserts would.
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { DECIDED_STATUSES } from "@/lib/vocabulary";
import { createGenerator, DAY, dice, prng } from "./generate";

export type Account = {
  label: string;
  email: string;
  name: string;
  applications: number;
  seed: number;
  /** Own timings in guidance_settings; otherwise no row, and the defaults apply. */
  customSettings: boolean;
};

export type SeededCounts = {
  applications: number;
  rounds: number;
  signals: number;
  interviewers: number;
  roundInterviewers: number;
  events: number;
  guidanceSteps: number;
};

export type SeededAccount = Account & { userId: string; expected: SeededCounts };

const TITLES = ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Frontend Engineer", "Platform Engineer", "Data Engineer"];
const LOCATIONS = ["London", "Berlin", "Remote", "New York", "Lisbon", null];
const SOURCES = ["LinkedIn", "Referral", "Company site", "Recruiter", null];
const TIME_ZONE = "Europe/London";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function statements(sqlite: Database.Database) {
  return {
    user: sqlite.prepare(
      "insert into users (id, email, name, password_hash, session_version, time_zone, created_at) values (?, ?, ?, ?, 1, ?, ?)",
    ),
    settings: sqlite.prepare(
      `insert into guidance_settings (user_id, thank_you_window_hours, decision_wait_days, follow_up_spacing_days, move_on_follow_ups, prep_lead_days,
         application_follow_up_days)
       values (?, 36, 10, 7, 3, 4, 10)`,
    ),
    application: sqlite.prepare(
      `insert into applications (id, user_id, company, role_title, location, work_mode, source, salary_min, salary_max, salary_currency,
         salary_period, status, applied_on, excitement, notes, archived_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    round: sqlite.prepare(
      `insert into rounds (id, user_id, application_id, kind, scheduled_at, duration_minutes, format, outcome, thank_you_sent_at,
         no_next_steps, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    signal: sqlite.prepare("insert into round_signals (user_id, round_id, signal, on_date) values (?, ?, ?, ?)"),
    interviewer: sqlite.prepare("insert into interviewers (id, user_id, name, email, match_key) values (?, ?, ?, ?, ?)"),
    roundInterviewer: sqlite.prepare("insert into round_interviewers (user_id, round_id, interviewer_id, position) values (?, ?, ?, ?)"),
    event: sqlite.prepare("insert into events (id, user_id, application_id, kind, occurred_at, created_at) values (?, ?, ?, ?, ?, ?)"),
    step: sqlite.prepare("insert into guidance_steps (user_id, application_id, key, state, until) values (?, ?, ?, ?, ?)"),
  };
}

/** The app's contact key (lib/data/interviewers.ts): one contact per person met at a company. */
const matchKey = (company: string, name: string, email: string | null) =>
  JSON.stringify([company, name, email ?? ""].map((part) => part.trim().toLowerCase()));

/**
 * Seeds one account and returns what it wrote, so the caller can compare it
 * with what the database then holds.
 */
export function seedAccount(
  sqlite: Database.Database,
  account: Account,
  passwordHash: string,
  now: Date,
  progress: (done: number) => void,
): SeededAccount {
  const q = statements(sqlite);
  const { application } = createGenerator({ seed: account.seed, now, newId: () => randomUUID() });
  // A second stream for the columns the engine never reads, so they do not shift its data.
  const { int, pick, chance } = dice(prng(account.seed + 1));
  const userId = randomUUID();
  const n: SeededCounts = { applications: 0, rounds: 0, signals: 0, interviewers: 0, roundInterviewers: 0, events: 0, guidanceSteps: 0 };
  const contacts = new Map<string, string>();
  const every = Math.max(1000, Math.round(account.applications / 5));

  sqlite.transaction(() => {
    q.user.run(userId, account.email, account.name, passwordHash, TIME_ZONE, seconds(now) - 400 * 86_400);
    if (account.customSettings) q.settings.run(userId);
    for (let i = 0; i < account.applications; i++) {
      const input = application(i);
      // Many employers, as a long search has, rather than the engine bench's ten: the list and contacts see realistic variety.
      const app = { ...input.application, company: `${input.application.company} ${int(1, 60)}` };
      const firstRound = input.rounds[0]?.scheduledAt.getTime() ?? now.getTime() - int(2, 60) * DAY;
      const created = new Date(firstRound - int(3, 30) * DAY);
      const lastTouched = Math.max(created.getTime(), ...input.rounds.map((r) => r.loggedAt.getTime()), ...input.events.map((e) => e.occurredAt.getTime()));
      const salaryMin = chance(0.6) ? int(60, 140) * 1000 : null;
      q.application.run(
        app.id, userId, app.company, pick(TITLES), pick(LOCATIONS), pick(["remote", "hybrid", "onsite", null]), pick(SOURCES),
        salaryMin, salaryMin === null ? null : salaryMin + int(5, 40) * 1000, salaryMin === null ? null : "GBP", salaryMin === null ? null : "year",
        app.status, app.appliedOn, chance(0.7) ? int(1, 5) : null,
        chance(0.3) ? `Notes on ${app.company}: team, stack and what they asked.` : null,
        // A tenth of the decided ones are archived, as people tidy up after a decision.
        DECIDED_STATUSES.includes(app.status) && chance(0.1) ? seconds(now) - int(1, 30) * 86_400 : null,
        seconds(created), Math.min(lastTouched, now.getTime()),
      );
      n.applications++;
      for (const r of input.rounds) {
        q.round.run(
          r.id, userId, app.id, r.kind, seconds(r.scheduledAt), r.durationMinutes, pick(["phone", "video", "onsite", null]), r.outcome,
          r.thankYouSentAt ? seconds(r.thankYouSentAt) : null, r.noNextSteps ? 1 : 0, seconds(r.loggedAt), r.loggedAt.getTime(),
        );
        n.rounds++;
        for (const s of r.signals) q.signal.run(userId, r.id, s.signal, s.onDate);
        n.signals += r.signals.length;
        const met = new Set<string>();
        for (const person of r.interviewers) {
          const key = matchKey(app.company, person.name, person.email);
          let id = contacts.get(key);
          if (!id) {
            id = randomUUID();
            contacts.set(key, id);
            q.interviewer.run(id, userId, person.name, person.email, key);
            n.interviewers++;
          }
          // The same person picked twice for one round is one row, as in the app.
          if (met.has(id)) continue;
          q.roundInterviewer.run(userId, r.id, id, met.size);
          met.add(id);
          n.roundInterviewers++;
        }
      }
      for (const e of input.events) q.event.run(e.id, userId, app.id, e.kind, seconds(e.occurredAt), seconds(e.occurredAt));
      n.events += input.events.length;
      for (const h of input.handled) q.step.run(userId, app.id, h.key, h.state, h.until ? seconds(h.until) : null);
      n.guidanceSteps += input.handled.length;
      if ((i + 1) % every === 0 || i + 1 === account.applications) progress(i + 1);
    }
  })();
  return { ...account, userId, expected: n };
}

/** What the database holds for the user, table by table. */
export function countRows(sqlite: Database.Database, userId: string): SeededCounts {
  const count = (table: string) =>
    (sqlite.prepare(`select count(*) as n from ${table} where user_id = ?`).get(userId) as { n: number }).n;
  return {
    applications: count("applications"),
    rounds: count("rounds"),
    signals: count("round_signals"),
    interviewers: count("interviewers"),
    roundInterviewers: count("round_interviewers"),
    events: count("events"),
    guidanceSteps: count("guidance_steps"),
  };
}

/** The busiest application still in play: most rounds and events, for the application page. */
export function busiestApplication(sqlite: Database.Database, userId: string): string {
  const row = sqlite
    .prepare(
      `select a.id from applications a
       where a.user_id = ? and a.archived_at is null and a.status in ('interviewing', 'offer')
       order by (select count(*) from rounds r where r.application_id = a.id and r.user_id = a.user_id)
              + (select count(*) from events e where e.application_id = a.id and e.user_id = a.user_id) desc, a.id
       limit 1`,
    )
    .get(userId) as { id: string } | undefined;
  if (!row) throw new Error("the heavy account has no application in play");
  return row.id;
}
