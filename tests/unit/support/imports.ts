import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/open";
import { commitImport, duplicateFieldsOf, type ImportProgress } from "@/lib/data/imports";
import { analyseImport, type Analysis, type ImportOptions } from "@/lib/import/analyse";
import { knownKeys } from "@/lib/import/duplicates";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { summarise } from "@/lib/import/summary";
import { columnNames, tableNames, tableRows } from "./raw-sql";

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
export async function userTables(db: Db): Promise<string[]> {
  const owned = await Promise.all((await tableNames(db)).map(async (name) => ((await columnNames(db, name)).includes("user_id") ? name : null)));
  return owned.filter((name): name is string => name !== null);
}

/** Every row the user owns, table by table. */
export async function ownedRows(db: Db, userId: string): Promise<Record<string, unknown[]>> {
  const tables = await userTables(db);
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await tableRows(db, t, userId)])));
}
