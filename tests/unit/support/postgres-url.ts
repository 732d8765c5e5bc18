// Where the unit tests' Postgres is, when they run on it (SHORTLIST_TEST_ENGINE=postgres):
// SHORTLIST_TEST_DATABASE_URL names a server to use (its role must be allowed to
// create databases); otherwise a throwaway cluster is started on SHORTLIST_TEST_PG_PORT.

export const onPostgres = (env: NodeJS.ProcessEnv = process.env) => env.SHORTLIST_TEST_ENGINE === "postgres";

/** The server's maintenance database, from which the tests' databases are created. */
export function adminUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHORTLIST_TEST_DATABASE_URL ?? `postgres://shortlist@127.0.0.1:${env.SHORTLIST_TEST_PG_PORT ?? "55432"}/postgres`;
}

/** The same server, another database. */
export function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Migrated once per run; every test's database is a copy of it. */
export const TEMPLATE = "shortlist_template";
/** What DATABASE_URL points at in the tests: code that opens "the" database (getDb) finds a migrated one. */
export const DEFAULT = "shortlist_test_default";
/** The prefix of the per-test databases, dropped at the end of a run. */
export const PER_TEST_PREFIX = "shortlist_t_";
