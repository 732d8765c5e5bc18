import { existsSync, readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { getTableColumns, sql } from "drizzle-orm";
import { drizzle as sqliteDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as postgresDrizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { MIGRATIONS_FOLDER } from "../open";
import { createPool } from "../postgres/engine";
import { postgresFailureOf } from "../postgres/errors";
import { migrateUnderLock } from "../postgres/migrate";
import { describeUrl } from "../postgres/startup";
import { refuseIfInUse } from "../sqlite/in-use";
import { copyPlan, FILLED_BY_TRIGGERS, NOT_DATA, type CopiedTable } from "./plan";

/** The copy did not start, or was rolled back: the message is the one line to print. */
export class CopyError extends Error {
  override readonly name = "CopyError";
}

export type CopiedCount = { table: string; rows: number };

export type CopyOptions = {
  /** The SQLite file (stopped: nothing may have it open). */
  from: string;
  /** postgres://… of an empty database (migrated here when it has no tables yet). */
  to: string;
  onProgress?: (table: string, done: number, total: number) => void;
  /** Rows per INSERT at most (fewer for wide tables and tables of bytes). */
  batchRows?: number;
};

const SQLITE_HEADER = "SQLite format 3\u0000";
/** Postgres takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 30_000;
/** Tables of bytes (document files, cached parts) go a few rows at a time: a batch is held in memory twice. */
const BYTES_BATCH = 20;
const ROWID = "__copy_rowid";

/** The database's own words: drizzle wraps them in "Failed query: <the statement>" (with every value of a batch). */
function messageOf(error: unknown): string {
  for (let at = error; at instanceof Error; at = at.cause) if (typeof (at as { code?: unknown }).code === "string") return at.message;
  return error instanceof Error ? error.message : String(error);
}

function openSource(file: string): Database.Database {
  if (!existsSync(file)) throw new CopyError(`There is no SQLite database at ${file} (name it with --from, or set SHORTLIST_DB_PATH).`);
  if (readFileSync(file).subarray(0, 16).toString("latin1") !== SQLITE_HEADER) throw new CopyError(`${file} is not an SQLite database file.`);
  try {
    refuseIfInUse(file, "run db:copy again");
  } catch (error) {
    throw new CopyError(messageOf(error), { cause: error });
  }
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    // A newer schema would have tables or columns this build does not know, and would not copy.
    const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
    const applied = sqlite.prepare("select name from sqlite_master where name = '__drizzle_migrations'").get()
      ? (sqlite.prepare("select count(*) n from __drizzle_migrations").get() as { n: number }).n
      : 0;
    if (!applied) throw new CopyError(`${file} is an SQLite file but not a Shortlist database.`);
    if (applied > known) throw new CopyError(`${file} comes from a newer Shortlist (${applied} migrations; this one knows ${known}). Update Shortlist first.`);
    // Its schema must be this build's, as the copy's tables are: what the app would do at its next start.
    migrateSqlite(sqliteDrizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
    return sqlite;
  } catch (error) {
    sqlite.close();
    if (error instanceof CopyError) throw error;
    throw new CopyError(`${file} could not be brought up to this build's schema (${messageOf(error)}).`, { cause: error });
  }
}

function batchSize(table: CopiedTable, batchRows: number): number {
  const columns = Object.values(getTableColumns(table.postgres));
  const byParameters = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const hasBytes = columns.some((c) => c.getSQLType() === "bytea");
  return Math.min(batchRows, byParameters, hasBytes ? BYTES_BATCH : Infinity);
}

const quoted = (client: pg.PoolClient, table: string) => client.escapeIdentifier(table);

async function countIn(client: pg.PoolClient, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoted(client, table)}`);
  return rows[0].n;
}

function countInSqlite(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`select count(*) n from "${table}"`).get() as { n: number }).n;
}

/** The target must hold nobody's data: a copy never merges into a database in use. */
async function refuseIfNotEmpty(client: pg.PoolClient, plan: CopiedTable[], where: string): Promise<void> {
  const holding: string[] = [];
  for (const { name } of plan) {
    if (NOT_DATA.includes(name)) continue;
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoted(client, name)}) AS any`);
    if (rows[0].any) holding.push(name);
  }
  if (holding.length) {
    throw new CopyError(`${where} already holds data (in ${holding.join(", ")}): db:copy only fills an empty database, so nothing was copied.`);
  }
}

