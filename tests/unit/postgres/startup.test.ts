import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/postgres/open";
import { openCheckedPostgres } from "@/db/postgres/startup";
import { adminUrl, databaseUrl } from "../support/postgres-url";

// Starting on Postgres: migrations under a lock, SHORTLIST_MIGRATE=manual,
// and one line for a database that cannot be used.

const admin = new pg.Pool({ connectionString: adminUrl(), max: 1 });
afterAll(() => admin.end());

let made = 0;
async function emptyDatabase(): Promise<string> {
  const name = `shortlist_t_start_${process.pid}_${++made}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  return databaseUrl(adminUrl(), name);
}

function withEnv<T>(env: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  return run().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

describe("opening Postgres", () => {
  it("migrates once when several servers start at once", async () => {
    const url = await emptyDatabase();
    const opened = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    await Promise.all(opened.map((o) => o.close()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>("select count(*)::text as n from drizzle.__drizzle_migrations");
    const triggers = await client.query<{ n: string }>("select count(*)::text as n from pg_trigger where not tgisinternal");
    await client.end();
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(2);
    expect(Number(rows[0].n)).toBe((await import("drizzle-orm/migrator")).readMigrationFiles({ migrationsFolder: "db/migrations-postgres" }).length);
    expect(Number(triggers.rows[0].n)).toBeGreaterThan(20);
  });

  it("with SHORTLIST_MIGRATE=manual, refuses an older schema in one line saying what to run, and starts once migrated", async () => {
    const url = await emptyDatabase();
    const error = await withEnv({ SHORTLIST_MIGRATE: "manual" }, () => openCheckedPostgres(url)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DatabaseStartError" });
    expect((error as Error).message).toMatch(/^Shortlist can't start: .*0 of \d+ migrations applied.*npm run db:migrate/);
    expect((error as Error).message).not.toContain("\n");
    await (await openPostgres(url)).close();
    const opened = await withEnv({ SHORTLIST_MIGRATE: "manual" }, () => openCheckedPostgres(url));
    await opened.close();
  });

  it("stops the start in one line when the server is down, refuses the role, or the database is missing", async () => {
    const down = await openCheckedPostgres("postgres://shortlist@127.0.0.1:1/shortlist").catch((e: unknown) => e);
    expect((down as Error).message).toMatch(/^Shortlist can't start: the database server for shortlist@127\.0\.0\.1:1\/shortlist could not be reached \(ECONNREFUSED/);
    const role = new URL(adminUrl());
    role.username = "nobody_here";
    const refused = await openCheckedPostgres(role.toString()).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/^Shortlist can't start: the database server refused the credentials for nobody_here@/);
    const missing = await openCheckedPostgres(databaseUrl(adminUrl(), "no_such_database")).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/^Shortlist can't start: the database .*no_such_database does not exist/);
    for (const error of [down, refused, missing]) expect((error as Error).message).not.toContain("\n");
  });

  it("requires AUTH_SECRET, with a clear line", async () => {
    const url = await emptyDatabase();
    const error = await withEnv({ AUTH_SECRET: undefined }, () => openCheckedPostgres(url)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Shortlist can't start: AUTH_SECRET must be set when DATABASE_URL points at Postgres/);
  });
});
