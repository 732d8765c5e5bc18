import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { row, sql, userIdOf } from "./support/db";
import { libraryOf, pdfFile, uploadDocument } from "./support/documents";
import { chooseFile, counts, everythingOf, expectImported } from "./support/imports";

const EVIL = '=HYPERLINK("https://evil.example","Click me")';

test("both exports download and open: the CSV neutralises formulas, the JSON imports into a new account with everything", async ({ signedIn: page, browser }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  await addApplication(page, { company: EVIL, roleTitle: "Formula Tester" });
  await page.goto("/settings");
  await expectNoSeriousViolations(page, "settings with your data");

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download applications (CSV)" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^shortlist-applications-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(readFileSync(await csvDownload.path()), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(13);
  expect(rows.find((r) => r.Role === "Formula Tester")?.Company).toBe(`'${EVIL}`);
  expect(rows.every((r) => r["Shortlist ID"])).toBe(true);

  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download everything (JSON)" }).click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^shortlist-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await jsonDownload.path(), "utf8"));
  expect(exported).toMatchObject({ format: "shortlist-export", version: 1 });
  expect(exported.applications).toHaveLength(13);
  const rounds = exported.applications.reduce((n: number, a: { rounds: unknown[] }) => n + a.rounds.length, 0);
  expect(rounds).toBeGreaterThan(5);

  // The same file, into a brand-new account, through the import page.
  const next = newAccount("mover");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, next);
  await other.goto("/import");
  await chooseFile(other, await jsonDownload.path());
  await expect(other.getByTestId("import-format")).toHaveText("Recognised as a Shortlist JSON export.");
  await expect(counts(other)).toContainText(`13 new applications · 0 duplicates · 0 with problems`);
  await expect(counts(other)).toContainText(`${rounds} rounds`);
  await other.getByRole("button", { name: "Import 13 applications" }).click();
  await expectImported(other, 13);
  const moved = await row(
    sql`select (select count(*) from applications a where a.user_id = u.id) apps, (select count(*) from rounds r where r.user_id = u.id) rounds from users u where u.email = ${next.email}`,
  );
  expect(moved).toEqual({ apps: 13, rounds });
  // Another user's export holds only their own.
  const theirs = await (await other.request.get("/export/json")).json();
  expect(theirs.applications.map((a: { id: string }) => a.id)).not.toContain(exported.applications[0].id);
  expect(theirs.applications).toHaveLength(13);
  await context.close();
});

test("the ZIP export carries the documents' files, and imports into a new account with them", async ({ signedIn: page, account, browser }) => {
  const cv = pdfFile("zip-cv", 50_000, "cv.pdf");
  await uploadDocument(page, { name: "CV", file: cv });
  await addApplication(page, { company: "Zipco", roleTitle: "Packer" });
  const sent = page.getByRole("region", { name: "Documents sent" });
  await sent.getByLabel("Document").selectOption({ label: "CV — v1 (cv.pdf)" });
  await sent.getByRole("button", { name: "Attach" }).click();
  await expect(sent.getByTestId("sent-documents")).toBeVisible();

  await page.goto("/settings");
  const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download everything (ZIP)" }).click()]);
  expect(zipDownload.suggestedFilename()).toMatch(/^shortlist-export-\d{4}-\d{2}-\d{2}\.zip$/);
  // The JSON-only export still lists the document, without its bytes.
  const json = await (await page.request.get("/export/json")).json();
  expect(json.documents).toMatchObject([{ name: "CV", versions: [{ number: 1, fileName: "cv.pdf", size: 50_000 }] }]);

  const next = newAccount("zipper");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, next);
  await other.goto("/import");
  await chooseFile(other, await zipDownload.path());
  await expect(other.getByTestId("import-format")).toHaveText("Recognised as a Shortlist JSON export.");
  await other.getByRole("button", { name: "Import 1 application" }).click();
  await expectImported(other, 1);
  await expect(other.getByTestId("import-outcome")).toContainText("1 document file came with it.");
  expect(await libraryOf(next.email)).toEqual(await libraryOf(account.email));

  await other.goto("/documents");
  const [download] = await Promise.all([other.waitForEvent("download"), other.getByRole("link", { name: "Download CV version 1" }).click()]);
  expect(readFileSync(await download.path()).equals(cv.buffer)).toBe(true);
  await context.close();
});

test("deleting the account needs the password, offers the export first, leaves nothing in the database and kills every session", async ({ signedIn: page, account, browser }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.goto("/import");
  await chooseFile(page, "reactive-resume-tracker.csv");
  await page.getByRole("button", { name: "Import 3 applications" }).click();
  await expectImported(page, 3);
  const userId = await userIdOf(account.email);
  expect(Object.keys(await everythingOf(userId, account.email))).toEqual(expect.arrayContaining(["users", "applications", "rounds", "interviewers", "events", "imports"]));
  const oldCookies = await page.context().cookies();

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Delete your account" });
  await expect(section.getByRole("link", { name: "Download your data (JSON) first" })).toHaveAttribute("href", "/export/json");
  await section.getByLabel("Account password").fill("not my password");
  await section.getByRole("button", { name: "Delete my account and all its data" }).click();
  await expect(page.locator("#delete-password-error")).toHaveText("That password is incorrect.");
  await expect(section.getByLabel("Account password")).toHaveValue("");
  await expectNoSeriousViolations(page, "delete account with an error");
  expect(Object.keys(await everythingOf(userId, account.email))).toContain("applications");

  await section.getByLabel("Account password").fill(account.password);
  await section.getByRole("button", { name: "Delete my account and all its data" }).click();
  await expect(page.getByText("Your account and everything in it were deleted.")).toBeVisible();
  expect(await everythingOf(userId, account.email)).toEqual({});

  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/applications");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  const exportAttempt = await replay.request.get("/export/json", { maxRedirects: 0 });
  expect(exportAttempt.status()).toBe(307);
  expect(await (await replay.request.get("/api/auth/session")).json()).toBeNull();
  await replay.close();
});
