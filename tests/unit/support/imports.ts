import { readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { commitImport, duplicateFieldsOf, type ImportProgress } from "@/lib/data/imports";
import { analyseImport, type Analysis, type ImportOptions } from "@/lib/import/analyse";
import { knownKeys } from "@/lib/import/duplicates";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { summarise } from "@/lib/import/summary";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/import");
export const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

/** Fixed so that dates relative to "now" (future rounds, events) read the same on every run. */
export const NOW = new Date("2024-04-01T09:00:00Z");
export const ZONE = "Europe/Berlin";

export async function analysed(bytes: Uint8Array, options: ImportOptions = {}): Promise<Analysis> {
  const result = await analyseImport({ bytes, options, timeZone: ZONE, now: NOW });
  if (!result.ok) throw new Error(`not analysed: ${result.message}`);
  return result.analysis;
}

export async function summaryFor(db: Db, userId: string, analysis: Analysis) {
  return summarise(analysis, knownKeys(await duplicateFieldsOf(db, { userId })));
}

/** The page's and the command line's whole path: analyse, then commit, for one user. */
export async function importFile(
  db: Db,
  userId: string,
  bytes: Uint8Array,
  { name = "file.csv", options = {}, onProgress }: { name?: string; options?: ImportOptions; onProgress?: ImportProgress } = {},
) {
  const analysis = await analysed(bytes, options);
  const plan = planFromAnalysis(analysis, { name, hash: fileHash(bytes) });
  return commitImport(db, { userId, plan, now: NOW, onProgress });
}

/** Every table with a user_id column, read from the schema itself, so tables added later are covered too. */
export function userTables(sqlite: Database.Database): string[] {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[];
  return tables
    .map((t) => t.name)
    .filter((name) => (sqlite.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).some((c) => c.name === "user_id"));
}

/** Every row the user owns, table by table. */
export function ownedRows(sqlite: Database.Database, userId: string): Record<string, unknown[]> {
  return Object.fromEntries(userTables(sqlite).map((t) => [t, sqlite.prepare(`select * from ${t} where user_id = ? order by rowid`).all(userId)]));
}
