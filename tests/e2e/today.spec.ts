import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { ownedRows, run, shifted, sql } from "./support/db";
import { stepCard, stepsOf, THANK_YOU_SECOND, todayBlock } from "./support/guidance";
import { DAY, dayAt, HOUR, logRound } from "./support/timeline";

// The morning view: an interview tomorrow, an overdue thank-you and three
// applications waiting on a decision. Today leads with the interview, then
// one block per application; advice stays on the application pages; "keep
// searching" is said once; a snoozed step waits under Put aside until restored.

const SCREENSHOTS = path.resolve("test-results", "screens");

/** A round that ended `daysAgo` days back, thanked, waiting on the company. */
async function waitingSince(page: Page, company: string, daysAgo: number) {
  const appId = await addApplication(page, { company, roleTitle: "Backend Engineer" });
  await logRound(page, { kind: "First interview", startsAt: new Date(Date.now() - daysAgo * DAY), duration: "60" });
  await run(sql`update rounds set thank_you_sent_at = ${shifted("scheduled_at", 7200)} where application_id = ${appId}`);
  return appId;
}

async function morning(page: Page) {
  // Tomorrow at 14:00 in the account's zone: inside Today's 48 hours whatever the hour now.
  const tomorrow = await dayAt(page, 1, 14);
  const northwind = await addApplication(page, { company: "Northwind", roleTitle: "Frontend Engineer" });
  await logRound(page, { kind: "First interview", startsAt: new Date(Date.now() - 12 * DAY), duration: "60" });
  await run(sql`update rounds set thank_you_sent_at = ${shifted("scheduled_at", 7200)} where application_id = ${northwind}`);
  await logRound(page, { kind: "Second interview", startsAt: tomorrow, duration: "60", people: [{ name: "Priya Raman", title: "Engineering Manager" }] });
  // Booked two days ahead, as the others were: a round booked today would have its questions due
  // this morning before 09:00 and tomorrow morning after it, so Today would change with the hour.
  await run(sql`update rounds set created_at = ${shifted("scheduled_at", -2 * 86400)} where application_id = ${northwind} and kind = 'second'`);

  // Ended 30 hours ago with no thank-you: overdue, and waiting on a decision.
  const lumen = await addApplication(page, { company: "Lumen Health", roleTitle: "Product Engineer" });
  await logRound(page, { kind: "Second interview", startsAt: new Date(Date.now() - 31 * HOUR), duration: "60", people: [{ name: "Dana Okafor" }] });
  // Logged when it was booked, two days ahead: a round typed in after it happened would make
  // its thank-you wait for the next 09:00 instead of being overdue.
  await run(
    sql`update rounds set created_at = ${shifted("scheduled_at", -2 * 86400)} where application_id = ${lumen}`,
    sql`update applications set created_at = ${shifted("created_at", -3 * 86400)} where id = ${lumen}`,
  );
  const fernhill = await waitingSince(page, "Fernhill", 3);
  const harbor = await waitingSince(page, "Harbor & Finch", 4);
  return { northwind, lumen, fernhill, harbor };
}

