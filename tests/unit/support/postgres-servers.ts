import { sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { createPool, PostgresEngine } from "@/db/postgres/engine";
import { adminUrl, databaseUrl } from "./postgres-url";
import { rawRows } from "./raw-sql";

// Several app servers on one Postgres database, in one test process: each
// "server" is a pool of its own, so its writes hold connections, row locks
// and advisory locks of their own, as a second process's would. Only the
// in-process state (write()'s savepoint context, caches) is shared, and no
// test here relies on it.

export type Servers = { dbs: Db[]; close: () => Promise<void> };

/** The database `db` is on. */
export async function databaseOf(db: Db): Promise<string> {
  return (await rawRows<{ name: string }>(db, sql`select current_database() as name`))[0].name;
}

/** `count` servers on the database of `db`, each with a pool of `poolSize`. */
export async function serversOn(db: Db, count: number, poolSize = 4): Promise<Servers> {
  const url = databaseUrl(adminUrl(), await databaseOf(db));
  const engines = Array.from({ length: count }, () => new PostgresEngine(createPool(url, { max: poolSize, connectionTimeoutMillis: 20_000, idleTimeoutMillis: 1_000 })));
  return { dbs: engines.map((e) => e.db), close: async () => void (await Promise.all(engines.map((e) => e.close()))) };
}

/** The same work on every server at once, `rounds` times over; each round's results in server order. */
export async function atOnce<T>(servers: Servers, rounds: number, work: (db: Db, server: number, round: number) => Promise<T>): Promise<T[][]> {
  const all: T[][] = [];
  for (let round = 0; round < rounds; round++) all.push(await Promise.all(servers.dbs.map((db, server) => work(db, server, round))));
  return all;
}
