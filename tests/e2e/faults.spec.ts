import { rmSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { FAULT_DB_PATH, FAULT_URL, FULL_DISK_SWITCH } from "../../playwright.config";
import { expect, newAccount, signUpWithoutEmail, test, type Account } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { libraryOf, pdfFile, uploadDocument } from "./support/documents";

// The second server (playwright.config.ts) has a database a test can fill:
// while the switch file exists, every write there fails with SQLITE_FULL.
const fillDisk = () => writeFileSync(FULL_DISK_SWITCH, "");
const freeDisk = () => rmSync(FULL_DISK_SWITCH, { force: true });
const FULL = "Couldn't save: the server's disk is full. Nothing was changed.";

function applicationsOf(account: Account): { company: string; archived_at: number | null }[] {
  const db = new Database(FAULT_DB_PATH, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("select a.company, a.archived_at from applications a join users u on u.id = a.user_id where u.email = ? order by a.created_at")
      .all(account.email) as { company: string; archived_at: number | null }[];
  } finally {
    db.close();
  }
}

test.describe("on a server whose disk is full", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ baseURL: FAULT_URL });
  test.afterEach(freeDisk);

  test("saving an application says so beside the form, keeps every value, and claims nothing", async ({ page }) => {
    const account = newAccount("full");
    await signUpWithoutEmail(page, account);
    await page.goto("/applications/new");
    await page.getByLabel("Company").fill("Full Disk Co");
    await page.getByLabel("Role title").fill("Storage Engineer");
    await page.getByLabel("Location (optional)").fill("Berlin");
    await page.getByLabel("Status").selectOption({ label: "Interviewing" });
    await page.getByLabel("Notes (optional)").fill("Typed just before the disk filled up.");

    fillDisk();
    await page.getByRole("button", { name: "Save application" }).click();

    await expect(page.getByTestId("form-message")).toHaveText(FULL);
    await expect(page).toHaveURL(/\/applications\/new$/);
    await expect(page.getByLabel("Company")).toHaveValue("Full Disk Co");
    await expect(page.getByLabel("Role title")).toHaveValue("Storage Engineer");
    await expect(page.getByLabel("Location (optional)")).toHaveValue("Berlin");
    await expect(page.getByLabel("Status")).toHaveValue("interviewing");
    await expect(page.getByLabel("Notes (optional)")).toHaveValue("Typed just before the disk filled up.");
    expect(applicationsOf(account)).toEqual([]);
    await expectNoSeriousViolations(page, "the form with its full-disk message");

    // With room again, the kept values save as they are.
    freeDisk();
    await page.getByRole("button", { name: "Save application" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Storage Engineer" })).toBeVisible();
    expect(applicationsOf(account)).toEqual([{ company: "Full Disk Co", archived_at: null }]);
  });

  test("an upload on a full disk says so beside the file and leaves nothing half-written; one past the quota is refused", async ({ page }) => {
    const account = newAccount("full");
    await signUpWithoutEmail(page, account);
    await uploadDocument(page, { name: "CV", file: pdfFile("cv", 600_000) });
    const before = await libraryOf(account.email, FAULT_DB_PATH);
    expect(before).toHaveLength(1);
    const form = page.getByTestId("upload-form");
    const fileError = form.locator("#" + (await form.getByLabel("File").getAttribute("id")) + "-error");

    fillDisk();
    await form.getByLabel("Name").fill("Cover letter");
    await form.getByLabel("File").setInputFiles(pdfFile("letter", 100_000));
    await form.getByRole("button", { name: "Upload document" }).click();
    await expect(fileError).toHaveText(FULL);
    expect(await libraryOf(account.email, FAULT_DB_PATH)).toEqual(before);
    freeDisk();

    // The quota here is 1 MB: 600 KB more does not fit, and nothing of it is kept.
    await form.getByLabel("File").setInputFiles(pdfFile("letter", 600_000));
    await form.getByRole("button", { name: "Upload document" }).click();
    await expect(fileError).toHaveText("This file (586 KB) doesn't fit: your documents use 586 KB of 1 MB. Delete an old document first.");
    expect(await libraryOf(account.email, FAULT_DB_PATH)).toEqual(before);
    await expectNoSeriousViolations(page, "an upload past the quota");

    await form.getByLabel("File").setInputFiles(pdfFile("letter", 100_000));
    await form.getByRole("button", { name: "Upload document" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved to your documents.");
    expect(await libraryOf(account.email, FAULT_DB_PATH)).toHaveLength(2);
  });

  test("archive and delete say so where they were pressed, and change nothing", async ({ page }) => {
    const account = newAccount("full");
    await signUpWithoutEmail(page, account);
    await page.goto("/applications/new");
    await page.getByLabel("Company").fill("Keep Me Ltd");
    await page.getByLabel("Role title").fill("Analyst");
    await page.getByRole("button", { name: "Save application" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Analyst" })).toBeVisible();

    fillDisk();
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("alert").filter({ hasText: FULL })).toBeVisible();
    await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Delete for good" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("form-message")).toHaveText(FULL);
    await expectNoSeriousViolations(page, "the delete dialog with its full-disk message");
    expect(applicationsOf(account)).toEqual([{ company: "Keep Me Ltd", archived_at: null }]);
  });

  test("/health answers 'not ok: full' while the disk is full, and ok again once there is room", async ({ request }) => {
    fillDisk();
    // One answer is reused for a second, so ask until the full disk shows.
    await expect.poll(async () => (await request.get("/health")).status()).toBe(503);
    expect(await (await request.get("/health")).text()).toBe("not ok: full\n");
    freeDisk();
    await expect.poll(async () => (await request.get("/health")).status()).toBe(200);
    expect(await (await request.get("/health")).text()).toBe("ok\n");
  });
});

test("/health on the healthy server: ok, with no session, never cached", async ({ request }) => {
  const response = await request.get("/health", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe("ok\n");
  expect(response.headers()["cache-control"]).toBe("no-store");
});
