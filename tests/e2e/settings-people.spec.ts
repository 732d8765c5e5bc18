import { readFileSync } from "node:fs";
import { addApplication, attemptSignIn, expect, newAccount, signUp, test } from "./fixtures";
import { setUpTwoFactor, signOut } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { row, sql } from "./support/db";
import { logRoundWith, peopleOf } from "./support/people";

const HOUR = 3_600_000;
const userRow = async (id: string) => (await row<{ name: string; email: string }>(sql`select name, email from users where id = ${id}`))!;
const userIdOf = async (email: string) => (await row<{ id: string }>(sql`select id from users where email = ${email}`))?.id;

test("Settings: an index of its sections, name and email (the email asking for the password), one message at a time", async ({ signedIn: page, account }) => {
  // A long walk through one page: several saves and two sign-ins.
  test.setTimeout(120_000);
  await page.goto("/settings");
  const index = page.getByRole("navigation", { name: "Settings sections" });
  await index.getByRole("link", { name: "Two-factor sign-in" }).click();
  await expect(page).toHaveURL(/#two-factor-heading$/);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeInViewport();
  await expect(index.getByRole("link")).toHaveText([
    "Account",
    "Time zone",
    "Dates and times",
    "Next-step timings",
    "Reminders",
    "Calendar feed",
    "Password",
    "Two-factor sign-in",
    "Sessions",
    "Access tokens",
    "Your data",
    "Delete account",
  ]);
  await expectNoSeriousViolations(page, "settings");

  // A name alone saves without the password, and the greeting takes the first name.
  const id = (await userIdOf(account.email)) ?? "";
  await page.getByRole("region", { name: "Account", exact: true }).getByLabel("Name").fill("Dana Reyes");
  await page.getByRole("button", { name: "Save name and email" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Saved. Your name is updated.");

  // Another form's answer replaces it: one message on the page, not a pile.
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByTestId("form-message")).toHaveCount(1);
  await expect(page.getByTestId("form-message")).toContainText("Times are now shown in");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Hello, Dana", exact: true })).toBeVisible();

  // A new email needs the current password: none, then a wrong one, then the right one.
  await page.goto("/settings");
  const newEmail = `dana-${Date.now()}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(newEmail);
  await expect(page.getByLabel("Current password")).toBeVisible();
  await page.getByRole("button", { name: "Save name and email" }).click();
  await expect(page.locator("#field-currentPassword-error")).toHaveText("Enter your current password to change your email.");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(newEmail);
  await page.getByLabel("Current password").fill("not the password");
  await page.getByRole("button", { name: "Save name and email" }).click();
  await expect(page.locator("#field-currentPassword-error")).toHaveText("That password is incorrect.");
  expect((await userRow(id)).email).toBe(account.email);
  await expectNoSeriousViolations(page, "settings with an email error");
  await page.getByLabel("Current password").fill(account.password);
  await page.getByRole("button", { name: "Save name and email" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Saved. Sign in with your new email from now on.");
  expect(await userRow(id)).toEqual({ name: "Dana Reyes", email: newEmail });

  await signOut(page);
  await attemptSignIn(page, { email: newEmail, password: account.password });
  await expect(page.getByRole("heading", { name: "Hello, Dana", exact: true })).toBeVisible();
});

test("a second user cannot take the first user's email, and the first still signs in with it", async ({ browser }) => {
  const owner = newAccount("owner");
  const ownerPage = await browser.newPage();
  await signUp(ownerPage, owner);
  const other = newAccount("other");
  const page = await browser.newPage();
  await signUp(page, other);

  await page.goto("/settings");
  await page.getByLabel("Email", { exact: true }).fill(owner.email.toUpperCase());
  await page.getByLabel("Current password").fill(other.password);
  await page.getByRole("button", { name: "Save name and email" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("Another account already uses that email.");
  expect((await userRow((await userIdOf(other.email)) ?? "")).email).toBe(other.email);

  await signOut(ownerPage);
  await attemptSignIn(ownerPage, owner);
  await expect(ownerPage.getByRole("heading", { name: `Hello, ${owner.name}` })).toBeVisible();
  await ownerPage.close();
  await page.close();
});

test("recovery codes download as a text file", async ({ signedIn: page, account }) => {
  const { recoveryCodes } = await setUpTwoFactor(page, account.password);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as a text file" }).click()]);
  expect(download.suggestedFilename()).toBe("shortlist-recovery-codes.txt");
  const text = readFileSync((await download.path()) ?? "", "utf8");
  expect(text.split("\n").filter((line) => recoveryCodes.includes(line))).toEqual(recoveryCodes);
});

test("People suggests “J. Whitfield” might be “James Whitfield” and opens the merge with them chosen", async ({ signedIn: page, account }) => {
  await addApplication(page, { company: "Fernhill", roleTitle: "Platform Engineer", status: "Interviewing" });
  await logRoundWith(page, new Date(Date.now() - 48 * HOUR), [{ name: "J. Whitfield" }]);
  await logRoundWith(page, new Date(Date.now() - 24 * HOUR), [{ name: "James Whitfield", title: "CTO" }, { name: "Omar Haddad" }]);

  await page.goto("/people");
  const hints = page.getByTestId("duplicate-hints");
  await expect(hints).toContainText("J. Whitfield and James Whitfield at Fernhill");
  await expect(hints.getByRole("listitem")).toHaveCount(1);
  await expectNoSeriousViolations(page, "people with a duplicate hint");
  await hints.getByRole("link", { name: "Review merging J. Whitfield into James Whitfield" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "James Whitfield" })).toBeVisible();
  await expect(page.getByLabel("Person to merge into James Whitfield")).toHaveValue((await peopleOf(account.email)).find((p) => p.name === "J. Whitfield")?.id ?? "");
  await page.getByRole("button", { name: "Merge…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Merged J. Whitfield into James Whitfield.");
  expect((await peopleOf(account.email)).map((p) => p.name)).toEqual(["James Whitfield", "Omar Haddad"]);
  await page.goto("/people");
  await expect(page.getByTestId("duplicate-hints")).toHaveCount(0);
});

test("the hints are the signed-in user's own: another user sees none, and a hint link to their person chooses nothing", async ({ signedIn: page, account, browser }) => {
  await addApplication(page, { company: "Fernhill", roleTitle: "Platform Engineer", status: "Interviewing" });
  await logRoundWith(page, new Date(Date.now() - 48 * HOUR), [{ name: "J. Whitfield" }, { name: "James Whitfield" }]);
  const ownersOther = (await peopleOf(account.email)).find((p) => p.name === "J. Whitfield")?.id ?? "";

  const other = newAccount("other");
  const otherPage = await browser.newPage();
  await signUp(otherPage, other);
  await addApplication(otherPage, { company: "Fernhill", roleTitle: "Analyst", status: "Interviewing" });
  await logRoundWith(otherPage, new Date(Date.now() - 24 * HOUR), [{ name: "James Whitfield" }]);
  await otherPage.goto("/people");
  await expect(otherPage.getByTestId("person")).toHaveCount(1);
  await expect(otherPage.getByTestId("duplicate-hints")).toHaveCount(0);

  // Their own person's page, with the owner's person id as the suggestion: nothing is chosen, nothing revealed.
  const mine = (await peopleOf(other.email))[0].id;
  await otherPage.goto(`/people/${mine}?merge=${ownersOther}`);
  await expect(otherPage.getByText("There is no one else to merge with yet.")).toBeVisible();
  await expect(otherPage.getByText("J. Whitfield")).toHaveCount(0);
  // And the owner's person page itself is a 404 to them.
  const response = await otherPage.goto(`/people/${ownersOther}`);
  expect(response?.status()).toBe(404);
  await otherPage.close();
});
