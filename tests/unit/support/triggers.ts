import { sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { guidanceTables } from "@/lib/data/guidance-tables";
import { rawRows, rawRun } from "./raw-sql";

// The version triggers as the database holds them, on either engine, in
// common terms: which table, which write, limited to which columns, and the
// SQL they run (SQLite's trigger body; Postgres' trigger function).

export type Trigger = { name: string; table: string; op: "insert" | "update" | "delete"; columns: string[]; body: string };

const OPS = ["insert", "update", "delete"] as const;

function read(name: string, table: string, definition: string, body: string): Trigger | null {
  const match = /AFTER (INSERT|UPDATE|DELETE)(?: OF ([^]*?))? ON /i.exec(definition);
  if (!match) return null;
  const columns = match[2] ? match[2].split(",").map((c) => c.trim().replace(/[`"]/g, "")) : [];
  return { name, table, op: match[1].toLowerCase() as Trigger["op"], columns, body };
}

export async function triggersOf(db: Db): Promise<Trigger[]> {
  const rows =
    engineKind() === "postgres"
      ? await rawRows<{ name: string; table: string; definition: string; body: string }>(
          db,
          sql`select t.tgname as name, c.relname as "table", pg_get_triggerdef(t.oid) as definition, p.prosrc as body
              from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid where not t.tgisinternal`,
        )
      : await rawRows<{ name: string; table: string; definition: string; body: string }>(
          db,
          sql`select name, tbl_name as "table", sql as definition, sql as body from sqlite_master where type = 'trigger'`,
        );
  return rows.map((r) => read(r.name, r.table, r.definition, r.body)).filter((t): t is Trigger => t !== null);
}

/** Each listed table's writes that have no trigger bumping the versions. */
export async function missingTriggers(db: Db): Promise<string[]> {
  const triggers = await triggersOf(db);
  const missing: string[] = [];
  for (const { name, columns } of guidanceTables) {
    for (const op of columns ? (["update"] as const) : OPS) {
      const has = triggers.some(
        (t) => t.table === name && t.op === op && t.body.includes("user_data_versions") && (columns ?? []).every((c) => t.columns.includes(c)),
      );
      if (!has) missing.push(`${name} ${op}`);
    }
  }
  return missing;
}

export async function dropTrigger(db: Db, name: string, table: string): Promise<void> {
  await rawRun(db, engineKind() === "postgres" ? sql.raw(`drop trigger ${name} on ${table}`) : sql.raw(`drop trigger ${name}`));
}
