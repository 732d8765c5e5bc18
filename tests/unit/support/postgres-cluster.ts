import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openPostgres } from "@/db/postgres/open";
import { adminUrl, databaseUrl, DEFAULT, onPostgres, PER_TEST_PREFIX, TEMPLATE } from "./postgres-url";

// Vitest's globalSetup for a run on Postgres: one throwaway cluster for the
// whole run (or the server SHORTLIST_TEST_DATABASE_URL names), and a migrated
// template database that each test's database is copied from (fast: a file copy).

const BIN = process.env.SHORTLIST_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Postgres refuses to run as root: run its tools as the postgres user then. */
function asPostgres(tool: string, args: string[]): void {
  const command = path.join(BIN, tool);
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

export function startCluster(port: string): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "shortlist", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`;
  asPostgres("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", options, "start"]);
  return () => {
    asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
}

async function recreate(admin: pg.Client, name: string, template?: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (!onPostgres()) return undefined;
  const url = adminUrl();
  const stop = process.env.SHORTLIST_TEST_DATABASE_URL ? undefined : startCluster(new URL(url).port);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await recreate(admin, TEMPLATE);
  const migrated = await openPostgres(databaseUrl(url, TEMPLATE));
  await migrated.close();
  await recreate(admin, DEFAULT, TEMPLATE);
  await admin.end();
  return async () => {
    if (stop) return stop();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [PER_TEST_PREFIX]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await client.end();
  };
}
