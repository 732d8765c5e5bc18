import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { applicationRow } from "./support/db";

test.describe("a second user cannot reach the first user's applications", () => {
  let ownerAppId: string;
  let ownerRowBefore: Record<string, unknown> | undefined;

  test.beforeEach(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, newAccount("owner"));
    ownerAppId = await addApplication(page, { company: "Private Co", roleTitle: "Secret Role", location: "Oslo" });
    ownerRowBefore = applicationRow(ownerAppId);
    await context.close();
  });

  test("by URL: the view and edit pages answer 404, the same as a missing id", async ({ signedIn: page }) => {
    for (const path of [`/applications/${ownerAppId}`, `/applications/${ownerAppId}/edit`, "/applications/no-such-id"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
      await expect(page.getByText("Secret Role")).toHaveCount(0);
    }
    await page.goto("/applications?q=Private");
    await expect(page.getByText("Private Co")).toHaveCount(0);
  });

  test("by posting the edit, archive and delete actions with the owner's id: nothing changes", async ({ signedIn: page }) => {
    const ownId = await addApplication(page, { company: "Mine Ltd", roleTitle: "My Role" });

    // Edit: the user's own form, with the hidden id swapped for the owner's.
    await page.goto(`/applications/${ownId}/edit`);
    await page.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownerAppId);
    await page.getByLabel("Company").fill("Hijacked");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
    expect(applicationRow(ownerAppId)).toEqual(ownerRowBefore);
    expect(applicationRow(ownId)).toMatchObject({ company: "Mine Ltd" });

    // Archive.
    await page.goto(`/applications/${ownId}`);
    await page.locator('form:has(button:text("Archive")) input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownerAppId);
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
    expect(applicationRow(ownerAppId)).toEqual(ownerRowBefore);

    // Delete, through the confirmation dialog.
    await page.goto(`/applications/${ownId}`);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.locator('dialog input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownerAppId);
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
    expect(applicationRow(ownerAppId)).toEqual(ownerRowBefore);
    expect(applicationRow(ownId)).toBeDefined();
  });
});

test("reminder channels are the account's own: another account sees no webhook of theirs, and its own save and removal leave it alone", async ({ browser, signedIn: page }) => {
  const context = await browser.newContext();
  const owner = await context.newPage();
  await signUp(owner, newAccount("hook-owner"));
  await owner.goto("/settings#reminders-heading");
  await owner.getByLabel("Webhook URL").fill("https://owner.example.com/hook");
  await owner.getByRole("button", { name: "Turn on the webhook" }).click();
  await expect(owner.getByText("Saved. Reminders are posted to this webhook too.")).toBeVisible();
  await owner.reload();
  const secret = (await owner.locator("code").filter({ hasText: /^whsec_/ }).textContent()) ?? "";

  await page.goto("/settings#reminders-heading");
  await expect(page.getByLabel("Webhook URL")).toHaveValue("");
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.getByLabel("Webhook URL").fill("https://mine.example.com/hook");
  await page.getByRole("button", { name: "Turn on the webhook" }).click();
  await expect(page.getByText("Saved. Reminders are posted to this webhook too.")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Turn off the webhook" }).click();
  await expect(page.getByRole("button", { name: "Turn on the webhook" })).toBeVisible();

  await owner.reload();
  await expect(owner.getByLabel("Webhook URL")).toHaveValue("https://owner.example.com/hook");
  await expect(owner.getByText(secret)).toBeVisible();
  await context.close();
});
