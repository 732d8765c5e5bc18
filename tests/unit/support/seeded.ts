import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgTable } from "drizzle-orm/pg-core";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { openDatabase, type Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import * as pgTables from "@/db/schema/postgres";
import * as sqliteTables from "@/db/schema/sqlite";
import { seedAccount, type Account, type SeededAccount } from "../../../bench/seed-db";
import { testDb } from "./db";

// The benchmarks' seeded accounts (bench/seed-db.ts writes them with SQLite's
// own statements), on whichever engine the run uses: on Postgres the account
// is seeded into a scratch SQLite database and copied over, table by table,
// through the two schemas, which read and write the same values.

/** The tables bench/seed-db.ts writes, parents first. */
const SEEDED = ["users", "guidanceSettings", "applications", "rounds", "roundSignals", "interviewers", "roundInterviewers", "events", "guidanceSteps"] as const;
/** Rows per INSERT: well under Postgres' 65,535 parameters at the widest table's columns. */
const CHUNK = 500;

/** A private database (as testDb() gives) holding the seeded accounts. */
export async function seededDb(accounts: Account[], now: Date): Promise<{ db: Db; accounts: SeededAccount[] }> {
  const scratch = openDatabase(":memory:");
  const seeded = accounts.map((account) => seedAccount(scratch.sqlite, account, "x", now, () => {}));
  if (engineKind() !== "postgres") return { db: scratch.db, accounts: seeded };
  const from = drizzle(scratch.sqlite);
  const db = testDb();
  const to = db as unknown as NodePgDatabase;
  for (const name of SEEDED) {
    // In the order they were added: Postgres' insertion_order then breaks ties as SQLite's rowid did.
    const rows = await from.select().from(sqliteTables[name] as SQLiteTable).orderBy(sql`rowid`);
    for (let i = 0; i < rows.length; i += CHUNK) await to.insert(pgTables[name] as PgTable).values(rows.slice(i, i + CHUNK));
  }
  scratch.close();
  return { db, accounts: seeded };
}
