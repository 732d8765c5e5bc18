// What a stopped server left in its database: checked straight in SQLite,
// or in the Postgres database two servers share.
import Database from "better-sqlite3";
import pg from "pg";

export type DatabaseState = {
  integrity: boolean;
  applicationIds: Set<string>;
  companies: Set<string>;
  /** Rounds by id, with how many signals and people each holds. */
  rounds: Map<string, { signals: number; people: number }>;
};

/** Opens read-write (a killed server's WAL may need recovering) and reads everything the scenarios count. */
export function inspect(file: string): DatabaseState {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    const integrity =
      (db.pragma("integrity_check", { simple: true }) as string) === "ok" && (db.pragma("foreign_key_check") as unknown[]).length === 0;
    const apps = db.prepare("select id, company from applications").all() as { id: string; company: string }[];
    const rounds = db
      .prepare(
        `select r.id, (select count(*) from round_signals s where s.round_id = r.id) signals,
                (select count(*) from round_interviewers p where p.round_id = r.id) people
           from rounds r`,
      )
      .all() as { id: string; signals: number; people: number }[];
    return {
      integrity,
      applicationIds: new Set(apps.map((a) => a.id)),
      companies: new Set(apps.map((a) => a.company)),
      rounds: new Map(rounds.map((r) => [r.id, { signals: r.signals, people: r.people }])),
    };
  } finally {
    db.close();
  }
}

const ROUNDS = `select r.id, (select count(*) from round_signals s where s.round_id = r.id) signals,
                (select count(*) from round_interviewers p where p.round_id = r.id) people
           from rounds r`;

/**
 * The same, in a Postgres database, read while the other server runs. Its
 * integrity is Postgres' own (constraints, WAL): what is checked beside the
 * rows is that no advisory lock outlived the connection of a killed server
 * (each write holds its user's until COMMIT or ROLLBACK).
 */
export async function inspectPostgres(url: string): Promise<DatabaseState & { advisoryLocks: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const apps = (await client.query<{ id: string; company: string }>("select id, company from applications")).rows;
    const rounds = (await client.query<{ id: string; signals: string; people: string }>(ROUNDS)).rows;
    const locks = (await client.query<{ n: string }>("select count(*) n from pg_locks where locktype = 'advisory' and granted")).rows[0];
    return {
      integrity: true,
      applicationIds: new Set(apps.map((a) => a.id)),
      companies: new Set(apps.map((a) => a.company)),
      rounds: new Map(rounds.map((r) => [r.id, { signals: Number(r.signals), people: Number(r.people) }])),
      advisoryLocks: Number(locks?.n ?? 0),
    };
  } finally {
    await client.end();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString("en-US")} ms` : "–");
