import { engineKind } from "./engine-kind";
import { databasePath } from "./location";
import { openDatabase, type Db } from "./open";
import { poolSettings, type PoolSettings } from "./postgres/engine";
import { migrateMode, openPostgres, type MigrateMode } from "./postgres/open";
import { describeUrl, explainPostgresStart, requireAuthSecret } from "./postgres/startup";

/**
 * The database this process is configured for, as a value a worker thread
 * can be handed: Postgres when DATABASE_URL names one, else the SQLite file.
 */
export type DatabaseConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function configuredDatabase(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (engineKind(env) === "postgres") return { kind: "postgres", url: env.DATABASE_URL?.trim() ?? "" };
  return { kind: "sqlite", file: databasePath() };
}

/** Where the data is, for a message: the file, or the server and database (never the password). */
export function describeDatabase(config: DatabaseConfig): string {
  return config.kind === "sqlite" ? config.file : describeUrl(config.url);
}

export type OpenedConfigured = { db: Db; where: string; close: () => Promise<void> };

export type OpenConfiguredOptions = {
  /** The command reads AUTH_SECRET (tokens, links, sealed secrets): on Postgres it must be the servers' own. */
  needsSecret?: boolean;
  /** The pool's size and timeouts on Postgres; SHORTLIST_PG_* by default. */
  pool?: Partial<PoolSettings>;
  /** On Postgres: SHORTLIST_MIGRATE by default; "manual" only checks the schema (a worker of a server that migrated at start). */
  migrate?: MigrateMode;
};

/**
 * Opens the configured database for a command or a worker, with the
 * server's own rules: on SQLite the file is migrated as it opens; on
 * Postgres the schema is migrated under the advisory lock, or only checked
 * with SHORTLIST_MIGRATE=manual. A failure is one line (its message).
 * `close` ends every connection, so the process can exit.
 */
export async function openConfigured(config: DatabaseConfig = configuredDatabase(), options: OpenConfiguredOptions = {}): Promise<OpenedConfigured> {
  const where = describeDatabase(config);
  if (config.kind === "sqlite") {
    const { db, close } = openDatabase(config.file);
    return { db, where, close: async () => close() };
  }
  if (options.needsSecret) requireAuthSecret();
  try {
    const { db, close } = await openPostgres(config.url, { migrate: options.migrate ?? migrateMode(), pool: { ...poolSettings(), ...options.pool } });
    return { db, where, close };
  } catch (error) {
    throw explainPostgresStart(config.url, error);
  }
}
