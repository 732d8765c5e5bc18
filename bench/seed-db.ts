// Fills a throwaway database with benchmark accounts, straight through
// better-sqlite3 prepared statements (or Postgres' multi-row inserts): one
// transaction per account, so 20,000 applications take seconds, not the
// minutes the app's own inserts would.
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";
import { DECIDED_STATUSES } from "@/lib/vocabulary";
import type { BenchDb } from "./engine";
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

/**
 * The columns the seed writes, table by table, in the order its values come.
 * A column's kind says how SQLite's value (whole seconds, milliseconds, 0/1)
 * becomes Postgres' (an instant, a boolean); the rest pass as they are.
 */
type Kind = "s" | "ms" | "bool" | "";
const TABLES = {
  users: ["id", "email", "name", "password_hash", "session_version", "time_zone", "created_at:s"],
  guidance_settings: ["user_id", "thank_you_window_hours", "decision_wait_days", "follow_up_spacing_days", "move_on_follow_ups", "prep_lead_days", "application_follow_up_days"],
  applications: [
    "id", "user_id", "company", "role_title", "location", "work_mode", "source", "salary_min", "salary_max", "salary_currency",
    "salary_period", "status", "applied_on", "excitement", "notes", "archived_at:s", "created_at:s", "updated_at:ms",
  ],
  rounds: [
    "id", "user_id", "application_id", "kind", "scheduled_at:s", "duration_minutes", "format", "outcome", "thank_you_sent_at:s",
    "no_next_steps:bool", "created_at:s", "updated_at:ms",
  ],
  interviewers: ["id", "user_id", "name", "email", "match_key"],
  round_signals: ["user_id", "round_id", "signal", "on_date"],
  round_interviewers: ["user_id", "round_id", "interviewer_id", "position"],
  events: ["id", "user_id", "application_id", "kind", "occurred_at:s", "created_at:s"],
  guidance_steps: ["user_id", "application_id", "key", "state", "until:s"],
} as const;
type Table = keyof typeof TABLES;
/** Parents before children: Postgres checks each foreign key as a statement ends. */
const ORDER = Object.keys(TABLES) as Table[];
const columnsOf = (table: Table) => TABLES[table].map((c) => c.split(":") as [string, Kind?]);

/** Where the generated rows go: SQLite's prepared statements at once, or Postgres' batches. */
type Sink = (table: Table, values: unknown[]) => void;

function sqliteSink(sqlite: Database.Database): Sink {
  const statements = new Map<Table, Database.Statement>();
  for (const table of ORDER) {
    const names = columnsOf(table).map(([name]) => name);
    statements.set(table, sqlite.prepare(`insert into ${table} (${names.join(", ")}) values (${names.map(() => "?").join(", ")})`));
  }
  return (table, values) => void statements.get(table)!.run(...values);
}

function toPostgres(value: unknown, kind: Kind | undefined): unknown {
  if (value === null) return null;
  if (kind === "s") return new Date((value as number) * 1000).toISOString();
  if (kind === "ms") return new Date(value as number).toISOString();
  if (kind === "bool") return value === 1;
  return value;
}

/** Rows per multi-row insert: well under Postgres' 65,535 parameters for the widest table. */
const BATCH = 1_000;

