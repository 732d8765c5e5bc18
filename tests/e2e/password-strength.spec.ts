import { expect, newAccount, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";

test("sign-up refuses a guessable password beside the field, with its reason, and keeps what was typed", async ({ page }) => {
  const account = newAccount("weak");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("letmein123");
  await page.getByRole("button", { name: "Create account" }).click();

  const password = page.getByLabel("Password");
  const reason = page.locator("#field-password-error");
  await expect(reason).toHaveText(/too easy to guess: a common word with digits added is guessed quickly/);
  // Beside the field, and tied to it for screen readers.
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAttribute("aria-describedby", /field-password-error/);
  // Never echoed back; the rest of the form is kept.
  await expect(password).toHaveValue("");
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expectNoSeriousViolations(page, "sign-up with a weak password");

  // The site's own name counts as guessable too.
  await password.fill("Shortlist123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(reason).toHaveText(/your name, your email or this site's name/);

  // A good one is taken; this server sends email, so the account is finished from the inbox (reminders.spec.ts).
  await password.fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});
