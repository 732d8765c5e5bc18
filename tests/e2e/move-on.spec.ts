import { expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { applicationRow, rows, sql } from "./support/db";
import { chooseFile, expectImported, linkedInRows } from "./support/imports";
import { seedApplications, unansweredApp } from "./support/list";
import { toast, undoFromToast } from "./support/undo";

test("silent applications are one Today item, first; the ticked ones are ghosted together, and Undo brings them back", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [unansweredApp("Quiet Quail"), unansweredApp("Quiet Quokka"), unansweredApp("Quiet Quetzal")]);
  await page.goto("/");
  const item = page.getByTestId("move-on-item");
  await expect(item.getByRole("heading")).toHaveText(/^3 applications have heard nothing for \d+ days or more$/);
  // It comes before any of Today's blocks, and no block repeats a move-on step.
  await expect(page.getByTestId("today-block")).toHaveCount(0);
  await item.getByText("3 applications have heard nothing").click();
  const boxes = item.getByRole("checkbox");
  await expect(boxes).toHaveCount(3);
  for (const b of await boxes.all()) await expect(b).toBeChecked();
  await expect(item.getByTestId("last-contact").first()).toContainText("Last contact");
  await item.getByRole("checkbox", { name: /Quiet Quetzal/ }).uncheck();
  await item.getByRole("button", { name: "Mark 2 applications as ghosted" }).click();
  await expect(toast(page)).toContainText("Moved 2 applications to Ghosted.");
  expect((await applicationRow(ids["Quiet Quail"]))?.status).toBe("ghosted");
  expect((await applicationRow(ids["Quiet Quetzal"]))?.status).toBe("interviewing");
  await expect(item.getByRole("heading")).toHaveText(/^1 application has heard nothing/);
  await undoFromToast(page);
  expect((await applicationRow(ids["Quiet Quail"]))?.status).toBe("interviewing");
  await expect(item.getByRole("heading")).toHaveText(/^3 applications have heard nothing/);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the dashboard with the move-on item open passes axe, ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const account = newAccount();
    await signUp(page, account);
    await seedApplications(account.email, [unansweredApp("Axe Auk"), unansweredApp("Axe Avocet")]);
    await page.goto("/");
    await page.getByTestId("move-on-item").getByText("2 applications have heard nothing").click();
    await expectNoSeriousViolations(page, `dashboard with the move-on item, ${scheme}`);
    await context.close();
  });
}

test("after importing an old search of 30 applications, Today leads with the move-on item, not dozens of follow-ups; ghosting them all and Undo both work", async ({ signedIn: page, account }) => {
  await page.goto("/import");
  // Applied in 2024: long past the 30 days of silence, whatever the hour the import runs at.
  await chooseFile(page, { name: "old-search.csv", mimeType: "text/csv", buffer: linkedInRows(30, "Old Search") });
  await page.getByRole("button", { name: "Import 30 applications" }).click();
  await expectImported(page, 30);

  await page.goto("/");
  const item = page.getByTestId("move-on-item");
  await expect(item.getByRole("heading")).toHaveText(/^30 applications have heard nothing for \d+ days or more$/);
  await expect(page.getByTestId("today-block")).toHaveCount(0);
  await item.getByText("30 applications have heard nothing").click();
  await expect(item.getByRole("checkbox")).toHaveCount(30);
  await item.getByRole("button", { name: "Mark 30 applications as ghosted" }).click();
  await expect(toast(page)).toContainText("Moved 30 applications to Ghosted.");
  const statuses = () =>
    rows(sql`select a.status, count(*) n from applications a join users u on u.id = a.user_id where u.email = ${account.email} group by a.status`);
  expect(await statuses()).toEqual([{ status: "ghosted", n: 30 }]);
  await expect(item).toHaveCount(0);
  await undoFromToast(page);
  expect(await statuses()).toEqual([{ status: "applied", n: 30 }]);
  await expect(page.getByTestId("move-on-item").getByRole("heading")).toHaveText(/^30 applications have heard nothing/);
});