test("Today leads with tomorrow's interview, then one block per application; advice and keep searching are said once", async ({ signedIn: page }) => {
  const { lumen } = await morning(page);
  await page.goto("/");

  const today = page.locator("#today");
  // The interview is the first thing under Today, before any block.
  const interview = today.getByTestId("today-interview");
  await expect(interview).toHaveCount(1);
  await expect(interview).toContainText("Second interview with Northwind");
  await expect(interview).toContainText("You meet Priya Raman.");
  await expect(interview).toContainText(/^Tomorrow, 14:00/);
  await expect(interview.getByRole("link", { name: "Prepare for the second interview with Northwind" })).toHaveAttribute("href", /#prep-[\w-]+$/);
  const interviewBox = await interview.boundingBox();
  const blocksBox = await today.getByTestId("today-blocks").boundingBox();
  expect(interviewBox!.y).toBeLessThan(blocksBox!.y);

  // One block per application with something to do today, never one per step.
  const blocks = today.getByTestId("today-block");
  const names = await blocks.locator("h3").allTextContents();
  expect(new Set(names).size).toBe(names.length);
  expect(names).toContain("Product Engineer at Lumen Health");
  await expect(todayBlock(page, "Lumen Health").getByTestId("step")).toHaveCount(1);
  await expect(stepCard(page, THANK_YOU_SECOND, "Lumen Health").getByTestId("due")).toContainText("Overdue by 6 hours");
  // Booked two days ago for tomorrow: its questions fall due at 09:00 the day before the round,
  // today, a to-do for Today at any hour (still to come before 09:00, overdue after).
  await expect(todayBlock(page, "Northwind")).toContainText("Write down questions for them");
  await expect(page.getByTestId("coming-up")).not.toContainText("Write down questions for them · Northwind");

  // Advice is not a to-do: none of it on the dashboard, only counted.
  await expect(page.locator('[data-testid="step"][data-kind="advice"]')).toHaveCount(0);
  await expect(page.getByText("Keep other applications moving")).toHaveCount(0);
  await expect(page.getByTestId("advice-count")).toContainText(/\d+ notes on what a stage means/);

  // Keep searching, once, naming the three waiting.
  const keep = page.getByTestId("keep-searching");
  await expect(keep).toHaveCount(1);
  // Named most urgent first, as the steps are.
  await expect(keep).toContainText(/3 applications are waiting on a decision \((.+), (.+) and (.+)\); 1 other is in play\./);
  for (const name of ["Fernhill", "Harbor & Finch", "Lumen Health"]) await expect(keep).toContainText(name);

  // Coming up: the check-ins on the waiting applications.
  await expect(page.getByTestId("coming-up")).toContainText(/Follow up with Fernhill from \w{3} \d{1,2} \w{3}, if nothing is heard/);

  // The advice lives on the application's page, under What this stage means.
  await page.goto(`/applications/${lumen}`);
  const meaning = page.locator("#stage-meaning");
  await expect(meaning.getByRole("heading", { level: 2, name: "What this stage means" })).toBeVisible();
  await expect(meaning.getByTestId("step").filter({ hasText: "Keep other applications moving" })).toHaveCount(1);
  await expect(page.locator("#next-steps").locator('[data-kind="advice"]')).toHaveCount(0);
  await expect(page.locator("#next-steps").getByTestId("step")).toHaveCount(1);
});

test("a snoozed step waits under Put aside with when it ends, and Restore brings it back", async ({ signedIn: page }) => {
  const { lumen } = await morning(page);
  await page.goto("/");
  await expect(page.getByTestId("put-aside-link")).toHaveText("Put aside (0)");
  const card = stepCard(page, THANK_YOU_SECOND, "Lumen Health");
  await card.locator("summary", { hasText: "Snooze" }).click();
  await card.getByRole("button", { name: "3 days" }).click();
  await expect(stepCard(page, THANK_YOU_SECOND, "Lumen Health")).toHaveCount(0);
  await expect(page.getByTestId("put-aside-link")).toHaveText("Put aside (1)");
  expect((await stepsOf(lumen)).map((s) => s.state)).toEqual(["snoozed"]);

  await page.getByTestId("put-aside-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Put aside" })).toBeVisible();
  const aside = page.getByTestId("put-aside-step");
  await expect(aside).toHaveCount(1);
  await expect(aside).toContainText(THANK_YOU_SECOND);
  await expect(aside).toContainText(/Snoozed until \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `put aside, ${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  // A second tab of the same list, left open while the first restores.
  const stale = await page.context().newPage();
  await stale.goto("/put-aside");

  await aside.getByRole("button", { name: /^Restore: Send a thank-you/ }).click();
  await expect(page.getByTestId("put-aside-step")).toHaveCount(0);
  await expect(page.getByTestId("put-aside-empty")).toBeVisible();
  expect(await stepsOf(lumen)).toEqual([]);
  // Restore in the stale tab brings its list up to date: no 404 page for one's own step.
  await stale.getByTestId("put-aside-step").getByRole("button", { name: /^Restore/ }).click();
  await expect(stale.getByTestId("put-aside-empty")).toBeVisible();
  await expect(stale.getByRole("heading", { name: "We couldn’t find that page" })).toHaveCount(0);
  await stale.close();
  await page.goto("/");
  await expect(stepCard(page, THANK_YOU_SECOND, "Lumen Health")).toHaveCount(1);
  await expect(page.getByTestId("put-aside-link")).toHaveText("Put aside (0)");
});

test("the dashboard passes axe light and dark, and Today starts within the first screen at 390 px", async ({ signedIn: page }) => {
  const { lumen } = await morning(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/");
      await expect(page.getByTestId("today-interview")).toBeVisible();
      await expectNoSeriousViolations(page, `dashboard, ${scheme}, ${width}px`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `dashboard-${width}-${scheme}.png`), fullPage: true });
    }
    const heading = await page.getByRole("heading", { level: 2, name: /^Today/ }).boundingBox();
    const interview = await page.getByTestId("today-interview").boundingBox();
    expect(heading!.y, `Today's heading at ${width}px`).toBeLessThan(page.viewportSize()!.height / 2);
    expect(interview!.y + interview!.height, `the interview at ${width}px`).toBeLessThan(page.viewportSize()!.height);
  }
  // The application page, with its advice under What this stage means and a step put aside.
  await page.goto(`/applications/${lumen}`);
  await stepCard(page, THANK_YOU_SECOND).getByRole("button", { name: /^Dismiss:/ }).click();
  await expect(page.locator("#put-aside")).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `application-${width}.png`), fullPage: true });
  }
  await page.goto("/put-aside");
  await page.screenshot({ path: path.join(SCREENSHOTS, "put-aside-390.png"), fullPage: true });
});

