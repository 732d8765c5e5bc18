import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./bench/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * The engine the servers run on. "postgres" (npm run test:e2e:postgres) runs
 * the suite once more the way a host runs Shortlist: two servers from the one
 * build on one Postgres database, behind nginx, round-robin, so consecutive
 * requests of a test reach different servers (tests/e2e/support/postgres-stack.ts
 * starts all of it). Otherwise the SQLite file, as a self-hoster runs it.
 */
export const E2E_ENGINE: "sqlite" | "postgres" = process.env.E2E_ENGINE === "postgres" ? "postgres" : "sqlite";
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 55433);
/** The database both servers of the Postgres run share, on a throwaway cluster. */
export const E2E_DATABASE_URL = `postgres://shortlist@127.0.0.1:${PG_PORT}/shortlist_e2e`;
export const E2E_DATA_DIR = path.resolve(".e2e-data");
export const E2E_DB_PATH = path.join(E2E_DATA_DIR, "shortlist.db");
// A second server whose database a test can fill (tests/e2e/support/full-disk.mjs),
// so that full-disk behaviour is seen through the real forms while the rest
// of the suite runs on a healthy server.
const FAULT_PORT = Number(process.env.E2E_FAULT_PORT ?? PORT + 1);
export const FAULT_URL = `http://127.0.0.1:${FAULT_PORT}`;
export const FAULT_DATA_DIR = path.resolve(".e2e-faults");
export const FAULT_DB_PATH = path.join(FAULT_DATA_DIR, "shortlist.db");
/** While this file exists, the second server's database is full. */
export const FULL_DISK_SWITCH = path.join(FAULT_DATA_DIR, "disk-full");
// Another process on the main server's database, as when several run
// behind one proxy: what one writes, the other must show at once, whatever
// either has cached (tests/e2e/two-processes.spec.ts).
// On Postgres the two are the servers behind nginx, each also reached
// directly: FIRST_URL on the port the fault server has on SQLite.
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? PORT + 2);
export const SECOND_URL = `http://127.0.0.1:${SECOND_PORT}`;
export const FIRST_URL = E2E_ENGINE === "postgres" ? `http://127.0.0.1:${PORT + 1}` : `http://127.0.0.1:${PORT}`;
/** Where the browser goes: the one server on SQLite, nginx in front of both on Postgres. */
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// Where the main server sends reminder emails: tests/e2e/reminders.spec.ts
// listens there with an SMTP server of its own while it runs.
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 3);

// Debian's Chromium where it exists; elsewhere the browser that
// `npx playwright install chromium` downloads.

/** The environment without libfaketime's preload and settings. */
function withoutFaketime(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept = Object.entries(env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith("FAKETIME") && !(entry[0] === "LD_PRELOAD" || entry[0] === "DYLD_INSERT_LIBRARIES"),
  );
  return Object.fromEntries(kept);
}

/**
 * What the suite's main server runs with (on Postgres, both servers). The
 * suite signs up and signs in many accounts from 127.0.0.1: it raises the
 * per-address limits for itself; the per-account ones stay as shipped.
 */
export const MAIN_SERVER_ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  SHORTLIST_SIGN_UP_ADDRESS_LIMIT: "10000",
  SHORTLIST_SIGN_IN_ADDRESS_LIMIT: "10000",
  SHORTLIST_SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  // The webhook test's receiver listens on 127.0.0.1.
  SHORTLIST_REMINDERS_PRIVATE_NETWORK: "allow",
  SHORTLIST_URL: BASE_URL,
};

/** The servers, the nginx in front and their ports on Postgres (the cluster is on E2E_PG_PORT). */
export const POSTGRES_STACK = { proxyPort: PORT, serverPorts: [PORT + 1, SECOND_PORT] };

// The production build on a throwaway database, never a developer's own.
const SQLITE_SERVERS: { command: string; url: string; reuseExistingServer: boolean; timeout: number; env: Record<string, string> }[] = [
  {
    command: `rm -rf "${E2E_DATA_DIR}" && node server.mjs -H 127.0.0.1 -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { SHORTLIST_DB_PATH: E2E_DB_PATH, ...MAIN_SERVER_ENV },
  },
  {
    // Started once the first is up, so its rm -rf cannot pull the database from under this one.
    command: `until curl -sf -o /dev/null http://127.0.0.1:${PORT}/health; do sleep 0.5; done; node server.mjs -H 127.0.0.1 -p ${SECOND_PORT}`,
    url: `${SECOND_URL}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      SHORTLIST_DB_PATH: E2E_DB_PATH,
      NEXT_TELEMETRY_DISABLED: "1",
      SHORTLIST_SIGN_UP_ADDRESS_LIMIT: "10000",
      SHORTLIST_SIGN_IN_ADDRESS_LIMIT: "10000",
    },
  },
  {
    command: `rm -rf "${FAULT_DATA_DIR}" && node --import ./tests/e2e/support/full-disk.mjs server.mjs -H 127.0.0.1 -p ${FAULT_PORT}`,
    url: `${FAULT_URL}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // A 1 MB document quota, so that filling it takes a small upload (tests/e2e/faults.spec.ts).
    env: { SHORTLIST_DB_PATH: FAULT_DB_PATH, SHORTLIST_FAULT_SWITCH: FULL_DISK_SWITCH, NEXT_TELEMETRY_DISABLED: "1", SHORTLIST_DOCUMENT_QUOTA_MB: "1" },
  },
];

/**
 * Left out of the Postgres run, each for a reason of SQLite's own:
 * - faults.spec.ts: its server's disk is made full by patching better-sqlite3
 *   (support/full-disk.mjs); on Postgres the database is another process, and
 *   a storage failure there is the unit tests' (db/postgres/errors.ts).
 * - security-headers-direct.spec.ts: it plays a TLS proxy itself (X-Forwarded-Proto)
 *   and checks the host a server reached directly names; nginx sets those itself.
 * And round-robin.spec.ts is Postgres-only: on SQLite there is no proxy.
 */
const SQLITE_ONLY = ["**/faults.spec.ts", "**/security-headers-direct.spec.ts"];
const POSTGRES_ONLY = ["**/round-robin.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    // Every test reads dates as a British browser in UTC would, whatever the
    // machine says; a test of another locale opens its own context.
    locale: "en-GB",
    timezoneId: process.env.E2E_TIME_ZONE ?? "UTC",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
      // Under test:hours (tests/e2e/hours.mjs) Chromium goes without libfaketime: its
      // pages get the time through Playwright's clock instead (fixtures.ts).
      ...(process.env.E2E_CLOCK_AT ? { env: withoutFaketime(process.env) } : {}),
    },
  },
  testIgnore: E2E_ENGINE === "postgres" ? SQLITE_ONLY : POSTGRES_ONLY,
  ...(E2E_ENGINE === "postgres" ? { globalSetup: "./tests/e2e/support/postgres-stack.ts" } : { webServer: SQLITE_SERVERS }),
});
