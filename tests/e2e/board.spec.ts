import { type Page } from "@playwright/test";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { applicationRow, eventsOf, ownedRows } from "./support/db";
import { secondRoundThirtyHoursAgo } from "./support/guidance";
import { pastEntries } from "./support/timeline";

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);
const card = (page: Page, company: string) => page.getByTestId("board-card").filter({ hasText: company });
const liveRegion = (page: Page) => page.locator("[id^=DndLiveRegion]");

async function moveByMenu(page: Page, company: string, to: string) {
  await card(page, company).getByRole("button", { name: /^Move / }).click();
  await page.getByRole("menu").getByRole("menuitem", { name: to, exact: true }).click();
}

async function expectLoggedOnTimeline(page: Page, appId: string, entry: string) {
  await page.goto(`/applications/${appId}`);
  expect(await pastEntries(page)).toContainEqual(expect.stringContaining(entry));
}

test("a card moves by keyboard from Interviewing to Offer, with its next step shown and the offer logged", async ({ signedIn: page }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Keyboard Co");
  await page.goto("/board");
  const before = card(page, "Keyboard Co");
  await expect(column(page, "interviewing").getByTestId("board-card")).toHaveCount(1);
  await expect(before.getByTestId("next-step")).toContainText(/Send a thank-you for your second interview on /);
  await expect(before.getByTestId("next-step")).toContainText(/Overdue by \d+ hours/);

  await page.getByRole("button", { name: "Drag Keyboard Co, Data Engineer" }).focus();
  await page.keyboard.press("Space");
  await expect(liveRegion(page)).toHaveText("Picked up Keyboard Co, Data Engineer. In column Interviewing.");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toHaveText("Over column Offer.");
  await page.keyboard.press("Space");
  await expect(liveRegion(page)).toHaveText("Moved to Offer.");
  await expect(column(page, "offer").getByTestId("board-card").filter({ hasText: "Keyboard Co" })).toHaveCount(1);

  await expect.poll(async () => (await applicationRow(appId))?.status).toBe("offer");
  await page.reload();
  await expect(column(page, "offer").getByTestId("board-card").filter({ hasText: "Keyboard Co" })).toHaveCount(1);
  await expect(column(page, "interviewing").getByTestId("board-card")).toHaveCount(0);
  await expect(column(page, "offer").getByRole("heading", { name: "Offer, 1 application" })).toBeVisible();
  await expect(column(page, "interviewing").getByRole("heading", { name: "Interviewing, 0 applications" })).toBeVisible();
  expect((await eventsOf(appId)).map((e) => e.kind)).toEqual(["offer_received"]);
  await expectLoggedOnTimeline(page, appId, "Offer received");
});

test("a card moves by its menu, and Escape puts a keyboard pick-up back", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Menu Co", roleTitle: "Engineer", status: "Interviewing" });
  await page.goto("/board");

  await page.getByRole("button", { name: "Drag Menu Co, Engineer" }).focus();
  await page.keyboard.press("Enter");
  // An arrow pressed before the pick-up is announced can be lost (seen under load).
  await expect(liveRegion(page)).toHaveText("Picked up Menu Co, Engineer. In column Interviewing.");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toHaveText("Over column Offer.");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toHaveText("Over column Accepted.");
  await page.keyboard.press("Escape");
  await expect(liveRegion(page)).toHaveText("Move cancelled. Menu Co, Engineer stays in Interviewing.");
  await expect(column(page, "interviewing").getByTestId("board-card")).toHaveCount(1);

  await moveByMenu(page, "Menu Co", "Rejected");
  await expect(column(page, "rejected").getByTestId("board-card").filter({ hasText: "Menu Co" })).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Moved Menu Co, Engineer to Rejected." })).toHaveCount(1);
  await expect.poll(async () => (await applicationRow(appId))?.status).toBe("rejected");
  await page.reload();
  // Closed columns start folded: the count says it is there, and opening the column shows the card.
  await column(page, "rejected").getByRole("button", { name: "Rejected (closed), 1 application" }).click();
  await expect(column(page, "rejected").getByTestId("board-card").filter({ hasText: "Menu Co" })).toHaveCount(1);
  expect((await eventsOf(appId)).map((e) => e.kind)).toEqual(["rejection_received"]);
  await expectLoggedOnTimeline(page, appId, "Rejection received");
});

