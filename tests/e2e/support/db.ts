import Database from "better-sqlite3";
import pg from "pg";
import { E2E_DATABASE_URL, E2E_DB_PATH, E2E_ENGINE } from "../../../playwright.config";
import { compile, raw, sql, type Sql } from "./sql";

export { commaList, instant, instantMs, insertionOrder, now, raw, shifted, sql, type Sql } from "./sql";

// The servers' database, read and written straight from a test, to check
// what really changed or to set up what the UI cannot make: the SQLite file,
// or the Postgres database both servers of the Postgres run share. Rows come
// back as SQLite gives them, whichever engine runs: times as numbers
// (seconds, or milliseconds for the millisecond columns), booleans as 1 and
// 0, counts as numbers; Postgres' insertion_order column is left out.

type Row = Record<string, unknown>;

const TIMESTAMPTZ = 1184;
const BOOL = 16;
const INT8 = 20;
const NUMERIC = 1700;
const asIs = (value: string) => value;

let pool: pg.Pool | undefined;

function postgres(): pg.Pool {
  pool ??= new pg.Pool({
    connectionString: E2E_DATABASE_URL,
    max: 2,
    idleTimeoutMillis: 1_000,
    allowExitOnIdle: true,
    // Times are turned into numbers below, from the column's precision; counts and sums are numbers.
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === TIMESTAMPTZ) return asIs;
        if (oid === INT8 || oid === NUMERIC) return Number;
        return pg.types.getTypeParser(oid, format as "text");
      }) as typeof pg.types.getTypeParser,
    },
  });
  return pool;
}

/** A Postgres row as SQLite would give it. */
function likeSqlite(row: Row, fields: pg.FieldDef[]): Row {
  const out: Row = {};
  for (const field of fields) {
    if (field.name === "insertion_order") continue;
    const value = row[field.name];
    if (value === null || value === undefined) out[field.name] = value;
    else if (field.dataTypeID === TIMESTAMPTZ) {
      const ms = new Date(String(value)).getTime();
      // timestamp(3) is a millisecond column; timestamp(0) (and an expression's, of unknown precision) whole seconds.
      out[field.name] = field.dataTypeModifier === 3 ? ms : Math.floor(ms / 1000);
    } else if (field.dataTypeID === BOOL) out[field.name] = value ? 1 : 0;
    else out[field.name] = value;
  }
  return out;
}

async function postgresRows(client: pg.Pool | pg.PoolClient, statement: Sql): Promise<Row[]> {
  const { text, values } = compile(statement);
  const result = await client.query({ text, values });
  return result.rows.map((row: Row) => likeSqlite(row, result.fields));
}

/** The rows a statement returns. */
export async function rows<T = Row>(statement: Sql): Promise<T[]> {
  if (E2E_ENGINE === "postgres") return (await postgresRows(postgres(), statement)) as T[];
  const db = new Database(E2E_DB_PATH, { readonly: true, fileMustExist: true });
  try {
    const { text, values } = compile(statement);
    return db.prepare(text).all(...values) as T[];
  } finally {
    db.close();
  }
}

/** The first row a statement returns, if any. */
export async function row<T = Row>(statement: Sql): Promise<T | undefined> {
  return (await rows<T>(statement))[0];
}

/** Runs statements that change data, in one transaction: for setting up states the UI cannot make. */
export async function run(...statements: Sql[]): Promise<void> {
  if (E2E_ENGINE === "postgres") {
    const client = await postgres().connect();
    try {
      await client.query("BEGIN");
      for (const statement of statements) await postgresRows(client, statement);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return;
  }
  const db = new Database(E2E_DB_PATH, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.transaction(() => {
      for (const statement of statements) {
        const { text, values } = compile(statement);
        db.prepare(text).run(...values);
      }
    }).immediate();
  } finally {
    db.close();
  }
}

export async function userIdOf(email: string): Promise<string> {
  const user = await row<{ id: string }>(sql`select id from users where email = ${email}`);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

export function applicationRow(id: string): Promise<Row | undefined> {
  return row(sql`select * from applications where id = ${id}`);
}

export async function applicationCount(email: string): Promise<number> {
  const found = await row<{ n: number }>(sql`select count(*) n from applications a join users u on u.id = a.user_id where u.email = ${email}`);
  return found?.n ?? 0;
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

/**
 * Every row the account owns, table by table: to prove nothing of it changed.
 * In an order of their own (not every Postgres table has an insertion order).
 */
export async function ownedRows(email: string): Promise<Record<string, unknown[]>> {
  const userId = await userIdOf(email);
  const tables = await Promise.all(
    USER_TABLES.map(async (table) => {
      const found = (await rows(sql`select * from ${raw(table)} where user_id = ${userId}`)).map((r) => [JSON.stringify(r), r] as const);
      return [table, found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r)] as const;
    }),
  );
  return Object.fromEntries(tables);
}

export function roundsOf(applicationId: string): Promise<Row[]> {
  return rows(sql`select * from rounds where application_id = ${applicationId} order by scheduled_at`);
}

export function signalsOf(roundId: string): Promise<Row[]> {
  return rows(sql`select signal, on_date from round_signals where round_id = ${roundId} order by signal`);
}

export function eventsOf(applicationId: string): Promise<Row[]> {
  return rows(sql`select * from events where application_id = ${applicationId} order by occurred_at`);
}

export async function timeZoneOf(email: string): Promise<string | null> {
  return (await row<{ time_zone: string | null }>(sql`select time_zone from users where email = ${email}`))?.time_zone ?? null;
}