test("an empty day says what to do next in every part", async ({ signedIn: page }) => {
  await addApplication(page, { company: "Quiet Start", roleTitle: "Designer", status: "Saved" });
  await page.goto("/");
  await expect(page.getByTestId("today-empty")).toContainText("Nothing is due today.");
  await expect(page.getByTestId("coming-up-empty")).toContainText("When an interview is booked, log it");
  await expect(page.getByTestId("advice-empty")).toContainText("No advice right now.");
  await page.goto("/put-aside");
  await expect(page.getByTestId("put-aside-empty")).toContainText("Nothing is put aside.");
  await expectNoSeriousViolations(page, "empty put aside");
});

test("another user's Restore changes nothing: their step stays put aside and the answer is 404", async ({ signedIn: page, browser }) => {
  // The owner snoozes a step in their own browser.
  const context = await browser.newContext();
  const ownerPage = await context.newPage();
  const owner = newAccount("owner");
  await signUp(ownerPage, owner);
  const lumen = await addApplication(ownerPage, { company: "Owner's Lumen", roleTitle: "Product Engineer" });
  await logRound(ownerPage, { kind: "Second interview", startsAt: new Date(Date.now() - 31 * HOUR), duration: "60" });
  const card = stepCard(ownerPage, THANK_YOU_SECOND);
  await card.getByRole("button", { name: /^Dismiss:/ }).click();
  await expect(stepCard(ownerPage, THANK_YOU_SECOND)).toHaveCount(0);
  await context.close();
  const [dismissed] = await stepsOf(lumen);
  const before = await ownedRows(owner.email);

  // The intruder puts aside a step of their own, then points its Restore at the owner's.
  const own = await addApplication(page, { company: "Intruder Co", roleTitle: "Product Engineer" });
  await logRound(page, { kind: "Second interview", startsAt: new Date(Date.now() - 31 * HOUR), duration: "60" });
  await stepCard(page, THANK_YOU_SECOND).getByRole("button", { name: /^Dismiss:/ }).click();
  await page.goto("/put-aside");
  const form = page.getByTestId("put-aside-step").locator("form");
  await form.locator("input[name=applicationId]").evaluate((el, v) => ((el as HTMLInputElement).value = v), lumen);
  await form.locator("input[name=key]").evaluate((el, v) => ((el as HTMLInputElement).value = v), dismissed.key);
  await form.getByRole("button", { name: /^Restore/ }).click();
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  expect(await ownedRows(owner.email)).toEqual(before);
  expect(await stepsOf(lumen)).toEqual([dismissed]);
  // The intruder's own step is still put aside too.
  expect((await stepsOf(own)).map((s) => s.state)).toEqual(["dismissed"]);
});
