import { Secret, TOTP } from "otpauth";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { rows, sql } from "./db";

/** The user's session records, as the server keeps them. */
export function sessionRows(email: string): Promise<{ id: string; last_seen_at: number }[]> {
  return rows(sql`select s.id, s.last_seen_at from sessions s join users u on u.id = s.user_id where u.email = ${email} order by s.created_at`);
}

/** What /api/auth/session says for a context's cookies: null when it has no session. */
export async function sessionOf(context: BrowserContext): Promise<unknown> {
  return (await context.request.get("/api/auth/session")).json();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** What an authenticator app makes of the secret shown on a set-up page. */
export async function authenticatorFor(page: Page): Promise<TOTP> {
  const secret = (await page.getByTestId("two-factor-secret").textContent())?.replace(/\s/g, "") ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
}

/**
 * Sets up two-factor sign-in from Settings as a person would, reading the
 * secret off the page. Codes are computed here with the same library the app
 * uses (otpauth), as an authenticator app would.
 */
export async function setUpTwoFactor(page: Page, password: string): Promise<{ totp: TOTP; recoveryCodes: string[] }> {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const totp = await authenticatorFor(page);
  await page.getByLabel("Enter the 6-digit code the app shows").fill(totp.generate());
  await page.getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeFocused();
  const recoveryCodes = await page.getByTestId("recovery-code").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  return { totp, recoveryCodes };
}

/** The code an app shows one step (30 s) on: never the step the last code used. */
export const nextCode = (totp: TOTP, steps = 1) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
