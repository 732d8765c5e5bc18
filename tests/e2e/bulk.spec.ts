import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { row, rows as dbRows, sql } from "./support/db";
import { seedApplications, unansweredApp, type SeedApp } from "./support/list";
import { rowsAsSet, toast, undoFromToast } from "./support/undo";

const rows = (page: Page) => page.getByTestId("application-row");
const box = (page: Page, company: string) => rows(page).filter({ hasText: company }).getByRole("checkbox");
const bar = (page: Page) => page.getByTestId("bulk-bar");

async function statuses(email: string): Promise<Record<string, string>> {
  const found = await dbRows<{ company: string; status: string }>(
    sql`select a.company, a.status from applications a join users u on u.id = a.user_id where u.email = ${email}`,
  );
  return Object.fromEntries(found.map((r) => [r.company, r.status]));
}

const seedMany = (n: number, prefix: string, status = "interviewing"): SeedApp[] =>
  Array.from({ length: n }, (_, i) => ({ company: `${prefix} ${String(i + 1).padStart(2, "0")}`, status, updatedAgo: i * 1000 }));

test("shift-click ticks a range; Mark ghosted acts on it in one go, and Undo puts every one back", async ({ signedIn: page, account }) => {
  await seedApplications(account.email, seedMany(5, "Range"));
  const before = await rowsAsSet(account.email);
  await page.goto("/applications");
  await box(page, "Range 02").click();
  await box(page, "Range 04").click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selected-count")).toHaveText("3 applications selected");
  await bar(page).getByRole("button", { name: "Mark ghosted" }).click();
  await expect(toast(page)).toContainText("Moved 3 applications to Ghosted.");
  expect(Object.values(await statuses(account.email)).filter((s) => s === "ghosted")).toHaveLength(3);
  expect((await statuses(account.email))["Range 01"]).toBe("interviewing");
  await undoFromToast(page);
  expect(await rowsAsSet(account.email)).toEqual(before);
});

test("a status change across 50 applications, then select all 60 matching with a confirmation naming the count", async ({ signedIn: page, account }) => {
  await seedApplications(account.email, seedMany(60, "Bulk"));
  await page.goto("/applications");
  await bar(page).getByLabel("Select all on this page").check();
  await expect(page.getByTestId("selected-count")).toHaveText("50 applications selected");
  await bar(page).getByLabel("New status").selectOption({ label: "Rejected" });
  await bar(page).getByRole("button", { name: "Move", exact: true }).click();
  await expect(toast(page)).toContainText("Moved 50 applications to Rejected.");
  const after = await statuses(account.email);
  expect(Object.values(after).filter((s) => s === "rejected")).toHaveLength(50);
  const rejections = (await row<{ n: number }>(sql`select count(*) n from events e join users u on u.id = e.user_id where u.email = ${account.email} and e.kind = 'rejection_received'`))!.n;
  expect(rejections).toBe(50);
  await undoFromToast(page);
  expect(Object.values(await statuses(account.email)).every((s) => s === "interviewing")).toBe(true);

  // Every match, on this page or not: the dialog names the count before anything happens.
  // A fresh page: the undo's refresh starts the selection over, and a tick made
  // while it is on its way would be cleared by it.
  await page.reload();
  await bar(page).getByLabel("Select all on this page").check();
  await expect(page.getByTestId("selected-count")).toHaveText("50 applications selected");
  await bar(page).getByRole("button", { name: "Select all 60 applications matching" }).click();
  await expect(page.getByTestId("selected-count")).toHaveText("All 60 applications matching selected");
  await bar(page).getByRole("button", { name: "Archive" }).click();
  const dialog = page.getByRole("dialog", { name: "Archive: 60 applications?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Archive: 60 applications" }).click();
  await expect(toast(page)).toContainText("Archived 60 applications.");
  const archived = (await row<{ n: number }>(sql`select count(*) n from applications a join users u on u.id = a.user_id where u.email = ${account.email} and archived_at is not null`))!.n;
  expect(archived).toBe(60);
});

test("delete asks with the count, and Undo brings the rows back with their rounds and events", async ({ signedIn: page, account }) => {
  await seedApplications(account.email, [unansweredApp("Del Dipper"), unansweredApp("Del Dunlin"), { company: "Keep Kite" }]);
  const before = await rowsAsSet(account.email);
  await page.goto("/applications");
  await box(page, "Del Dipper").check();
  await box(page, "Del Dunlin").check();
  await bar(page).getByRole("button", { name: "Delete…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete 2 applications?" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Delete 2 applications" }).click();
  await expect(toast(page)).toContainText("Deleted 2 applications.");
  await expect(rows(page)).toHaveCount(1);
  await undoFromToast(page);
  await expect(rows(page)).toHaveCount(3);
  expect(await rowsAsSet(account.email)).toEqual(before);
});

test("keyboard only: Space ticks, Shift+Space ticks a range, and the bar's actions are reachable", async ({ signedIn: page, account }) => {
  await seedApplications(account.email, seedMany(4, "Keys", "applied"));
  await page.goto("/applications");
  await box(page, "Keys 01").focus();
  await page.keyboard.press("Space");
  await box(page, "Keys 03").focus();
  await page.keyboard.press("Shift+Space");
  await expect(page.getByTestId("selected-count")).toHaveText("3 applications selected");
  await bar(page).getByRole("button", { name: "Archive" }).focus();
  await page.keyboard.press("Enter");
  await expect(toast(page)).toContainText("Archived 3 applications.");
  await page.keyboard.press("Control+z");
  await expect(toast(page)).toContainText("Undone:");
  expect(Object.keys(await statuses(account.email))).toHaveLength(4);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the list with a selection and the toast passes axe, ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const account = newAccount();
    await signUp(page, account);
    await seedApplications(account.email, seedMany(3, "Axe"));
    await page.goto("/applications");
    await box(page, "Axe 01").check();
    await expectNoSeriousViolations(page, `list with a selection, ${scheme}`);
    await bar(page).getByRole("button", { name: "Mark ghosted" }).click();
    await expect(toast(page)).toBeVisible();
    await expectNoSeriousViolations(page, `toast, ${scheme}`);
    await context.close();
  });
}
