import { E2E_SMTP_PORT } from "../../playwright.config";
import { createHmac } from "node:crypto";
import { startReceiver } from "../unit/support/http-receiver";
import { startSmtp, type ReceivedMail } from "../unit/support/smtp";
import { expectNoSeriousViolations } from "./support/axe";
import { attemptSignIn, expect, newAccount, signIn, signUp, submitSignUp, test } from "./fixtures";

// The main e2e server sends reminder and password-reset emails to
// 127.0.0.1:E2E_SMTP_PORT (playwright.config.ts); this file listens there
// while it runs, so every test that reads an email lives here. Other
// accounts' digests may arrive too: each test reads only its own account's.

test.describe.configure({ mode: "serial" });

let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  smtp = await startSmtp(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

/** The first email to `address` with this subject, once it has come (polled: the scheduler sends it right after the write). */
async function mailTo(address: string, subject: string): Promise<ReceivedMail> {
  await expect.poll(() => smtp.mails.some((m) => m.to.includes(address) && m.header("Subject") === subject), { timeout: 20_000 }).toBe(true);
  const mail = smtp.mails.find((m) => m.to.includes(address) && m.header("Subject") === subject);
  if (!mail) throw new Error("no mail");
  return mail;
}

/** The link in the email's text (the one-click URL in the header is /api/unsubscribe/…). */
const unsubscribeLink = (mail: ReceivedMail) => mail.raw.replace(/=\r?\n/g, "").match(/http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9._-]+/)?.[0];

test("Settings → Reminders saves its choices, refuses a bad hour beside the field, and sends a test email", async ({ page }) => {
  const account = newAccount("reminders");
  await signUp(page, account);
  await page.goto("/settings#reminders-heading");
  const section = page.getByRole("region", { name: "Reminders" });
  await expect(section.getByLabel(`Email me reminders at ${account.email}`)).toBeChecked();
  await expect(section.getByLabel("Morning digest at")).toHaveValue("8");

  await section.getByLabel("Morning digest at").selectOption({ label: "07:00" });
  await section.getByLabel("Email carries").selectOption("digest");
  await section.getByRole("button", { name: "Save reminders" }).click();
  await expect(section.getByText("Saved. Reminders follow these settings from now on.")).toBeVisible();
  await page.reload();
  await expect(section.getByLabel("Morning digest at")).toHaveValue("7");
  await expect(section.getByLabel("Email carries")).toHaveValue("digest");

  // A hand-made hour the list never offers is answered beside its field.
  await section.getByLabel("Quiet until").evaluate((select: HTMLSelectElement) => {
    select.options[0].value = "99";
    select.value = "99";
  });
  await section.getByRole("button", { name: "Save reminders" }).click();
  await expect(section.getByText("Choose the hour quiet hours end from the list.")).toBeVisible();
  await expect(section.getByLabel("Quiet until")).toHaveAttribute("aria-invalid", "true");

  await section.getByRole("button", { name: "Send a test email" }).click();
  await expect(section.getByText(`A test is on its way to ${account.email}.`, { exact: false })).toBeVisible();
  const mail = await mailTo(account.email, "Shortlist test reminder");
  expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  await expect(section.getByText("None: every reminder so far has gone out, or is on its way.")).toBeVisible();
  await expectNoSeriousViolations(page, "Settings with Reminders");
});

test("an email's unsubscribe link works while signed out, and turns off only that switch", async ({ page, browser }) => {
  const account = newAccount("unsub");
  await signUp(page, account);
  await page.goto("/settings#reminders-heading");
  await page.getByRole("button", { name: "Send a test email" }).click();
  const link = unsubscribeLink(await mailTo(account.email, "Shortlist test reminder"));
  expect(link).toBeTruthy();

  const signedOut = await browser.newContext();
  const stranger = await signedOut.newPage();
  await stranger.goto(link ?? "");
  await expect(stranger.getByRole("heading", { name: "Turn off reminder emails?" })).toBeVisible();
  await expectNoSeriousViolations(stranger, "unsubscribe page");
  // With the keyboard alone.
  await stranger.getByRole("button", { name: "Turn off reminder emails" }).focus();
  await stranger.keyboard.press("Enter");
  await expect(stranger.getByRole("status")).toContainText("Shortlist sends you no more reminder emails");
  // Still signed out: the token did not sign anyone in.
  await stranger.goto("/settings");
  await expect(stranger).toHaveURL(/\/sign-in/);

  await page.reload();
  await expect(page.getByLabel(`Email me reminders at ${account.email}`)).not.toBeChecked();
  await expect(page.getByLabel("Morning digest at")).toHaveValue("8");
  await signedOut.close();
});

