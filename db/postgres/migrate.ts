import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";
import { POSTGRES_MIGRATIONS_FOLDER } from "./migrations-folder";

/** The advisory lock every migrating process takes: the first migrates, the others wait and find nothing to do. */
const MIGRATION_LOCK = "shortlist:migrations";

/** Brings the schema up to date under a session advisory lock, so servers starting at once migrate once. */
export async function migrateUnderLock(pool: pg.Pool, folder = POSTGRES_MIGRATIONS_FOLDER): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: folder });
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

export type SchemaState = { applied: number; known: number; current: boolean };

/** How far the database's schema is: migrations applied against those this build knows (drizzle's own record). */
export async function schemaState(pool: pg.Pool, folder = POSTGRES_MIGRATIONS_FOLDER): Promise<SchemaState> {
  const known = readMigrationFiles({ migrationsFolder: folder });
  const { rows } = await pool.query<{ exists: boolean }>("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists");
  if (!rows[0]?.exists) return { applied: 0, known: known.length, current: known.length === 0 };
  const last = await pool.query<{ created_at: string | null }>("SELECT max(created_at)::text AS created_at FROM drizzle.__drizzle_migrations");
  const lastMillis = Number(last.rows[0]?.created_at ?? 0);
  const applied = known.filter((m) => m.folderMillis <= lastMillis).length;
  return { applied, known: known.length, current: applied === known.length };
}
