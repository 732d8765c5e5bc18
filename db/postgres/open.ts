import { PostgresEngine, createPool, poolSettings, type PoolSettings } from "./engine";
import { migrateUnderLock, schemaState } from "./migrate";
import type { Db } from "../sqlite/connections";

export type OpenedPostgres = { db: Db; engine: PostgresEngine; close: () => Promise<void> };

/** Thrown when SHORTLIST_MIGRATE=manual and the schema is behind this build. */
export class SchemaBehindError extends Error {
  override readonly name = "SchemaBehindError";
}

export type MigrateMode = "auto" | "manual";

export function migrateMode(env: NodeJS.ProcessEnv = process.env): MigrateMode {
  const raw = env.SHORTLIST_MIGRATE?.trim().toLowerCase();
  if (!raw || raw === "auto") return "auto";
  if (raw === "manual") return "manual";
  throw new Error(`SHORTLIST_MIGRATE must be "auto" or "manual"; got "${env.SHORTLIST_MIGRATE}"`);
}

/**
 * Opens a pool on `url` and brings the schema up to date ("auto", under an
 * advisory lock), or checks that it is ("manual": `npm run db:migrate` is a
 * release step, and a server on an older schema refuses to start).
 */
export async function openPostgres(url: string, options: { migrate?: MigrateMode; pool?: PoolSettings } = {}): Promise<OpenedPostgres> {
  const pool = createPool(url, options.pool ?? poolSettings());
  try {
    if ((options.migrate ?? "auto") === "auto") await migrateUnderLock(pool);
    else {
      const state = await schemaState(pool);
      if (!state.current) {
        throw new SchemaBehindError(
          `the database's schema is older than this build (${state.applied} of ${state.known} migrations applied) and SHORTLIST_MIGRATE=manual: run \`npm run db:migrate\` with the same DATABASE_URL, then start again`,
        );
      }
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const engine = new PostgresEngine(pool);
  return { db: engine.db, engine, close: () => engine.close() };
}
