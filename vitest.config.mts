import path from "node:path";
import { defineConfig } from "vitest/config";
import { adminUrl, databaseUrl, DEFAULT, onPostgres } from "./tests/unit/support/postgres-url";

// `npm run test:unit:postgres` (SHORTLIST_TEST_ENGINE=postgres): the same tests on a
// throwaway Postgres cluster (tests/unit/support/postgres-cluster.ts).
const postgres = onPostgres();

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; unit tests
      // call the data layer directly.
      "server-only": path.resolve(import.meta.dirname, "tests/unit/support/server-only-stub.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // Postgres' own engine tests (pool, advisory locks, start-up) need a server: they run with test:unit:postgres.
    exclude: postgres ? [] : ["tests/unit/postgres/**"],
    environment: "node",
    testTimeout: 20_000,
    // Sealing (TOTP secrets, sign-in challenges) derives its keys from this;
    // without it the app would write a generated secret beside the database.
    // The same for the Web Push (VAPID) key pair: a pair made for the tests alone.
    env: {
      AUTH_SECRET: "unit-tests-only-secret",
      SHORTLIST_VAPID_PUBLIC_KEY: "BBk_eoGWH3Otj_jPl7jpRFaYoipvUDRaF2FJ802tJwOTTk7m-56hoB6DKIfHeJAPfm9A5ipfdW9JWOvvVvs8vvI",
      SHORTLIST_VAPID_PRIVATE_KEY: "PYo5zUcfabZWd-b_5jgx3kiQvKzYHGQrzGjh4ln55qc",
      ...(postgres ? { DATABASE_URL: databaseUrl(adminUrl(), DEFAULT) } : {}),
    },
    globalSetup: postgres ? ["tests/unit/support/postgres-cluster.ts"] : [],
  },
});
