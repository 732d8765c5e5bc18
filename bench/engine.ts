// The bench's own access to the database beside the server, on either
// engine: raw SQL with `?` placeholders (numbered for Postgres), for the
// seeding, the floor and the writes the after-write timings make. And, for
// `--engine postgres`, a throwaway PostgreSQL cluster, started as the
// postgres user when run as root (Postgres refuses root).
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type EngineName = "sqlite" | "postgres";

export type BenchDb = {
  engine: EngineName;
  all: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  run: (sql: string, params?: unknown[]) => Promise<number>;
  /** Runs `work` in one transaction. */
  transaction: <T>(work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/** Marks the bench's own statements, so pg_stat_statements' counts of the server's can leave them out. */
export const BENCH_MARK = "/* bench */";

/** Postgres numbers its placeholders: the bench's SQL is written with SQLite's `?`. */
export function numbered(sql: string): string {
  let n = 0;
  return `${BENCH_MARK} ${sql.replace(/\?/g, () => `$${++n}`)}`;
}

/** The current whole second, as each engine stores an instant. */
export const nowExpression = (engine: EngineName) => (engine === "sqlite" ? "unixepoch()" : "date_trunc('second', now())");

export function sqliteBenchDb(file: string): BenchDb & { sqlite: Database.Database } {
  const sqlite = new Database(file);
  sqlite.pragma("busy_timeout = 5000");
  const cache = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  return {
    engine: "sqlite",
    sqlite,
    all: async <T>(sql: string, params: unknown[] = []) => statement(sql).all(...params) as T[],
    run: async (sql, params = []) => statement(sql).run(...params).changes,
    transaction: async (work) => {
      sqlite.exec("begin immediate");
      try {
        const result = await work();
        sqlite.exec("commit");
        return result;
      } catch (error) {
        sqlite.exec("rollback");
        throw error;
      }
    },
    close: async () => void sqlite.close(),
  };
}

export async function postgresBenchDb(url: string): Promise<BenchDb & { client: pg.Client }> {
  const client = new pg.Client({ connectionString: url, application_name: "shortlist-bench" });
  await client.connect();
  const names = new Map<string, string>();
  const query = (sql: string, values: unknown[]) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `bench_${names.size + 1}`));
    return client.query({ name, text: numbered(sql), values });
  };
  return {
    engine: "postgres",
    client,
    // Named by their text, so each is parsed and planned once per connection, as better-sqlite3's prepared statements are.
    all: async <T>(sql: string, params: unknown[] = []) => (await query(sql, params)).rows as T[],
    run: async (sql, params = []) => (await query(sql, params)).rowCount ?? 0,
    transaction: async (work) => {
      await client.query("begin");
      try {
        const result = await work();
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback");
        throw error;
      }
    },
    close: () => client.end(),
  };
}

const BIN = process.env.SHORTLIST_PG_BIN ?? "/usr/lib/postgresql/15/bin";

function asPostgres(tool: string, args: string[]): void {
  const command = path.join(BIN, tool);
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

export type Cluster = { url: (database: string) => string; stop: () => void; dir: string };

/**
 * A throwaway cluster on 127.0.0.1:`port`, with Postgres' own durable
 * defaults (fsync and synchronous commit on), as the SQLite side keeps
 * synchronous=FULL: a commit waits for its WAL flush on both. Statistics of
 * every statement are kept (pg_stat_statements), for the round-trip count.
 */
export function startCluster(port: number): Cluster {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "shortlist", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all`;
  asPostgres("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", options, "start"]);
  let stopped = false;
  return {
    dir,
    url: (database) => `postgres://shortlist@127.0.0.1:${port}/${database}`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates `name` on the cluster, empty. */
export async function createDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return cluster.url(name);
}
