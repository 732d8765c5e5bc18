import Database from "better-sqlite3";
import { E2E_DB_PATH } from "../../../playwright.config";

/** Reads the server's throwaway database directly, to check what really changed. */
export function readDb<T>(query: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_PATH, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

export function applicationRow(id: string): Record<string, unknown> | undefined {
  return readDb((db) => db.prepare("select * from applications where id = ?").get(id) as Record<string, unknown> | undefined);
}

export function applicationCount(email: string): number {
  return readDb(
    (db) =>
      (db.prepare("select count(*) n from applications a join users u on u.id = a.user_id where u.email = ?").get(email) as { n: number }).n,
  );
}

const USER_TABLES = [
  "applications",
  "rounds",
  "round_signals",
  "custom_signals",
  "round_interviewers",
  "interviewers",
  "events",
  "guidance_steps",
  "guidance_settings",
  "calendar_feeds",
  "documents",
  "document_versions",
  "document_attachments",
];

/** Every row the account owns, table by table: to prove nothing of it changed. */
export function ownedRows(email: string): Record<string, unknown[]> {
  return readDb((db) => {
    const user = db.prepare("select id from users where email = ?").get(email) as { id: string } | undefined;
    if (!user) throw new Error(`no user ${email}`);
    return Object.fromEntries(
      USER_TABLES.map((table) => [table, db.prepare(`select * from ${table} where user_id = ? order by rowid`).all(user.id)]),
    );
  });
}

export function roundsOf(applicationId: string): Record<string, unknown>[] {
  return readDb(
    (db) =>
      db.prepare("select * from rounds where application_id = ? order by scheduled_at").all(applicationId) as Record<string, unknown>[],
  );
}

export function signalsOf(roundId: string): Record<string, unknown>[] {
  return readDb((db) => db.prepare("select signal, on_date from round_signals where round_id = ? order by signal").all(roundId) as Record<string, unknown>[]);
}

export function eventsOf(applicationId: string): Record<string, unknown>[] {
  return readDb(
    (db) => db.prepare("select * from events where application_id = ? order by occurred_at").all(applicationId) as Record<string, unknown>[],
  );
}

/** For setting up states the UI cannot make, such as an account from before time zones. */
export function writeDb<T>(change: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_PATH, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return change(db);
  } finally {
    db.close();
  }
}

export function timeZoneOf(email: string): string | null {
  return readDb((db) => (db.prepare("select time_zone from users where email = ?").get(email) as { time_zone: string | null }).time_zone);
}
