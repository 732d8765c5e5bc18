import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema/postgres";
import type { Db } from "../sqlite/connections";

/**
 * One Postgres database and its pool. lib/ holds its handles as the same
 * `Db` type as SQLite's (db/schema/index.ts explains why that is sound);
 * write() and snapshot() find the engine of a handle here.
 */
export class PostgresEngine {
  /** The handle every data function takes: each query borrows a pooled connection. */
  readonly db: Db;
  private readonly handles = new WeakMap<pg.PoolClient, Db>();

  constructor(readonly pool: pg.Pool) {
    this.db = this.register(drizzle({ client: pool, schema }));
  }

  /** The handle bound to one checked-out connection (a write's or a snapshot's). */
  handleFor(client: pg.PoolClient): Db {
    let handle = this.handles.get(client);
    if (!handle) {
      handle = this.register(drizzle({ client, schema }));
      this.handles.set(client, handle);
    }
    return handle;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private register(handle: NodePgDatabase<typeof schema>): Db {
    const db = handle as unknown as Db;
    engines.set(db, this);
    return db;
  }
}

// On globalThis, as for SQLite (db/sqlite/connections.ts): Next's chunks each hold a copy of this module.
const shared = globalThis as unknown as Record<symbol, WeakMap<Db, PostgresEngine> | undefined>;
const engines = (shared[Symbol.for("shortlist.postgresEngines")] ??= new WeakMap<Db, PostgresEngine>());

/** The Postgres engine a handle belongs to, or undefined for a SQLite handle. */
export function postgresEngineOf(db: Db): PostgresEngine | undefined {
  return engines.get(db);
}

export type PoolSettings = { max: number; connectionTimeoutMillis: number; idleTimeoutMillis: number };

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}"`);
  return value;
}

/** The pool's size and timeouts: SHORTLIST_PG_POOL_MAX, SHORTLIST_PG_CONNECT_TIMEOUT_MS, SHORTLIST_PG_IDLE_TIMEOUT_MS. */
export function poolSettings(env: NodeJS.ProcessEnv = process.env): PoolSettings {
  return {
    max: whole(env, "SHORTLIST_PG_POOL_MAX", 10, 1),
    // Waiting longer than a write may wait for its lock makes no sense: the request is "busy" by then.
    connectionTimeoutMillis: whole(env, "SHORTLIST_PG_CONNECT_TIMEOUT_MS", 5_000, 1),
    idleTimeoutMillis: whole(env, "SHORTLIST_PG_IDLE_TIMEOUT_MS", 30_000, 0),
  };
}

/**
 * A pool on `url`. A connection that fails while idle in the pool (the
 * server restarted, a proxy cut it) is logged and dropped, never thrown:
 * without the listener, Node would end the process on it.
 */
export function createPool(url: string, settings: PoolSettings = poolSettings(), extra: Partial<pg.PoolConfig> = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, ...settings, application_name: "shortlist", ...extra });
  pool.on("error", (error) => {
    console.error(`[storage] an idle database connection failed and was dropped: ${error.message}`);
  });
  return pool;
}
