// What a stopped server left in its database: checked straight in SQLite.
import Database from "better-sqlite3";

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

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString("en-US")} ms` : "–");
