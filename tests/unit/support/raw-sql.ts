import { sql, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { engineOf } from "@/db/sqlite/connections";

// Raw SQL from a test, on whichever engine the run uses: for what no data
// function does (reading catalogs, writing behind the app's back). Values are
// the driver's own: times are numbers on SQLite and Dates on Postgres, so a
// test compares raw rows with raw rows, or reads times through the schema.

/** The rows a statement returns. */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  if (engineKind() === "postgres") return (await (db as unknown as NodePgDatabase).execute(query)).rows as T[];
  return db.all<T>(query);
}

/** The first row a statement returns, if any. */
export async function rawGet<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rawRows<T>(db, query))[0];
}

/** Runs a statement that returns nothing (on SQLite on the writer: a file database's reader is read-only). */
export async function rawRun(db: Db, query: SQL): Promise<void> {
  if (engineKind() === "postgres") await (db as unknown as NodePgDatabase).execute(query);
  else engineOf(db).writer.db.run(query);
}

/** Rows in `table` (a number on both engines: Postgres' count is a bigint), optionally only those matching `where`. */
export async function rawCount(db: Db, table: string, where?: SQL): Promise<number> {
  const row = await rawGet<{ n: number | string }>(db, sql`select count(*) as n from ${sql.identifier(table)}${where ? sql` where ${where}` : sql``}`);
  return Number(row?.n);
}

/** The app's tables (not the migrations' bookkeeping), by name. */
export async function tableNames(db: Db): Promise<string[]> {
  const rows =
    engineKind() === "postgres"
      ? await rawRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)
      : await rawRows<{ name: string }>(
          db,
          sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`,
        );
  return rows.map((r) => r.name);
}

/** The columns of one table, by name. */
export async function columnNames(db: Db, table: string): Promise<string[]> {
  const rows =
    engineKind() === "postgres"
      ? await rawRows<{ name: string }>(db, sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table}`)
      : await rawRows<{ name: string }>(db, sql`select name from pragma_table_info(${table})`);
  return rows.map((r) => r.name);
}

/**
 * Every row of `table`, optionally only `userId`'s, in a stable order: the
 * order of insertion on SQLite (rowid); on Postgres, which has no rowid, the
 * rows' text. For "left unchanged" checks, which compare two such reads.
 * Postgres' insertion_order stands in for the rowid, which `select *` does
 * not show on SQLite: it is left out likewise (a row put back by an undo is
 * added anew on both engines).
 */
export async function tableRows(db: Db, table: string, userId?: string): Promise<unknown[]> {
  const t = sql.identifier(table);
  const where = userId === undefined ? sql`` : sql` where user_id = ${userId}`;
  if (engineKind() !== "postgres") return rawRows(db, sql`select * from ${t}${where} order by rowid`);
  const columns = (await columnNames(db, table)).filter((c) => c !== "insertion_order").map((c) => sql.identifier(c));
  return rawRows(db, sql`select ${sql.join(columns, sql`, `)} from ${t}${where} order by ${t}::text`);
}

/**
 * Makes the database refuse a kind of write to `table` (a trigger that
 * raises `message`), as a failing disk would, behind the app's back: for
 * proving a failed write leaves nothing half-done. `when` is a condition in
 * SQL both engines read (it may hold a subquery). Returns its undoing.
 */
export async function refuseWrites(
  db: Db,
  { name, table, op, when, message }: { name: string; table: string; op: "insert" | "update" | "delete"; when?: string; message: string },
): Promise<() => Promise<void>> {
  const quoted = message.replace(/'/g, "''");
  if (engineKind() === "postgres") {
    // Postgres' trigger WHEN takes no subquery: the condition goes in the function.
    const raise = `raise exception '${quoted}';`;
    const pass = "if tg_op = 'DELETE' then return old; end if; return new;";
    const body = when ? `if ${when} then ${raise} end if; ${pass}` : raise;
    await rawRun(db, sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} end $$`));
    await rawRun(db, sql.raw(`create trigger ${name} before ${op} on ${table} for each row execute function ${name}()`));
    return async () => {
      await rawRun(db, sql.raw(`drop trigger ${name} on ${table}`));
      await rawRun(db, sql.raw(`drop function ${name}()`));
    };
  }
  await rawRun(db, sql.raw(`create trigger ${name} before ${op} on ${table}${when ? ` when ${when}` : ""} begin select raise(abort, '${quoted}'); end`));
  return () => rawRun(db, sql.raw(`drop trigger ${name}`));
}

/**
 * Rows whose foreign key points at nothing. SQLite can hold such rows (it
 * checks keys only while its foreign_keys pragma is on), so it is asked;
 * Postgres refuses them at every write, so it cannot hold any.
 */
export async function foreignKeyViolations(db: Db): Promise<unknown[]> {
  if (engineKind() === "postgres") return [];
  return rawRows(db, sql`select * from pragma_foreign_key_check`);
}

/** A time for a raw statement, as a whole-second column holds it: seconds on SQLite, a timestamp on Postgres. */
export function instantSql(date: Date): SQL {
  const seconds = Math.floor(date.getTime() / 1000);
  if (engineKind() === "postgres") return sql`${new Date(seconds * 1000).toISOString()}::timestamptz`;
  return sql`${seconds}`;
}

/** A time for a raw statement, as a millisecond column holds it. */
export function instantMsSql(date: Date): SQL {
  if (engineKind() === "postgres") return sql`${date.toISOString()}::timestamptz`;
  return sql`${date.getTime()}`;
}

/** A whole-second time column moved by `seconds`, in a raw statement. */
export function plusSeconds(column: string, seconds: number): SQL {
  if (engineKind() === "postgres") return sql`${sql.identifier(column)} + ${seconds} * interval '1 second'`;
  return sql`${sql.identifier(column)} + ${seconds}`;
}

/** A millisecond time column moved by `ms`, in a raw statement. */
export function plusMs(column: string, ms: number): SQL {
  if (engineKind() === "postgres") return sql`${sql.identifier(column)} + ${ms} * interval '1 millisecond'`;
  return sql`${sql.identifier(column)} + ${ms}`;
}
