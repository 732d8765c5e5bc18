import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.resolve(".e2e-data");
export const E2E_DB_PATH = path.join(E2E_DATA_DIR, "shortlist.db");

// Debian's Chromium where it exists; elsewhere the browser that
// `npx playwright install chromium` downloads.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

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
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  // The production build on a throwaway database, never a developer's own.
  webServer: {
    command: `rm -rf "${E2E_DATA_DIR}" && npx next start -H 127.0.0.1 -p ${PORT}`,
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
    },
  },
});
