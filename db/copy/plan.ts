import { getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as postgresSchema from "../schema/postgres";
import * as sqliteSchema from "../schema/sqlite";

/**
 * Written by the Postgres version triggers as the other tables fill: copied
 * last, in place of what the triggers made, so the counters (and the cached
 * guidance parts keyed by them) are SQLite's own.
 */
export const FILLED_BY_TRIGGERS: readonly string[] = ["user_data_versions", "application_versions"];

/** Holds no one's data (the health check's one row): it does not make a database "not empty". */
export const NOT_DATA: readonly string[] = ["health_probe"];

export type CopiedTable = { name: string; sqlite: SQLiteTable; postgres: PgTable };

function sqliteTables(): Map<string, SQLiteTable> {
  const found = new Map<string, SQLiteTable>();
  for (const value of Object.values(sqliteSchema)) if (is(value, SQLiteTable)) found.set(getTableName(value), value);
  return found;
}

function postgresTables(): Map<string, PgTable> {
  const found = new Map<string, PgTable>();
  for (const value of Object.values(postgresSchema)) if (is(value, PgTable)) found.set(getTableName(value), value);
  return found;
}

/**
 * Every table of the schema, each after the tables its foreign keys point
 * at (so each batch finds its parents), in the order the schema declares
 * them otherwise; the trigger-filled tables come last. Derived from
 * db/schema, so a new table is copied without anyone listing it.
 */
export function copyPlan(): CopiedTable[] {
  const sqlite = sqliteTables();
  const postgres = postgresTables();
  const names = [...postgres.keys()];
  const missing = [...names.filter((n) => !sqlite.has(n)), ...[...sqlite.keys()].filter((n) => !postgres.has(n))];
  if (missing.length) throw new Error(`db/schema's two dialects disagree on these tables: ${missing.join(", ")}`);

  const parents = new Map(
    names.map((name) => [
      name,
      new Set(getTableConfig(postgres.get(name)!).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)).filter((p) => p !== name)),
    ]),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const rest = names.filter((n) => !FILLED_BY_TRIGGERS.includes(n));
  while (rest.length) {
    const next = rest.findIndex((name) => [...parents.get(name)!].every((p) => placed.has(p)));
    if (next < 0) throw new Error(`the foreign keys of ${rest.join(", ")} form a cycle: no order copies them`);
    const [name] = rest.splice(next, 1);
    ordered.push(name);
    placed.add(name);
  }
  ordered.push(...FILLED_BY_TRIGGERS.filter((n) => postgres.has(n)));
  return ordered.map((name) => ({ name, sqlite: sqlite.get(name)!, postgres: postgres.get(name)! }));
}
