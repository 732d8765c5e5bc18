import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

export function newAccount(label = "user"): Account {
  const id = randomUUID().slice(0, 8);
  // One word, so the greeting's first name ("Hello, Dana") is the whole name here.
  return { name: `${label}-${id}`, email: `${label}-${id}@example.com`, password: `pass phrase ${id}` };
}

export async function signUp(page: Page, account: Account) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
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

/** A page already signed in as a fresh account of its own. */
export const test = base.extend<{ account: Account; signedIn: Page }>({
  account: async ({}, provide) => {
    await provide(newAccount());
  },
  signedIn: async ({ page, account }, provide) => {
    await signUp(page, account);
    await provide(page);
  },
});

export { expect };
