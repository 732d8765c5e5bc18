import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { applicationRow, ownedRows, row, sql } from "./support/db";
import { pdfFile, uploadDocument } from "./support/documents";

test.describe("a second user cannot reach the first user's applications", () => {
  let ownerAppId: string;
  let ownerRowBefore: Record<string, unknown> | undefined;

  test.beforeEach(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, newAccount("owner"));
    ownerAppId = await addApplication(page, { company: "Private Co", roleTitle: "Secret Role", location: "Oslo" });
    ownerRowBefore = await applicationRow(ownerAppId);
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
    expect(await applicationRow(ownerAppId)).toEqual(ownerRowBefore);
    expect(await applicationRow(ownId)).toMatchObject({ company: "Mine Ltd" });

    // Archive.
    await page.goto(`/applications/${ownId}`);
    await page.locator('form:has(button:text("Archive")) input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownerAppId);
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
    expect(await applicationRow(ownerAppId)).toEqual(ownerRowBefore);

    // Delete, through the confirmation dialog.
    await page.goto(`/applications/${ownId}`);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.locator('dialog input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownerAppId);
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
    expect(await applicationRow(ownerAppId)).toEqual(ownerRowBefore);
    expect(await applicationRow(ownId)).toBeDefined();
  });
});

test.describe("a second user cannot reach the first user's documents", () => {
  const owner = newAccount("owner");
  let versionId: string;
  let documentId: string;
  let attachmentId: string;
  let ownerRows: Record<string, unknown[]>;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, owner);
    await uploadDocument(page, { name: "Owner CV", file: pdfFile("owner-cv") });
    await addApplication(page, { company: "Private Co", roleTitle: "Secret Role" });
    const sent = page.getByRole("region", { name: "Documents sent" });
    await sent.getByLabel("Document").selectOption({ label: "Owner CV — v1 (owner-cv.pdf)" });
    await sent.getByRole("button", { name: "Attach" }).click();
    await expect(sent.getByTestId("sent-documents")).toBeVisible();
    ({ versionId, documentId, attachmentId } = (await row<{ versionId: string; documentId: string; attachmentId: string }>(
      sql`select v.id "versionId", v.document_id "documentId", a.id "attachmentId"
          from document_versions v join document_attachments a on a.version_id = v.id join users u on u.id = v.user_id where u.email = ${owner.email}`,
    ))!);
    ownerRows = await ownedRows(owner.email);
    await context.close();
  });

  test("by URL: the file answers 404, the same as a missing one, and the library shows nothing of it", async ({ signedIn: page }) => {
    for (const path of [`/documents/files/${versionId}`, "/documents/files/no-such-id"]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).not.toContain("%PDF");
    }
    await page.goto("/documents");
    await expect(page.getByTestId("documents-empty")).toBeVisible();
    await expect(page.getByText("Owner CV")).toHaveCount(0);
    const zip = await page.request.get("/export/json");
    expect(JSON.stringify(await zip.json())).not.toContain("Owner CV");
  });

  test("by every action with the owner's ids: a new version, attach, remove and delete all answer 404, and nothing changes", async ({ signedIn: page }) => {
    const upload = await page.request.post("/documents/upload", {
      multipart: { documentId, file: { name: "hijack.pdf", mimeType: "application/pdf", buffer: pdfFile("hijack").buffer } },
    });
    expect(upload.status()).toBe(404);

    await uploadDocument(page, { name: "Mine", file: pdfFile("mine") });
    const ownApp = await addApplication(page, { company: "Mine Ltd", roleTitle: "My Role" });

    // Attach: the user's own form, with the owner's version slipped into the list.
    const sent = page.getByRole("region", { name: "Documents sent" });
    await sent.getByLabel("Document").evaluate((el, id) => {
      const select = el as HTMLSelectElement;
      select.add(new Option("theirs", id));
      select.value = id;
    }, versionId);
    await sent.getByRole("button", { name: "Attach" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();

    // Remove: the user's own attachment's button, pointed at the owner's.
    await page.goto(`/applications/${ownApp}`);
    await sent.getByLabel("Document").selectOption({ label: "Mine — v1 (mine.pdf)" });
    await sent.getByRole("button", { name: "Attach" }).click();
    await page.locator('input[name="attachmentId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), attachmentId);
    await sent.getByRole("button", { name: "Remove Mine version 1" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();

    // Delete, through the confirmation dialog.
    await page.goto("/documents");
    await page.getByRole("button", { name: "Delete Mine" }).click();
    await page.locator('dialog[open] input[name="documentId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), documentId);
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();

    expect(await ownedRows(owner.email)).toEqual(ownerRows);
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