test("one-click unsubscribe by POST needs no session; a forged token gets 404", async ({ page, playwright, baseURL }) => {
  const account = newAccount("oneclick");
  await signUp(page, account);
  await page.goto("/settings#reminders-heading");
  await page.getByRole("button", { name: "Send a test email" }).click();
  const mail = await mailTo(account.email, "Shortlist test reminder");
  const oneClick = mail.header("List-Unsubscribe")?.replace(/^<|>$/g, "") ?? "";
  const anonymous = await playwright.request.newContext({ baseURL });
  const token = oneClick.split("/").pop() ?? "";
  const forged = `${token.slice(0, token.lastIndexOf("."))}x${token.slice(token.lastIndexOf("."))}`;
  expect((await anonymous.post(`/api/unsubscribe/${forged}`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);
  expect((await anonymous.get(`/unsubscribe/${forged}`)).status()).toBe(404);
  const answer = await anonymous.post(new URL(oneClick).pathname, { form: { "List-Unsubscribe": "One-Click" } });
  expect(answer.status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel(`Email me reminders at ${account.email}`)).not.toBeChecked();
  await anonymous.dispose();
});

test("a webhook set up in Settings gets a signed test; a bad URL is answered beside its field", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signUp(page, newAccount("hook"));
    await page.goto("/settings#reminders-heading");
    const section = page.getByRole("region", { name: "Reminders" });
    await section.getByLabel("Webhook URL").fill("not a url");
    await section.getByRole("button", { name: "Turn on the webhook" }).click();
    await expect(section.getByText("Enter the webhook URL as a full address starting with https://.")).toBeVisible();
    await expect(section.getByLabel("Webhook URL")).toHaveAttribute("aria-invalid", "true");

    await section.getByLabel("Webhook URL").fill(`${receiver.url}/hook`);
    await section.getByRole("button", { name: "Turn on the webhook" }).click();
    await expect(section.getByText("Saved. Reminders are posted to this webhook too.")).toBeVisible();
    await page.reload();
    const secret = (await section.locator("code").filter({ hasText: /^whsec_/ }).textContent()) ?? "";
    await section.getByRole("button", { name: "Send a test to the webhook" }).click();
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(1);
    const [hook] = receiver.requests;
    expect(hook.headers["x-shortlist-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(hook.body).digest("hex")}`);
    expect(JSON.parse(hook.body)).toMatchObject({ kind: "test", title: "Shortlist test reminder", id: hook.headers["idempotency-key"] });
    await expectNoSeriousViolations(page, "Settings with a webhook");

    await section.getByRole("button", { name: "Turn off the webhook" }).click();
    await expect(section.getByRole("button", { name: "Turn on the webhook" })).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test("the Reminders section and the unsubscribe page at desktop and phone widths", async ({ page, browser }) => {
  const account = newAccount("remshot");
  await signUp(page, account);
  await page.goto("/settings#reminders-heading");
  await page.getByRole("button", { name: "Send a test email" }).click();
  const link = unsubscribeLink(await mailTo(account.email, "Shortlist test reminder"));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole("region", { name: "Reminders" }).screenshot({ path: `test-results/reminders-settings-${width}.png` });
    const context = await browser.newContext({ viewport: { width, height: 700 } });
    const stranger = await context.newPage();
    await stranger.goto(link ?? "");
    await stranger.screenshot({ path: `test-results/unsubscribe-${width}.png` });
    await context.close();
  }
});

test("Forgot password? works end to end with the emailed link: once, ending every session", async ({ page, browser }) => {
  const account = newAccount("forgot");
  await signUp(page, account);
  const signedOut = await browser.newContext();
  const stranger = await signedOut.newPage();
  await stranger.goto("/sign-in");
  await stranger.getByRole("link", { name: "Forgot password?" }).click();
  await expect(stranger.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoSeriousViolations(stranger, "forgot password");
  // An address with no account gets the same answer.
  await stranger.getByLabel("Email").fill(`nobody-${account.email}`);
  await stranger.getByRole("button", { name: "Email me a link" }).click();
  const answer = stranger.getByText("If that address has an account, a link to choose a new password is on its way.", { exact: false });
  await expect(answer).toBeVisible();
  await stranger.getByLabel("Email").fill(account.email);
  await stranger.getByRole("button", { name: "Email me a link" }).click();
  await expect(answer).toBeVisible();

  const mail = await mailTo(account.email, "Reset your Shortlist password");
  const link = mail.raw.replace(/=\r?\n/g, "").match(/http:\/\/127\.0\.0\.1:\d+\/reset-password\/[A-Za-z0-9_-]+/)?.[0] ?? "";
  expect(link).not.toBe("");
  expect(smtp.mails.some((m) => m.to.includes(`nobody-${account.email}`))).toBe(false);
  for (const width of [1280, 390]) {
    await stranger.setViewportSize({ width, height: 800 });
    await stranger.screenshot({ path: `test-results/forgot-password-${width}.png` });
  }

  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoSeriousViolations(stranger, "reset password");
  await stranger.getByLabel("New password", { exact: true }).fill("password");
  await stranger.getByLabel("Repeat new password").fill("password");
  await stranger.getByRole("button", { name: "Set new password" }).click();
  await expect(stranger.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  for (const width of [1280, 390]) {
    await stranger.setViewportSize({ width, height: 800 });
    await stranger.screenshot({ path: `test-results/reset-password-${width}.png` });
  }
  const fresh = `lantern orchard ${account.password}`;
  await stranger.getByLabel("New password", { exact: true }).fill(fresh);
  await stranger.getByLabel("Repeat new password").fill(fresh);
  await stranger.getByRole("button", { name: "Set new password" }).click();
  await expect(stranger.getByText("Your password was reset and every session ended.")).toBeVisible();

  // The session that was open before is over; the new password works; the link does not, twice.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(stranger, { email: account.email, password: fresh });
  await signedOut.clearCookies();
  await stranger.goto(link);
  await expect(stranger.getByText("This link has expired or has been used.")).toBeVisible();
  await signedOut.close();
});

/** The finishing link in a sign-up email. */
const signUpLink = (mail: ReceivedMail) => mail.raw.replace(/=\r?\n/g, "").match(/http:\/\/127\.0\.0\.1:\d+\/sign-up\/finish\/[A-Za-z0-9_-]+/)?.[0] ?? "";

test("sign-up on a server with email: check your inbox, then the emailed link makes the account and signs in, once", async ({ browser }) => {
  const account = newAccount("bymail");
  const context = await browser.newContext();
  const page = await context.newPage();
  await submitSignUp(page, account);
  await expect(page).toHaveURL(/\/sign-up\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectNoSeriousViolations(page, "check your email");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `test-results/sign-up-check-email-${width}.png` });
  }
  // No account until the link is used.
  await attemptSignIn(page, account);
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  const link = signUpLink(await mailTo(account.email, "Finish creating your Shortlist account"));
  expect(link).not.toBe("");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  await expect(page.getByText(`For ${account.email}.`, { exact: false })).toBeVisible();
  await expectNoSeriousViolations(page, "finish sign-up");
  await page.getByLabel("Password").fill("not the one I chose");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.locator("#field-password-error")).toHaveText("That is not the password you chose when you signed up.");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `test-results/sign-up-finish-${width}.png` });
  }
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();

  // Used once: a second visit, signed out, finds it spent.
  const again = await browser.newContext();
  const later = await again.newPage();
  await later.goto(link);
  await expect(later.getByText("This link has expired or has been used.")).toBeVisible();
  await again.close();
  await context.close();
});