/**
 * One table, in SQLite's rowid order (Postgres' insertion_order identity
 * then numbers the rows in the order SQLite added them, which the "added
 * last" tie-breaks read), a batch at a time. Values go through both
 * schemas' column kinds: SQLite's seconds and milliseconds become Dates
 * and timestamps, 0/1 booleans, BLOBs bytea.
 */
async function copyTable(
  source: ReturnType<typeof sqliteDrizzle>,
  target: NodePgDatabase,
  table: CopiedTable,
  total: number,
  batch: number,
  onProgress: CopyOptions["onProgress"],
): Promise<void> {
  const fields = { ...getTableColumns(table.sqlite), [ROWID]: sql<number>`rowid` };
  let after = Number.MIN_SAFE_INTEGER;
  let done = 0;
  onProgress?.(table.name, 0, total);
  for (;;) {
    const rows = source.select(fields).from(table.sqlite).where(sql`rowid > ${after}`).orderBy(sql`rowid`).limit(batch).all() as Record<string, unknown>[];
    if (!rows.length) break;
    after = rows[rows.length - 1][ROWID] as number;
    for (const row of rows) delete row[ROWID];
    await target.insert(table.postgres).values(rows as never);
    done += rows.length;
    onProgress?.(table.name, done, total);
  }
}

/**
 * Copies every table of a stopped SQLite database into an empty Postgres
 * database in one transaction, then compares every table's row count:
 * anything wrong (a refused row, a count that differs, a lost connection)
 * rolls the whole copy back, and the error names the table.
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopiedCount[]> {
  const where = describeUrl(options.to);
  const plan = copyPlan();
  const sqlite = openSource(options.from);
  const pool = createPool(options.to, { max: 1, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 0 }, { application_name: "shortlist db:copy" });
  try {
    try {
      await migrateUnderLock(pool);
    } catch (error) {
      throw new CopyError(`The Postgres database ${where} could not be reached or migrated (${messageOf(error)}).`, { cause: error });
    }
    const client = await pool.connect();
    const source = sqliteDrizzle(sqlite);
    const target = postgresDrizzle({ client });
    let committing = false;
    try {
      // One moment of the source, though nothing should be writing to it.
      sqlite.exec("BEGIN");
      await client.query("BEGIN");
      await refuseIfNotEmpty(client, plan, where);
      for (const name of NOT_DATA) await client.query(`DELETE FROM ${quoted(client, name)}`);

      const counts: CopiedCount[] = plan.map(({ name }) => ({ table: name, rows: countInSqlite(sqlite, name) }));
      for (const [i, table] of plan.entries()) {
        // What the triggers counted while the other tables filled, replaced by SQLite's own counters.
        if (FILLED_BY_TRIGGERS.includes(table.name)) await client.query(`DELETE FROM ${quoted(client, table.name)}`);
        try {
          await copyTable(source, target, table, counts[i].rows, batchSize(table, options.batchRows ?? 500), options.onProgress);
        } catch (error) {
          throw new CopyError(`Copying ${table.name} failed (${messageOf(error)}); the copy was rolled back and ${where} is as it was.`, { cause: error });
        }
      }

      const wrong: string[] = [];
      for (const { table, rows } of counts) {
        const copied = await countIn(client, table);
        if (copied !== rows) wrong.push(`${table}: ${rows} rows in SQLite, ${copied} in Postgres`);
      }
      if (wrong.length) throw new CopyError(`The row counts differ after the copy (${wrong.join("; ")}); the copy was rolled back and ${where} is as it was.`);

      committing = true;
      await client.query("COMMIT");
      // Fresh statistics for the planner: the tables went from empty to full in one go.
      await client.query("ANALYZE");
      return counts;
    } catch (error) {
      if (committing && postgresFailureOf(error)?.kind === "connection-lost") {
        throw new CopyError(
          `The connection to ${where} was lost during COMMIT, so whether the copy was saved is unknown. Run db:copy again: it either copies or says the database already holds data.`,
          { cause: error },
        );
      }
      await client.query("ROLLBACK").catch(() => undefined);
      if (error instanceof CopyError) throw error;
      throw new CopyError(`The copy failed (${messageOf(error)}); it was rolled back and ${where} is as it was.`, { cause: error });
    } finally {
      client.release();
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    }
  } finally {
    sqlite.close();
    await pool.end();
  }
}