test("drag and drop loads on the first press of a handle, and a card dragged with the pointer moves and is logged", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Pointer Co", roleTitle: "Engineer", status: "Interviewing" });
  await page.goto("/board");
  await expect(card(page, "Pointer Co")).toHaveCount(1);
  // dnd-kit's live region comes with it: none until a handle is used.
  await expect(liveRegion(page)).toHaveCount(0);

  // One gesture: the press that loads drag and drop is the one that drags.
  const handle = await page.getByRole("button", { name: "Drag Pointer Co, Engineer" }).boundingBox();
  const offer = await column(page, "offer").boundingBox();
  if (!handle || !offer) throw new Error("the handle or the Offer column is not on screen");
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await expect(liveRegion(page)).toHaveCount(1);
  await page.mouse.move(handle.x + handle.width / 2 + 20, handle.y + handle.height / 2, { steps: 4 });
  await page.mouse.move(offer.x + offer.width / 2, offer.y + 60, { steps: 10 });
  await expect(column(page, "offer")).toHaveClass(/border-brand-600/);
  await page.mouse.up();

  await expect(column(page, "offer").getByTestId("board-card").filter({ hasText: "Pointer Co" })).toHaveCount(1);
  await expect.poll(async () => (await applicationRow(appId))?.status).toBe("offer");
  expect((await eventsOf(appId)).map((e) => e.kind)).toEqual(["offer_received"]);
});

test("a refused move shows why beside the card and changes nothing", async ({ signedIn: page, account }) => {
  const appId = await addApplication(page, { company: "Saved Co", roleTitle: "Engineer", status: "Saved" });
  await page.goto("/board");
  const before = await ownedRows(account.email);
  await moveByMenu(page, "Saved Co", "Offer");
  const saved = column(page, "saved").getByTestId("board-card").filter({ hasText: "Saved Co" });
  await expect(saved.getByRole("alert")).toHaveText(/only saved, not applied to/);
  await expect(column(page, "offer").getByTestId("board-card")).toHaveCount(0);
  expect(await ownedRows(account.email)).toEqual(before);
  await page.reload();
  await expect(column(page, "saved").getByTestId("board-card").filter({ hasText: "Saved Co" })).toHaveCount(1);
  expect((await applicationRow(appId))?.status).toBe("saved");
});

test("a second user sees none of the first user's cards and cannot move them", async ({ browser, signedIn: page }) => {
  const context = await browser.newContext();
  const ownerPage = await context.newPage();
  const owner = newAccount("owner");
  await signUp(ownerPage, owner);
  const ownerApp = await addApplication(ownerPage, { company: "Private Board Co", roleTitle: "Engineer", status: "Interviewing" });
  await context.close();
  const before = await ownedRows(owner.email);

  await addApplication(page, { company: "Intruder Co", roleTitle: "Engineer", status: "Interviewing" });
  await page.goto("/board");
  await expect(card(page, "Intruder Co")).toHaveCount(1);
  await expect(page.getByText("Private Board Co")).toHaveCount(0);
  await expect(page.getByTestId("board-card")).toHaveCount(1);

  // The intruder's own menu, posting the owner's application id instead.
  const own = card(page, "Intruder Co");
  await own.locator("input[type=hidden][name=applicationId]").evaluate((el, id) => ((el as HTMLInputElement).value = id), ownerApp);
  await moveByMenu(page, "Intruder Co", "Rejected");
  await expect(own.getByRole("alert")).toHaveText("That application could not be found: it may have been deleted. Reload the board.");
  expect(await ownedRows(owner.email)).toEqual(before);
  expect((await applicationRow(ownerApp))?.status).toBe("interviewing");
  await page.reload();
  await expect(column(page, "interviewing").getByTestId("board-card").filter({ hasText: "Intruder Co" })).toHaveCount(1);
});

test("the board passes axe with cards, during a keyboard drag, and when empty", async ({ signedIn: page }) => {
  await page.goto("/board");
  await expect(page.getByRole("heading", { name: "No applications yet" })).toBeVisible();
  await expectNoSeriousViolations(page, "empty board");

  await secondRoundThirtyHoursAgo(page, "Axe Co");
  await addApplication(page, { company: "Other Co", roleTitle: "Analyst", status: "Applied" });
  await page.goto("/board");
  await expect(page.getByTestId("board-card")).toHaveCount(2);
  await expectNoSeriousViolations(page, "board with cards");

  await page.getByRole("button", { name: "Drag Other Co, Analyst" }).focus();
  await page.keyboard.press("Space");
  // An arrow pressed before the pick-up is announced can be lost.
  await expect(liveRegion(page)).toHaveText("Picked up Other Co, Analyst. In column Applied.");
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion(page)).toHaveText("Over column Screening.");
  await expectNoSeriousViolations(page, "board during a drag");
  await page.keyboard.press("Escape");
});
