import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";
import { ownedRows, rows, sql, userIdOf } from "./support/db";
import { seedApplications } from "./support/list";
import { toast } from "./support/undo";

const undoIds = async (email: string) =>
  (await rows<{ id: string }>(sql`select id from undo_records where user_id = ${await userIdOf(email)}`)).map((r) => r.id);

/** Rewrites the next server action's arguments, as a hand-made request would: the browser sends another user's id. */
async function swapInNextAction(page: Page, from: string, to: string) {
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    await route.continue({ postData: (request.postData() ?? "").replaceAll(from, to) });
  });
}

test("a second user can neither undo the first user's action nor act on their applications in bulk", async ({ browser, signedIn: page, account }) => {
  // The owner ghosts an application from the list and keeps the undo record.
  const owner = newAccount("owner");
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signUp(ownerPage, owner);
  const ownerIds = await seedApplications(owner.email, [{ company: "Owner Osprey", status: "interviewing" }]);
  await ownerPage.goto("/applications");
  await ownerPage.getByTestId("application-row").getByRole("checkbox").check();
  await ownerPage.getByRole("button", { name: "Mark ghosted" }).click();
  await expect(toast(ownerPage)).toContainText("Moved 1 application to Ghosted.");
  await ownerContext.close();
  const [ownerUndo] = await undoIds(owner.email);
  const before = await ownedRows(owner.email);

  // The intruder's own Undo, pointed at the owner's record.
  const mine = await seedApplications(account.email, [{ company: "Intruder Ibis", status: "applied" }]);
  await page.goto("/applications");
  await page.getByTestId("application-row").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(toast(page)).toContainText("Archived 1 application.");
  const [myUndo] = await undoIds(account.email);
  await swapInNextAction(page, myUndo, ownerUndo);
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(toast(page)).toContainText("There is nothing to undo");
  expect(await ownedRows(owner.email)).toEqual(before);
  expect(await undoIds(owner.email)).toEqual([ownerUndo]);
  await page.unroute("**/*");

  // The intruder's bulk bar, pointed at the owner's application.
  await page.goto("/applications?archived=1");
  await swapInNextAction(page, mine["Intruder Ibis"], ownerIds["Owner Osprey"]);
  await page.getByTestId("application-row").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete 1 application" }).click();
  await expect(page.getByTestId("bulk-bar").getByRole("alert")).toHaveText("Those applications could not be found: they may have been deleted. Reload the list.");
  expect(await ownedRows(owner.email)).toEqual(before);
});
