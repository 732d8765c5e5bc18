import { chromium } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
const base = "http://127.0.0.1:3141";
const out = "/tmp/i14-shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const id = Math.random().toString(36).slice(2, 8);
const account = { name: `Shot ${id}`, email: `shot-${id}@example.com`, password: `pass phrase ${id}` };
async function shoot(page, name) {
  for (const [w, scheme] of [[1280, "light"], [390, "light"], [1280, "dark"], [390, "dark"]]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${out}/${name}-${w}-${scheme}.png`, fullPage: true });
    for (const heading of ["two-factor-heading", "sessions-heading"]) {
      const section = page.locator(`section[aria-labelledby="${heading}"]`);
      if (await section.count()) await section.screenshot({ path: `${out}/${name}-${heading}-${w}-${scheme}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await page.goto(`${base}/sign-up`);
await page.getByLabel("Name").fill(account.name);
await page.getByLabel("Email").fill(account.email);
await page.getByLabel("Password").fill("password");
await page.getByRole("button", { name: "Create account" }).click();
await page.locator("#field-password-error").waitFor();
await shoot(page, "signup-common");
await page.getByLabel("Password").fill(account.password);
await page.getByRole("button", { name: "Create account" }).click();
await page.waitForURL(`${base}/`);
const ctx2 = await browser.newContext({ userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1" });
const p2 = await ctx2.newPage();
await p2.goto(`${base}/sign-in`);
await p2.getByLabel("Email").fill(account.email);
await p2.getByLabel("Password").fill(account.password);
await p2.getByRole("button", { name: "Sign in" }).click();
await p2.waitForURL(`${base}/`);
await page.goto(`${base}/settings`);
await shoot(page, "settings-off");
await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
await page.getByTestId("two-factor-secret").waitFor();
await shoot(page, "settings-pending");
const secret = (await page.getByTestId("two-factor-secret").textContent()).replace(/\s/g, "");
const totp = new TOTP({ secret: Secret.fromBase32(secret) });
await page.getByLabel("Enter the 6-digit code the app shows").fill(totp.generate());
await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
await shoot(page, "settings-codes");
await page.getByRole("button", { name: "I have saved my codes" }).click();
await page.getByText(/On since/).waitFor();
await page.getByText("Turn off two-factor sign-in").first().click();
await shoot(page, "settings-on");
await page.getByRole("button", { name: /^End the session on/ }).click();
await page.getByRole("status").filter({ hasText: "Ended" }).waitFor();
await shoot(page, "settings-ended");
await page.getByRole("button", { name: "Sign out", exact: true }).click();
await page.getByLabel("Email").fill(account.email);
await page.getByLabel("Password").fill(account.password);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/sign-in\/code/);
await shoot(page, "code");
await page.getByLabel("Authentication code").fill("000000");
await page.getByRole("button", { name: "Sign in" }).click();
await page.locator("#field-code-error").waitFor();
await shoot(page, "code-error");
await browser.close();
console.log("ok", account.email);
