import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { applicationRow, eventsOf, row, run, sql } from "./support/db";
import { stepCard, stepsOf, THANK_YOU_SECOND } from "./support/guidance";
import { seedApplications, unansweredApp } from "./support/list";
import { announcer, rowsAsSet, thankYouOwed, toast, undoFromToast } from "./support/undo";

const thankYouSent = async (appId: string) =>
  (await row<{ t: number | null }>(sql`select thank_you_sent_at t from rounds where application_id = ${appId} and kind = 'second'`))!.t;

const boardCard = (page: Page, company: string) => page.getByTestId("board-card").filter({ hasText: company });

test("Done on a thank-you is undone from the toast: the round is unthanked again and the step is back", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [thankYouOwed("Done Dune")]);
  const before = await rowsAsSet(account.email);
  await page.goto(`/applications/${ids["Done Dune"]}`);
  await stepCard(page, THANK_YOU_SECOND).getByRole("button", { name: /^Done: / }).click();
  await expect(toast(page)).toContainText("Marked a step done for Done Dune.");
  await expect(announcer(page)).toContainText("Marked a step done for Done Dune. To undo, press Control Z");
  await expect(stepCard(page, THANK_YOU_SECOND)).toHaveCount(0);
  expect(await thankYouSent(ids["Done Dune"])).not.toBeNull();

  await undoFromToast(page);
  await expect(announcer(page)).toHaveText("Undone: Marked a step done for Done Dune.");
  await expect(stepCard(page, THANK_YOU_SECOND)).toHaveCount(1);
  expect(await rowsAsSet(account.email)).toEqual(before);
});

test("keyboard only: Dismiss, then Ctrl+Z undoes; Tab reaches the toast's Undo after a snooze", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [thankYouOwed("Key Kestrel")]);
  await page.goto(`/applications/${ids["Key Kestrel"]}`);
  await stepCard(page, THANK_YOU_SECOND).getByRole("button", { name: /^Dismiss: / }).focus();
  await page.keyboard.press("Enter");
  await expect(toast(page)).toContainText("Dismissed a step for Key Kestrel.");
  expect(await stepsOf(ids["Key Kestrel"])).toMatchObject([{ state: "dismissed" }]);
  // The pressed button left with its step: focus stays in the page, not lost to its top.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  await page.keyboard.press("Control+z");
  await expect(toast(page)).toContainText("Undone:");
  await expect(stepCard(page, THANK_YOU_SECOND)).toHaveCount(1);
  expect(await stepsOf(ids["Key Kestrel"])).toEqual([]);

  // Snooze from its menu by keyboard, then Tab forward to the toast and press Undo.
  const card = stepCard(page, THANK_YOU_SECOND);
  await card.locator("summary", { hasText: "Snooze" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(toast(page)).toContainText(/Snoozed a step until tomorrow morning for Key Kestrel\./);
  const undo = toast(page).getByRole("button", { name: "Undo" });
  for (let i = 0; i < 80 && !(await undo.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toast(page)).toContainText("Undone:");
  expect(await stepsOf(ids["Key Kestrel"])).toEqual([]);
  await toast(page).getByRole("button", { name: "Close this message" }).focus();
  await page.keyboard.press("Escape");
  await expect(toast(page)).toHaveCount(0);
});

test("the toast waits while hovered and goes by itself after", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [thankYouOwed("Hover Heron")]);
  await page.clock.install();
  await page.goto(`/applications/${ids["Hover Heron"]}`);
  await stepCard(page, THANK_YOU_SECOND).getByRole("button", { name: /^Dismiss: / }).click();
  await expect(toast(page)).toBeVisible();
  await toast(page).hover();
  await page.clock.runFor(20_000);
  await expect(toast(page)).toBeVisible();
  await page.mouse.move(0, 0);
  await page.locator("h1").first().click();
  await page.clock.runFor(9_000);
  await expect(toast(page)).toHaveCount(0);
});

test("a board move to Withdrawn is undone: the card goes back and the logged withdrawal goes", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [{ company: "Board Bittern", status: "interviewing" }]);
  const before = await rowsAsSet(account.email);
  await page.goto("/board");
  const card = boardCard(page, "Board Bittern");
  await card.getByRole("button", { name: /^Move / }).click();
  await page.getByRole("menu").getByRole("menuitem", { name: "Withdrawn", exact: true }).click();
  await expect(toast(page)).toContainText("Moved Board Bittern to Withdrawn.");
  await expect.poll(async () => (await eventsOf(ids["Board Bittern"])).map((e) => e.kind)).toEqual(["withdrawn"]);
  await undoFromToast(page);
  await expect(page.getByTestId("column-interviewing").getByTestId("board-card").filter({ hasText: "Board Bittern" })).toHaveCount(1);
  expect((await applicationRow(ids["Board Bittern"]))?.status).toBe("interviewing");
  expect(await rowsAsSet(account.email)).toEqual(before);
});

test("an undo after a later change is refused with the reason, and the later change stays", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [{ company: "Later Loon", status: "applied" }]);
  await page.goto("/board");
  const card = boardCard(page, "Later Loon");
  await card.getByRole("button", { name: /^Move / }).click();
  await page.getByRole("menu").getByRole("menuitem", { name: "Ghosted", exact: true }).click();
  await expect(toast(page)).toContainText("Moved Later Loon to Ghosted.");
  // Meanwhile, elsewhere (another tab, a script), it is moved again: the schema's triggers stamp its version.
  await run(sql`update applications set status = 'screening' where id = ${ids["Later Loon"]}`);
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(toast(page)).toContainText("Not undone: Later Loon changed after this");
  expect((await applicationRow(ids["Later Loon"]))?.status).toBe("screening");
});

test("Mark as ghosted on the move-on step offers Undo", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [unansweredApp("Ghost Grebe")]);
  await page.goto(`/applications/${ids["Ghost Grebe"]}`);
  await page.getByRole("button", { name: "Mark as ghosted: Consider moving on from Ghost Grebe" }).click();
  await expect(toast(page)).toContainText("Marked Ghost Grebe as ghosted.");
  expect((await applicationRow(ids["Ghost Grebe"]))?.status).toBe("ghosted");
  await undoFromToast(page);
  expect((await applicationRow(ids["Ghost Grebe"]))?.status).toBe("interviewing");
});
