import { expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { applicationRow } from "./support/db";
import { seedApplications, unansweredApp } from "./support/list";
import { toast, undoFromToast } from "./support/undo";

test("silent applications are one Today item, first; the ticked ones are ghosted together, and Undo brings them back", async ({ signedIn: page, account }) => {
  const ids = seedApplications(account.email, [unansweredApp("Quiet Quail"), unansweredApp("Quiet Quokka"), unansweredApp("Quiet Quetzal")]);
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
  expect(applicationRow(ids["Quiet Quail"])?.status).toBe("ghosted");
  expect(applicationRow(ids["Quiet Quetzal"])?.status).toBe("interviewing");
  await expect(item.getByRole("heading")).toHaveText(/^1 application has heard nothing/);
  await undoFromToast(page);
  expect(applicationRow(ids["Quiet Quail"])?.status).toBe("interviewing");
  await expect(item.getByRole("heading")).toHaveText(/^3 applications have heard nothing/);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the dashboard with the move-on item open passes axe, ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const account = newAccount();
    await signUp(page, account);
    seedApplications(account.email, [unansweredApp("Axe Auk"), unansweredApp("Axe Avocet")]);
    await page.goto("/");
    await page.getByTestId("move-on-item").getByText("2 applications have heard nothing").click();
    await expectNoSeriousViolations(page, `dashboard with the move-on item, ${scheme}`);
    await context.close();
  });
}