/** Holds the rows, then writes them table by table in one transaction, a thousand to a statement. */
function postgresSink(): { sink: Sink; flush: (client: pg.Client) => Promise<void> } {
  const rows = new Map<Table, unknown[][]>(ORDER.map((t) => [t, []]));
  const flush = async (client: pg.Client) => {
    await client.query("begin");
    try {
      for (const table of ORDER) {
        const columns = columnsOf(table);
        const all = rows.get(table)!;
        for (let at = 0; at < all.length; at += BATCH) {
          const batch = all.slice(at, at + BATCH);
          const params: unknown[] = [];
          const tuples = batch.map((values) => `(${values.map((v, i) => (params.push(toPostgres(v, columns[i][1])), `$${params.length}`)).join(", ")})`);
          await client.query(`insert into ${table} (${columns.map(([name]) => name).join(", ")}) values ${tuples.join(", ")}`, params);
        }
      }
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  };
  return { sink: (table, values) => void rows.get(table)!.push(values), flush };
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
  const sink = sqliteSink(sqlite);
  return sqlite.transaction(() => generate(sink, account, passwordHash, now, progress))();
}

/** The same rows as seedAccount, into Postgres: generated first, then written in batches in one transaction. */
export async function seedAccountPostgres(
  client: pg.Client,
  account: Account,
  passwordHash: string,
  now: Date,
  progress: (done: number) => void,
): Promise<SeededAccount> {
  const { sink, flush } = postgresSink();
  const seeded = generate(sink, account, passwordHash, now, progress);
  await flush(client);
  return seeded;
}

function generate(insert: Sink, account: Account, passwordHash: string, now: Date, progress: (done: number) => void): SeededAccount {
  const { application } = createGenerator({ seed: account.seed, now, newId: () => randomUUID() });
  // A second stream for the columns the engine never reads, so they do not shift its data.
  const { int, pick, chance } = dice(prng(account.seed + 1));
  const userId = randomUUID();
  const n: SeededCounts = { applications: 0, rounds: 0, signals: 0, interviewers: 0, roundInterviewers: 0, events: 0, guidanceSteps: 0 };
  const contacts = new Map<string, string>();
  const every = Math.max(1000, Math.round(account.applications / 5));

  {
    insert("users", [userId, account.email, account.name, passwordHash, 1, TIME_ZONE, seconds(now) - 400 * 86_400]);
    if (account.customSettings) insert("guidance_settings", [userId, 36, 10, 7, 3, 4, 10]);
    for (let i = 0; i < account.applications; i++) {
      const input = application(i);
      // Many employers, as a long search has, rather than the engine bench's ten: the list and contacts see realistic variety.
      const app = { ...input.application, company: `${input.application.company} ${int(1, 60)}` };
      const firstRound = input.rounds[0]?.scheduledAt.getTime() ?? now.getTime() - int(2, 60) * DAY;
      const created = new Date(firstRound - int(3, 30) * DAY);
      const lastTouched = Math.max(created.getTime(), ...input.rounds.map((r) => r.loggedAt.getTime()), ...input.events.map((e) => e.occurredAt.getTime()));
      const salaryMin = chance(0.6) ? int(60, 140) * 1000 : null;
      insert("applications", [
        app.id, userId, app.company, pick(TITLES), pick(LOCATIONS), pick(["remote", "hybrid", "onsite", null]), pick(SOURCES),
        salaryMin, salaryMin === null ? null : salaryMin + int(5, 40) * 1000, salaryMin === null ? null : "GBP", salaryMin === null ? null : "year",
        app.status, app.appliedOn, chance(0.7) ? int(1, 5) : null,
        chance(0.3) ? `Notes on ${app.company}: team, stack and what they asked.` : null,
        // A tenth of the decided ones are archived, as people tidy up after a decision.
        DECIDED_STATUSES.includes(app.status) && chance(0.1) ? seconds(now) - int(1, 30) * 86_400 : null,
        seconds(created), Math.min(lastTouched, now.getTime()),
      ]);
      n.applications++;
      for (const r of input.rounds) {
        insert("rounds", [
          r.id, userId, app.id, r.kind, seconds(r.scheduledAt), r.durationMinutes, pick(["phone", "video", "onsite", null]), r.outcome,
          r.thankYouSentAt ? seconds(r.thankYouSentAt) : null, r.noNextSteps ? 1 : 0, seconds(r.loggedAt), r.loggedAt.getTime(),
        ]);
        n.rounds++;
        for (const s of r.signals) insert("round_signals", [userId, r.id, s.signal, s.onDate]);
        n.signals += r.signals.length;
        const met = new Set<string>();
        for (const person of r.interviewers) {
          const key = matchKey(app.company, person.name, person.email);
          let id = contacts.get(key);
          if (!id) {
            id = randomUUID();
            contacts.set(key, id);
            insert("interviewers", [id, userId, person.name, person.email, key]);
            n.interviewers++;
          }
          // The same person picked twice for one round is one row, as in the app.
          if (met.has(id)) continue;
          insert("round_interviewers", [userId, r.id, id, met.size]);
          met.add(id);
          n.roundInterviewers++;
        }
      }
      for (const e of input.events) insert("events", [e.id, userId, app.id, e.kind, seconds(e.occurredAt), seconds(e.occurredAt)]);
      n.events += input.events.length;
      for (const h of input.handled) insert("guidance_steps", [userId, app.id, h.key, h.state, h.until ? seconds(h.until) : null]);
      n.guidanceSteps += input.handled.length;
      if ((i + 1) % every === 0 || i + 1 === account.applications) progress(i + 1);
    }
  }
  return { ...account, userId, expected: n };
}

/** What the database holds for the user, table by table. */
export async function countRows(db: BenchDb, userId: string): Promise<SeededCounts> {
  const count = async (table: string) =>
    Number((await db.all<{ n: number | string }>(`select count(*) as n from ${table} where user_id = ?`, [userId]))[0].n);
  return {
    applications: await count("applications"),
    rounds: await count("rounds"),
    signals: await count("round_signals"),
    interviewers: await count("interviewers"),
    roundInterviewers: await count("round_interviewers"),
    events: await count("events"),
    guidanceSteps: await count("guidance_steps"),
  };
}

/** The busiest application still in play: most rounds and events, for the application page. */
export async function busiestApplication(db: BenchDb, userId: string): Promise<string> {
  const [row] = await db.all<{ id: string }>(
    `select a.id from applications a
     where a.user_id = ? and a.archived_at is null and a.status in ('interviewing', 'offer')
     order by (select count(*) from rounds r where r.application_id = a.id and r.user_id = a.user_id)
            + (select count(*) from events e where e.application_id = a.id and e.user_id = a.user_id) desc, a.id
     limit 1`,
    [userId],
  );
  if (!row) throw new Error("the heavy account has no application in play");
  return row.id;
}
