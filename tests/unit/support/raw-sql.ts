import type { SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";

// Raw SQL from a test, on whichever engine the run uses: for what no data
// function does (reading catalogs, writing behind the app's back).

/** The rows a statement returns. */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  if (engineKind() === "postgres") return (await (db as unknown as NodePgDatabase).execute(query)).rows as T[];
  return db.all<T>(query);
}

/** Runs a statement that returns nothing. */
export async function rawRun(db: Db, query: SQL): Promise<void> {
  if (engineKind() === "postgres") await (db as unknown as NodePgDatabase).execute(query);
  else db.run(query);
}
