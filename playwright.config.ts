import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./bench/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
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
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? PORT + 2);
export const SECOND_URL = `http://127.0.0.1:${SECOND_PORT}`;
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
    baseURL: `http://127.0.0.1:${PORT}`,
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
  // The production build on a throwaway database, never a developer's own.
  webServer: [
    {
      command: `rm -rf "${E2E_DATA_DIR}" && node server.mjs -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 60_000,
      // The suite signs up and signs in many accounts from 127.0.0.1: it raises
      // the per-address limits for itself; the per-account ones stay as shipped.
      env: {
        SHORTLIST_DB_PATH: E2E_DB_PATH,
        NEXT_TELEMETRY_DISABLED: "1",
        SHORTLIST_SIGN_UP_ADDRESS_LIMIT: "10000",
        SHORTLIST_SIGN_IN_ADDRESS_LIMIT: "10000",
        SHORTLIST_SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        // The webhook test's receiver listens on 127.0.0.1.
        SHORTLIST_REMINDERS_PRIVATE_NETWORK: "allow",
        SHORTLIST_URL: `http://127.0.0.1:${PORT}`,
      },
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
  ],
});