test("sign-up with an address that has an account: the same screen, and an email to its owner instead", async ({ page, browser }) => {
  const owner = newAccount("owner");
  await signUp(page, owner);
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await submitSignUp(stranger, { name: "Someone Else", email: owner.email, password: "a different long passphrase" });
  await expect(stranger).toHaveURL(/\/sign-up\/check-email$/);
  const takenScreen = await stranger.locator("main").innerText();
  await submitSignUp(stranger, newAccount("fresh"));
  await expect(stranger).toHaveURL(/\/sign-up\/check-email$/);
  expect(await stranger.locator("main").innerText()).toBe(takenScreen);

  const notice = await mailTo(owner.email, "Someone tried to sign up with your address");
  const text = notice.raw.replace(/=\r?\n/g, "");
  expect(text).toMatch(/Sign in: http:\/\/127\.0\.0\.1:\d+\/sign-in\r?\n/);
  expect(text).toMatch(/Forgot your password\? Choose a new one: http:\/\/127\.0\.0\.1:\d+\/sign-in\/forgot/);
  expect(text).not.toContain("/sign-up/finish/");
  expect(smtp.mails.some((m) => m.to.includes(owner.email) && m.header("Subject") === "Finish creating your Shortlist account")).toBe(false);
  // The owner's account is as it was: still signed in, and the old password still works.
  await page.reload();
  await expect(page.getByRole("heading", { name: `Hello, ${owner.name}` })).toBeVisible();
  await signIn(stranger, owner);
  await expect(stranger.getByRole("heading", { name: `Hello, ${owner.name}` })).toBeVisible();
  await context.close();
});
