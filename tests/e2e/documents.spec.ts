import { readFileSync } from "node:fs";
import { addApplication, expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { tableRows } from "./support/analytics";
import { libraryOf, pdfFile, uploadDocument } from "./support/documents";
import { DAY, logRound } from "./support/timeline";

const PNG = { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) };

test("the round trip: upload, a new version, sent with a new application, downloaded back byte for byte", async ({ signedIn: page, account }) => {
  await page.goto("/documents");
  await expect(page.getByTestId("documents-empty")).toBeVisible();
  await expect(page.getByTestId("document-quota")).toHaveText("0 MB of 200 MB used");
  await expectNoSeriousViolations(page, "the empty library");

  await uploadDocument(page, { name: "CV", file: pdfFile("cv-v1") });
  const second = pdfFile("cv-v2", 40_000, "ana-cv.pdf");
  const card = page.getByRole("article", { name: "CV" });
  await card.getByText("Upload a new version").click();
  await card.getByLabel("New version of CV").setInputFiles(second);
  await card.getByRole("button", { name: "Upload new version" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved as version 2 of CV.");
  await expect(card.getByTestId("document-version")).toHaveCount(2);
  await expect(card.getByTestId("document-version").first()).toContainText("v2 ana-cv.pdf");
  await expect(page.getByTestId("document-quota")).toContainText("of 200 MB used");
  await expectNoSeriousViolations(page, "the library with a document");

  // Named as sent on the new-application form.
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("Acme");
  await page.getByLabel("Role title").fill("Engineer");
  await page.getByLabel("Document sent (optional)").selectOption({ label: "CV — v2 (ana-cv.pdf)" });
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Engineer" })).toBeVisible();
  const sent = page.getByRole("region", { name: "Documents sent" });
  await expect(sent.getByTestId("sent-documents")).toContainText("CV — v2");

  // Downloaded back: the same bytes, only ever as an attachment.
  const [download] = await Promise.all([page.waitForEvent("download"), sent.getByRole("link", { name: "Download CV version 2" }).click()]);
  expect(download.suggestedFilename()).toBe("ana-cv.pdf");
  expect(readFileSync(await download.path()).equals(second.buffer)).toBe(true);
  const href = await sent.getByRole("link", { name: "Download CV version 2" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="ana-cv.pdf"; filename*=UTF-8''ana-cv.pdf`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  });

  // Version 1 presented at a round: shown on the round, with its download.
  await logRound(page, { kind: "First interview", startsAt: new Date(Date.now() - 2 * DAY), duration: "45" });
  await sent.getByLabel("Document").selectOption({ label: "CV — v1 (cv-v1.pdf)" });
  await sent.getByLabel("Sent with").selectOption({ label: "Round 1 · First interview" });
  await sent.getByRole("button", { name: "Attach" }).click();
  const round = page.getByRole("article", { name: /Round 1/ });
  await expect(round.getByTestId("sent-documents")).toContainText("Presented at this round");
  await expect(round.getByRole("link", { name: "Download CV version 1" })).toBeVisible();
  await expectNoSeriousViolations(page, "an application with documents sent");
  expect(await libraryOf(account.email)).toEqual([
    { name: "CV", number: 1, file_name: "cv-v1.pdf", size: pdfFile("cv-v1").buffer.length, attached: 1 },
    { name: "CV", number: 2, file_name: "ana-cv.pdf", size: 40_000, attached: 1 },
  ]);

  // Analytics: the CV version sent, with its sample size marked small.
  await page.goto("/analytics");
  await expect(page.getByTestId("cv-versions-table")).toBeVisible();
  expect(await tableRows(page, "cv-versions-table")).toEqual([["CV — v2", "1small sample", "100% (1 of 1)", "100% (1 of 1)"]]);
  await expectNoSeriousViolations(page, "analytics with outcomes by CV version");

  // Taken off the application: the file stays in the library.
  await page.goBack();
  await sent.getByRole("button", { name: "Remove CV version 2" }).click();
  await expect(sent.getByTestId("no-sent-documents")).toBeVisible();
  expect(await libraryOf(account.email)).toHaveLength(2);
});

test("refused beside the field, with nothing saved: wrong bytes, an empty file, a path or a control character in the name", async ({ signedIn: page, account }) => {
  await page.goto("/documents");
  const form = page.getByTestId("upload-form");
  const fileError = form.locator("#" + (await form.getByLabel("File").getAttribute("id")) + "-error");
  const nameError = form.locator("#" + (await form.getByLabel("Name").getAttribute("id")) + "-error");

  await form.getByLabel("Name").fill("CV");
  await form.getByLabel("File").setInputFiles(PNG);
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(fileError).toContainText("This file is named .pdf, but its contents are not PDF.");
  await expect(form.getByLabel("File")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousViolations(page, "an upload refused beside its field");

  await form.getByLabel("File").setInputFiles({ name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(fileError).toContainText("This file is empty");

  await form.getByLabel("Name").fill("../../etc/passwd");
  await form.getByLabel("File").setInputFiles(pdfFile("fine"));
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(nameError).toContainText("may not contain slashes");
  await expect(fileError).toHaveCount(0);

  await form.getByLabel("Name").fill("CV\u0007beep");
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(nameError).toContainText("invisible control character");

  // A hand-made request with a path for the file's name is refused as well.
  const crafted = await page.request.post("/documents/upload", {
    multipart: { kind: "cv", name: "CV", file: { name: "../../secret.pdf", mimeType: "application/pdf", buffer: pdfFile("x").buffer } },
  });
  expect(crafted.status()).toBe(422);
  expect((await crafted.json()).fieldErrors.file).toContain("slashes");

  expect(await libraryOf(account.email)).toEqual([]);
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("the library, a refusal and what was sent pass axe", async ({ signedIn: page }) => {
    await uploadDocument(page, { name: "CV", file: pdfFile("dark-cv") });
    await page.getByRole("article", { name: "CV" }).getByText("Upload a new version").click();
    const form = page.getByTestId("upload-form");
    await form.getByLabel("Name").fill("Letter");
    await form.getByLabel("File").setInputFiles(PNG);
    await form.getByRole("button", { name: "Upload document" }).click();
    await expect(form.getByLabel("File")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousViolations(page, "the library with a refusal, dark");
    await page.screenshot({ path: test.info().outputPath("documents-dark.png"), fullPage: true });

    await addApplication(page, { company: "Acme", roleTitle: "Engineer" });
    const sent = page.getByRole("region", { name: "Documents sent" });
    await sent.getByLabel("Document").selectOption({ label: "CV — v1 (dark-cv.pdf)" });
    await sent.getByRole("button", { name: "Attach" }).click();
    await expect(sent.getByTestId("sent-documents")).toBeVisible();
    await expectNoSeriousViolations(page, "an application with a document sent, dark");
  });
});
