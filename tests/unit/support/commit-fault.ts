import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { engineOf } from "@/db/sqlite/connections";
import { rawGet, rawRun, tableNames, tableRows } from "./raw-sql";

/**
 * Makes every transaction that changes a row fail at COMMIT, as a full disk
 * does, with no special mount: a TEMP trigger on each table files a row that
 * breaks a deferred foreign key, and SQLite checks deferred keys only at
 * commit. Like ENOSPC under WAL, the statements all succeed and the commit
 * is what fails; an autocommit `INSERT … RETURNING` read with `.get()` even
 * hands back its row and then loses it, exactly as on a full disk. TEMP
 * objects live in this connection only, so nothing reaches the schema.
 */
export function failSqliteCommits(sqlite: Database.Database): { restore: () => void } {
  const tables = (
    sqlite.prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  sqlite.exec(`
    create temp table commit_fault_target (id integer primary key);
    create temp table commit_fault (ref integer references commit_fault_target (id) deferrable initially deferred);
  `);
  for (const table of tables) {
    for (const change of ["insert", "update", "delete"]) {
      sqlite.exec(
        `create temp trigger "commit_fault_${table}_${change}" after ${change} on main."${table}" begin insert into commit_fault (ref) values (-1); end;`,
      );
    }
  }
  return {
    restore() {
      for (const table of tables) for (const change of ["insert", "update", "delete"]) sqlite.exec(`drop trigger temp."commit_fault_${table}_${change}"`);
      sqlite.exec("drop table temp.commit_fault; drop table temp.commit_fault_target;");
    },
  };
}

/**
 * The same fault on either engine: on SQLite the one above, on the
 * database's connection; on Postgres the same deferred foreign key, which
 * Postgres too checks at COMMIT, filed by a trigger on each table (the
 * test's database is its own, so nothing else sees them).
 */
export async function failCommits(db: Db): Promise<{ restore: () => Promise<void> }> {
  if (engineKind() !== "postgres") {
    const fault = failSqliteCommits(engineOf(db).writer.sqlite);
    return { restore: async () => fault.restore() };
  }
  const tables = await tableNames(db);
  const run = (statement: string) => rawRun(db, sql.raw(statement));
  await run("create table commit_fault_target (id integer primary key)");
  await run("create table commit_fault (ref integer references commit_fault_target (id) deferrable initially deferred)");
  await run("create function commit_fault() returns trigger language plpgsql as $$ begin insert into commit_fault (ref) values (-1); return null; end $$");
  for (const table of tables) await run(`create trigger commit_fault after insert or update or delete on "${table}" for each row execute function commit_fault()`);
  return {
    async restore() {
      for (const table of tables) await run(`drop trigger commit_fault on "${table}"`);
      await run("drop function commit_fault()");
      await run("drop table commit_fault, commit_fault_target");
    },
  };
}

/** Every row of every table, to prove a failed write left nothing behind. */
export async function everyRow(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await tableNames(db);
  return Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await tableRows(db, name)])));
}

/** Is a transaction left open on any of the database's connections (a write that neither committed nor rolled back)? */
export async function leftInTransaction(db: Db): Promise<boolean> {
  if (engineKind() !== "postgres") return engineOf(db).writer.sqlite.inTransaction;
  const row = await rawGet<{ n: number }>(
    db,
    sql`select cast(count(*) as integer) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`,
  );
  return row?.n !== 0;
}
