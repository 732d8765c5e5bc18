import { attemptSignIn, expect, newAccount, signIn, signUp, test } from "./fixtures";
import { authenticatorFor, nextCode, sessionOf, sessionRows, setUpTwoFactor, signOut } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";

async function enterCode(page: import("@playwright/test").Page, code: string) {
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("two-factor: set up, sign in with a code, a reused code refused, a recovery code once, then off", async ({ signedIn: page, account }) => {
  const { totp, recoveryCodes } = await setUpTwoFactor(page, account.password);
  await expectNoSeriousViolations(page, "settings with recovery codes");
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await expect(page.getByText(/On since/)).toBeVisible();
  await expect(page.getByText("10 of 10 recovery codes are unused.", { exact: false })).toBeVisible();

  // The password alone gives no session: the code step does.
  await signOut(page);
  await attemptSignIn(page, account);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  expect(await sessionOf(page.context())).toBeNull();
  expect(await sessionRows(account.email)).toHaveLength(0);
  await expectNoSeriousViolations(page, "code step");
  const code = nextCode(totp);
  await enterCode(page, code);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();

  // The same code again, on a new sign-in: refused.
  await signOut(page);
  await attemptSignIn(page, account);
  await enterCode(page, code);
  await expect(page.locator("#field-code-error")).toHaveText("That code has already been used. Wait for your app to show the next one.");
  expect(await sessionOf(page.context())).toBeNull();

  // A recovery code instead: it works once.
  await enterCode(page, recoveryCodes[0]);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
  await signOut(page);
  await attemptSignIn(page, account);
  await enterCode(page, recoveryCodes[0]);
  await expect(page.locator("#field-code-error")).toContainText("That code is not right.");
  await enterCode(page, recoveryCodes[1].toUpperCase());
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();

  // Off needs the password and a code.
  await page.goto("/settings");
  await expect(page.getByText("8 of 10 recovery codes are unused.", { exact: false })).toBeVisible();
  await page.getByText("Turn off two-factor sign-in").first().click();
  await page.getByLabel("Your password").fill("not the password");
  await page.locator("#two-factor-off-code").fill(recoveryCodes[2]);
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.locator("#two-factor-off-password-error")).toHaveText("Your password is incorrect.");
  await page.getByLabel("Your password").fill(account.password);
  await page.locator("#two-factor-off-code").fill(recoveryCodes[2]);
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-factor sign-in is off." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();

  await signOut(page);
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
});

test("with two-factor on, posting straight to the credentials endpoint gives no session, with or without a code", async ({ browser, playwright }) => {
  const account = newAccount("direct");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, account);
  const { totp } = await setUpTwoFactor(page, account.password);
  await context.close();
  const before = await sessionRows(account.email);

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const forms: Record<string, string>[] = [
    { csrfToken, email: account.email, password: account.password },
    { csrfToken, email: account.email, password: account.password, code: nextCode(totp) },
    { csrfToken, challenge: "v1.forged.challenge", code: nextCode(totp) },
  ];
  for (const form of forms) {
    const response = await api.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
    expect(response.status(), Object.keys(form).join()).toBe(302);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
    expect((await (await api.get("/api/auth/session")).json()) as unknown).toBeNull();
  }
  expect(await sessionRows(account.email)).toEqual(before);
  await api.dispose();
});

test("the set-up page, with its QR code, passes axe; a wrong password or first code is refused beside its field", async ({ signedIn: page, account }) => {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for adding Shortlist to an authenticator app" })).toBeVisible();
  const totp = await authenticatorFor(page);

  // The session alone is not enough: the right code with a wrong password turns nothing on.
  await page.getByLabel("Enter the 6-digit code the app shows").fill(totp.generate());
  await page.getByLabel("Your password").fill("not the password");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator("#two-factor-setup-password-error")).toHaveText("Your password is incorrect.");
  await expect(page.getByLabel("Your password")).toHaveValue("");

  await page.getByLabel("Enter the 6-digit code the app shows").fill("12345");
  await page.getByLabel("Your password").fill(account.password);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator("#two-factor-setup-code-error")).toContainText("That code is not right.");
  await expectNoSeriousViolations(page, "two-factor set-up with an error");
  await page.getByRole("button", { name: "Cancel set-up" }).click();
  await expect(page.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
});

test("a challenge cookie the password step did not make sends the code step back to the start, not to an error page", async ({ signedIn: page, account }) => {
  await setUpTwoFactor(page, account.password);
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await signOut(page);
  await attemptSignIn(page, account);
  await expect(page).toHaveURL(/\/sign-in\/code/);
  const [real] = (await page.context().cookies()).filter((c) => c.name === "shortlist-sign-in-challenge");
  expect(real?.path).toBe("/sign-in");
  await page.context().addCookies([{ ...real, value: "x".repeat(3000) }]);
  await enterCode(page, "123456");
  await expect(page.getByText("Your sign-in timed out before the code was entered.")).toBeVisible();
  expect(await sessionOf(page.context())).toBeNull();
});
