import pg from "pg";
import { createPool, PostgresEngine } from "@/db/postgres/engine";
import type { Db } from "@/db/open";
import { adminUrl, databaseUrl, PER_TEST_PREFIX, TEMPLATE } from "./postgres-url";

// A fresh database per testDb() on Postgres, copied from the migrated
// template. testDb() is synchronous (as ":memory:" is on SQLite), so the
// copy is started here and the pool's connections wait for it.

let admin: pg.Pool | undefined;
let made = 0;

/** A fresh database, which several handles (several "servers", each with a pool of its own) may open. */
export function postgresTestDatabase(): { open: () => { db: Db; close: () => Promise<void> } } {
  admin ??= new pg.Pool({ connectionString: adminUrl(), max: 1, allowExitOnIdle: true });
  const name = `${PER_TEST_PREFIX}${process.pid}_${Date.now().toString(36)}_${++made}`;
  // FILE_COPY copies the small template's files instead of logging every page: about a quarter faster per test.
  const ready = admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE} STRATEGY FILE_COPY`).then(() => undefined);
  // Reported by the first query instead, through connect() below.
  ready.catch(() => undefined);

  /** A client that connects once the database exists. */
  class AfterCreate extends pg.Client {}
  const connect = pg.Client.prototype.connect;
  const connectNow = connect as (this: pg.Client) => Promise<pg.Client>;
  AfterCreate.prototype.connect = function (this: pg.Client, callback?: (err: Error | null) => void) {
    const connecting = ready.then(() => connectNow.call(this));
    if (!callback) return connecting;
    connecting.then(() => callback(null), callback);
  } as typeof connect;
  return {
    open() {
      const pool = createPool(databaseUrl(adminUrl(), name), { max: 4, connectionTimeoutMillis: 20_000, idleTimeoutMillis: 1_000 }, { Client: AfterCreate, allowExitOnIdle: true });
      const engine = new PostgresEngine(pool);
      return { db: engine.db, close: () => engine.close() };
    },
  };
}

export function postgresTestDb(): Db {
  return postgresTestDatabase().open().db;
}
