import { expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { row, rows, sql, userIdOf as userId } from "./support/db";
import { chooseFile, counts, expectImported, fixtureBytes, linkedInRows } from "./support/imports";

const appsOf = (email: string) =>
  rows<{ company: string; status: string; import_id: string | null }>(
    sql`select a.company, a.status, a.import_id from applications a join users u on u.id = a.user_id where u.email = ${email} order by a.company`,
  );

test("a LinkedIn export goes in through the page: preview, progress, summary, and the list filtered by that import", async ({ signedIn: page, account }) => {
  await page.getByRole("link", { name: "Import from a file" }).click();
  await expect(page.getByRole("heading", { name: "Import applications" })).toBeVisible();
  await chooseFile(page, "linkedin-job-applications.csv");
  await expect(page.getByTestId("import-format")).toHaveText("Recognised as a LinkedIn job applications export.");
  await expect(counts(page)).toContainText("3 new applications · 1 duplicate · 2 with problems");
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("row").filter({ hasText: "Globex, Inc." })).toContainText("11 Dec 2023");
  await expect(preview.getByRole("row").filter({ hasText: 'The "Quoted" Company' })).toContainText("New");
  await expect(page.getByTestId("import-problems")).toContainText("Line 7: Applied date “2/30/24, 10:00 AM” isn't a date Shortlist can read.");
  await expect(page.getByTestId("import-problems")).toContainText("Line 8: Company is required.");
  await expectNoSeriousViolations(page, "import preview");

  await page.getByRole("button", { name: "Import 3 applications" }).click();
  await expectImported(page, 3);
  await expect(page.getByTestId("import-outcome")).toContainText("1 was already in Shortlist; 2 rows had problems and were left out.");
  await page.getByRole("link", { name: "See the imported applications" }).click();
  await expect(page.getByTestId("imported-filter")).toContainText("Showing what was imported on");
  await expect(page.getByTestId("application-row")).toHaveCount(3);
  const saved = await appsOf(account.email);
  expect(saved.map((a) => a.company)).toEqual(["Acme Rockets", "Globex, Inc.", 'The "Quoted" Company']);
  expect(new Set(saved.map((a) => a.import_id)).size).toBe(1);
  await expectNoSeriousViolations(page, "list filtered by import");
});

test("a Huntr board export: its stages are mapped to statuses, editable before importing, and a second import adds nothing", async ({ signedIn: page, account }) => {
  await page.goto("/import");
  await chooseFile(page, "huntr-board.csv");
  await expect(page.getByTestId("import-format")).toHaveText("Recognised as a Huntr board export.");
  await expect(page.getByLabel("Shortlist status for “Wishlist”")).toHaveValue("saved");
  await expect(page.getByLabel("Shortlist status for “Interview”")).toHaveValue("interviewing");
  await expect(page.getByLabel("Shortlist status for “Phone Screen 📞”")).toHaveValue("screening");
  await page.getByLabel("Shortlist status for “Waiting on them”").selectOption("ghosted");
  await expect(page.getByTestId("import-preview").getByRole("row").filter({ hasText: "Hooli" })).toContainText("Ghosted");
  await expect(counts(page)).toContainText("6 new applications · 0 duplicates · 1 with problems");
  await expect(page.getByTestId("import-problems")).toContainText("Line 7: Salary “competitive” isn't a salary Shortlist can read");

  await page.getByRole("button", { name: "Import 6 applications" }).click();
  await expectImported(page, 6);
  const saved = await appsOf(account.email);
  expect(saved.find((a) => a.company === "Hooli")?.status).toBe("ghosted");
  expect(saved.find((a) => a.company === "Lumen")?.status).toBe("saved");
  await page.getByRole("link", { name: "See the imported applications" }).click();
  await page.getByRole("link", { name: /Site Reliability Engineer/ }).click();
  await expect(page.getByText("Salary: 90k")).toBeVisible();

  await page.goto("/import");
  await chooseFile(page, "huntr-board.csv");
  await expect(page.getByText(/You imported this same file on/)).toBeVisible();
  await expect(counts(page)).toContainText("0 new applications · 6 duplicates");
  await expect(page.getByRole("button", { name: "Nothing new to import" })).toBeDisabled();
  expect(await appsOf(account.email)).toHaveLength(6);
});

test("a large file shows its progress while it is checked and saved", async ({ signedIn: page, account }) => {
  await page.goto("/import");
  await chooseFile(page, { name: "Job Applications.csv", mimeType: "text/csv", buffer: linkedInRows(6000, "Bulk") });
  await expect(counts(page)).toContainText("6,000 new applications", { timeout: 20_000 });
  await page.getByRole("button", { name: "Import 6,000 applications" }).click();
  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(page.getByTestId("import-progress")).toContainText(/Checking rows|Saving/);
  await expectImported(page, 6000);
  expect(await appsOf(account.email)).toHaveLength(6000);
});

