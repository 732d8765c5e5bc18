import { randomUUID } from "node:crypto";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { instant, run, sql } from "./support/db";

export type Account = { name: string; email: string; password: string };

export function newAccount(label = "user"): Account {
  const id = randomUUID().slice(0, 8);
  // One word, so the greeting's first name ("Hello, Dana") is the whole name here.
  return { name: `${label}-${id}`, email: `${label}-${id}@example.com`, password: `pass phrase ${id}` };
}

/**
 * A new account, signed in on `page`. The e2e server sends email, so its
 * sign-up form ends at "Check your email", and the account is made from the
 * emailed link: tests/e2e/reminders.spec.ts follows that whole way. Every
 * other test needs an account, not the form, so the account is written to
 * the database as the link's finishing step writes it (lib/data/
 * sign-up-requests.ts#finishSignUp: the name, the email, the password's
 * hash and the browser's zone), and signed in through the real sign-in form.
 * As fast as the old sign-up through the form (one hash, one sign-in), and
 * no test waits on an email it does not check.
 */
export async function signUp(page: Page, account: Account) {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone).catch(() => null);
  const passwordHash = await hashPassword(account.password);
  await run(
    sql`insert into users (id, email, name, password_hash, time_zone, created_at)
        values (${randomUUID()}, ${account.email}, ${account.name}, ${passwordHash}, ${timeZone}, ${instant(new Date())})`,
  );
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
}

/** Fills in and sends the sign-up form, whatever the outcome. */
export async function submitSignUp(page: Page, account: Account) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up through the form on a server that sends no email (the fault server), where it makes the account and signs in at once. */
export async function signUpWithoutEmail(page: Page, account: Account) {
  await submitSignUp(page, account);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
}

/** Submits the sign-in form, whatever the outcome. */
export async function attemptSignIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await attemptSignIn(page, account);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export type NewApplication = { company: string; roleTitle: string; status?: string; location?: string };

/** Adds an application through the form and returns its id from the URL. */
export async function addApplication(page: Page, app: NewApplication): Promise<string> {
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill(app.company);
  await page.getByLabel("Role title").fill(app.roleTitle);
  if (app.location) await page.getByLabel("Location (optional)").fill(app.location);
  if (app.status) await page.getByLabel("Status").selectOption({ label: app.status });
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: app.roleTitle })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop();
  if (!id) throw new Error(`no id in ${page.url()}`);
  return id;
}

/**
 * Set by tests/e2e/hours.mjs (npm run test:hours): the instant this run's
 * clocks were moved to. The servers and this runner then read the time
 * through libfaketime, all with one offset; Chromium is left out of it (it
 * runs many times slower under libfaketime), so each browser context gets
 * the runner's time, fixed, through Playwright's clock as it opens.
 */
const CLOCK_AT = process.env.E2E_CLOCK_AT ? new Date(process.env.E2E_CLOCK_AT) : undefined;

/** Every context this browser opens (the test's own, and any a test opens itself) reads the runner's time. */
function fixBrowserClock(browser: Browser) {
  const newContext = browser.newContext.bind(browser);
  // Browser.newPage opens its context through newContext too.
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.clock.setFixedTime(Date.now());
    return context;
  };
}

/**
 * Refuses to run when a clock is not where test:hours put it: the runner's
 * own (libfaketime), the server's (its Date header) and the browser's.
 */
async function checkClocks(browser: Browser, baseURL: string, at: Date) {
  const runner = Date.now();
  if (runner < at.getTime() - 60_000 || runner > at.getTime() + 3 * 3_600_000) {
    throw new Error(`the runner's clock reads ${new Date(runner).toISOString()}, not the run's ${at.toISOString()}: is libfaketime loaded?`);
  }
  const served = Date.parse((await fetch(`${baseURL}/health`)).headers.get("date") ?? "");
  if (!(Math.abs(served - Date.now()) < 30_000)) throw new Error(`the server's clock reads ${new Date(served).toISOString()}, the runner's ${new Date().toISOString()}`);
  const page = await browser.newPage();
  const shown = await page.evaluate(() => Date.now());
  await page.close();
  if (Math.abs(shown - Date.now()) > 30_000) throw new Error(`the browser's clock reads ${new Date(shown).toISOString()}, the runner's ${new Date().toISOString()}`);
}

/** A page already signed in as a fresh account of its own. */
export const test = base.extend<{ account: Account; signedIn: Page }, { runClock: void }>({
  runClock: [
    async ({ browser }, provide, workerInfo) => {
      if (CLOCK_AT) {
        fixBrowserClock(browser);
        await checkClocks(browser, String(workerInfo.project.use.baseURL), CLOCK_AT);
      }
      await provide();
    },
    { scope: "worker", auto: true },
  ],
  account: async ({}, provide) => {
    await provide(newAccount());
  },
  signedIn: async ({ page, account }, provide) => {
    await signUp(page, account);
    await provide(page);
  },
});

export { expect };