test("an unknown CSV goes through the column mapping, with the guesses filled in", async ({ signedIn: page, account }) => {
  await page.goto("/import");
  await chooseFile(page, "unknown-columns.csv");
  await expect(page.getByTestId("import-format")).toContainText("doesn't know this file's layout");
  await expect(page.getByText("Choose the column that holds the company: every application needs one.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Nothing new to import" })).toBeDisabled();
  await page.getByLabel("Shortlist field for the column “Org”").selectOption("company");
  await page.getByLabel("Shortlist field for the column “Gig”").selectOption("roleTitle");
  await page.getByLabel("Shortlist field for the column “Where”").selectOption("location");
  await page.getByLabel("Shortlist field for the column “When”").selectOption("appliedOn");
  await expect(counts(page)).toContainText("2 new applications");
  // Two columns for one field: the message sits beside the second.
  await page.getByLabel("Shortlist field for the column “Vibe”").selectOption("company");
  await expect(page.getByText("“Org” already fills Company: choose another field or “Leave out”.")).toBeVisible();
  await page.getByLabel("Shortlist field for the column “Vibe”").selectOption("notes");
  await expect(page.getByTestId("import-preview").getByRole("row").filter({ hasText: "Acme Rockets" })).toContainText("Remote");
  await expectNoSeriousViolations(page, "column mapping");
  await page.getByRole("button", { name: "Import 2 applications" }).click();
  await expectImported(page, 2);
  expect((await appsOf(account.email)).map((a) => [a.company, a.status])).toEqual([
    ["Acme Rockets", "applied"],
    ["Globex", "applied"],
  ]);
});

test("bad files get a plain message beside the file field, and the endpoints answer 4xx", async ({ signedIn: page, account }) => {
  await page.goto("/import");
  const message = page.locator("#import-file-error");
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await chooseFile(page, { name: "applications.csv", mimeType: "text/csv", buffer: junk });
  await expect(message).toContainText("This file isn't text");
  await expect(page.getByLabel("Your export file")).toHaveAttribute("aria-invalid", "true");
  await chooseFile(page, { name: "tracker.xlsx", mimeType: "application/vnd.ms-excel", buffer: Buffer.from("PK\u0003\u0004rest of a workbook") });
  await expect(message).toContainText("This looks like an Excel or other zipped file");
  await chooseFile(page, { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await expect(message).toHaveText("This file is empty. Export your applications again and choose the new file.");
  await chooseFile(page, { name: "export.json", mimeType: "application/json", buffer: Buffer.from('{"jobs": []}') });
  await expect(message).toContainText("This JSON file isn't a Shortlist export");
  await chooseFile(page, { name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from('Company,Role\n"Acme,Engineer\n') });
  await expect(message).toContainText("Line 2: a quoted field is never closed");
  await expectNoSeriousViolations(page, "bad file message");

  const post = (bytes: Buffer, name = "x.csv") => page.request.post("/import/preview", { multipart: { file: { name, mimeType: "text/csv", buffer: bytes } } });
  const refused = await post(junk);
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ field: "file", message: expect.stringContaining("isn't text") });
  const big = await post(Buffer.alloc(10 * 1024 * 1024 + 10, 0x41));
  expect(big.status()).toBe(413);
  const run = await page.request.post("/import/run", { multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: fixtureBytes("unknown-columns.csv") } } });
  expect(run.status()).toBe(422);
  const badOptions = await page.request.post("/import/preview", {
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: fixtureBytes("huntr-board.csv") }, options: '{"mapping": ["nonsense"]}' },
  });
  expect(badOptions.status()).toBe(400);
  expect(await appsOf(account.email)).toHaveLength(0);
});

test("a second user sees none of the first user's imports, can't import into their account, and their rows don't count as duplicates", async ({ browser }) => {
  const owner = newAccount("importer");
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signUp(ownerPage, owner);
  await ownerPage.goto("/import");
  await chooseFile(ownerPage, "teal-download.csv");
  await ownerPage.getByRole("button", { name: "Import 6 applications" }).click();
  await expectImported(ownerPage, 6);
  const importId = (await row<{ id: string }>(sql`select id from imports where user_id = ${await userId(owner.email)}`))!.id;
  const before = await appsOf(owner.email);

  const other = newAccount("other");
  const otherContext = await browser.newContext();
  const page = await otherContext.newPage();
  await signUp(page, other);
  await page.goto("/import");
  await expect(page.getByText("None yet.")).toBeVisible();
  await page.goto(`/applications?imported=${importId}`);
  await expect(page.getByRole("heading", { name: "No applications yet" })).toBeVisible();
  await page.goto("/import");
  await chooseFile(page, "teal-download.csv");
  await expect(counts(page)).toContainText("6 new applications · 0 duplicates");
  await expect(page.getByText(/You imported this same file/)).toHaveCount(0);
  await page.getByRole("button", { name: "Import 6 applications" }).click();
  await expectImported(page, 6);
  await page.goto(`/applications?imported=${importId}`);
  await expect(page.getByTestId("imported-filter")).toContainText("No import of yours has that id");
  await expect(page.getByTestId("application-row")).toHaveCount(0);

  expect(await appsOf(owner.email)).toEqual(before);
  expect(await appsOf(other.email)).toHaveLength(6);
  // Signed out, the endpoints answer nothing of anyone's.
  const anonymous = await browser.newContext();
  const stranger = await anonymous.request.post("/import/run", {
    headers: { cookie: "authjs.session-token=forged" },
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: fixtureBytes("teal-download.csv") } },
  });
  expect(stranger.status()).toBe(401);
  expect(await appsOf(owner.email)).toEqual(before);
  await Promise.all([ownerContext.close(), otherContext.close(), anonymous.close()]);
});
