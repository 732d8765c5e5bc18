import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { applicationRow, now, ownedRows, run, sql } from "./support/db";
import { stepCard } from "./support/guidance";
import { seedApplications, unansweredApp, type SeedApp } from "./support/list";
import { DAY, HOUR } from "./support/timeline";

const rows = (page: Page) => page.getByTestId("application-row");
const count = (page: Page) => page.getByTestId("result-count");

async function expectCompanies(page: Page, companies: string[]) {
  await expect(rows(page)).toHaveCount(companies.length);
  for (const company of companies) await expect(rows(page).filter({ hasText: company })).toHaveCount(1);
}

const FIVE: SeedApp[] = [
  // Round 2 ended 30 hours ago with no thank-you: that step is 6 hours overdue.
  { company: "Overdue Owl", status: "interviewing", rounds: [{ kind: "second", startsAt: new Date(Date.now() - 31 * HOUR) }], updatedAgo: 1000 },
  { company: "Soon Sparrow", status: "interviewing", excitement: 2, rounds: [{ startsAt: new Date(Date.now() + 3 * DAY) }], updatedAgo: 2000 },
  { company: "Later Lark", status: "interviewing", excitement: 5, rounds: [{ startsAt: new Date(Date.now() + 10 * DAY) }], updatedAgo: 3000 },
  { company: "Ghost Gull", status: "ghosted", excitement: 4, updatedAgo: 4000 },
  { company: "Plain Pigeon", status: "applied", updatedAgo: 5000 },
];
const ALL = FIVE.map((a) => a.company);

test("each filter narrows the list to the right rows, lives in the URL and the back button undoes it", async ({ signedIn: page, account }) => {
  await seedApplications(account.email, FIVE);
  await page.goto("/applications");
  await expectCompanies(page, ALL);
  await expect(count(page)).toHaveText("5 applications");
  await expect(rows(page).filter({ hasText: "Overdue Owl" }).getByTestId("next-step")).toContainText(/Send a thank-you .* overdue by 6 hours/);

  const form = page.getByRole("search", { name: "Filter applications" });
  // Each change applies at once: there is no Apply button to press.
  await form.getByLabel("Status").selectOption({ label: "Ghosted" });
  await expect(page).toHaveURL(/status=ghosted/);
  await expectCompanies(page, ["Ghost Gull"]);
  await expect(count(page)).toHaveText("1 application");

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expectCompanies(page, ALL);
  await expect(form.getByLabel("Status")).toHaveValue("");
  await form.getByLabel("Has an overdue step").check();
  await expect(page).toHaveURL(/overdue=1/);
  await expectCompanies(page, ["Overdue Owl"]);

  await page.goto("/applications");
  await form.getByLabel("Interview in the next 7 days").check();
  await expect(page).toHaveURL(/soon=1/);
  await expectCompanies(page, ["Soon Sparrow"]);

  await page.goto("/applications");
  await form.getByLabel("Excitement").selectOption({ label: "At least 4 stars" });
  await expect(page).toHaveURL(/stars=4/);
  await form.getByLabel("Sort by").selectOption({ label: "Excitement" });
  await expect(page).toHaveURL(/sort=excitement/);
  await expectCompanies(page, ["Later Lark", "Ghost Gull"]);
  await expect(rows(page).first()).toContainText("Later Lark");
  await expectNoSeriousViolations(page, "list with filters applied");

  // A shared link opens the same filtered list, with the form showing it; Back returns to the last one.
  await page.goto("/applications?soon=1&stars=2");
  await expectCompanies(page, ["Soon Sparrow"]);
  await expect(form.getByLabel("Interview in the next 7 days")).toBeChecked();
  await expect(form.getByLabel("Excitement")).toHaveValue("2");
  await page.goBack();
  await expect(page).toHaveURL(/stars=4/);
  await expectCompanies(page, ["Later Lark", "Ghost Gull"]);

  // Junk in the query string falls back to the defaults instead of failing.
  const response = await page.goto("/applications?stars=nine&status=hired&page=-3&size=7&sort=random");
  expect(response?.status()).toBe(200);
  await expectCompanies(page, ALL);

  await page.goto("/applications?q=nothing-like-this");
  await expect(count(page)).toHaveText("No applications match");
  await expect(page.getByText("No applications match these filters.")).toBeVisible();
});

test("more than one page: Previous and Next carry a cursor and keep the filters; a row added meanwhile shifts nothing; a bad cursor gives the first page", async ({
  signedIn: page,
  account,
}) => {
  const bulk = Array.from({ length: 60 }, (_, i) => ({ company: `Bulk ${String(i).padStart(2, "0")}`, updatedAgo: i * 1000 }));
  await seedApplications(account.email, [...bulk, { company: "Other Thing", updatedAgo: 100_000 }]);

  await page.goto("/applications?q=bulk");
  await expect(count(page)).toHaveText("Showing 1–50 of 60 applications · page 1 of 2");
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText("Bulk 00");
  const pages = page.getByRole("navigation", { name: "Pages" });
  // By keyboard: the links are ordinary links.
  await pages.getByRole("link", { name: "Next →" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=bulk.*cursor=|cursor=.*q=bulk/);
  await expect(count(page)).toHaveText("Showing 51–60 of 60 applications · page 2 of 2");
  await expect(rows(page)).toHaveCount(10);
  await expect(rows(page).first()).toContainText("Bulk 50");
  await expect(page.getByText("Other Thing")).toHaveCount(0);
  await expect(pages.getByRole("link", { name: "Next →" })).toHaveCount(0);
  await expectNoSeriousViolations(page, "list, second page");

  // One added while on page 2 sorts first; going back, the 50 rows before Bulk 50 are still Bulk 00 to 49.
  await seedApplications(account.email, [{ company: "Bulk new", updatedAgo: 0 }]);
  await pages.getByRole("link", { name: "← Previous" }).click();
  await expect(count(page)).toHaveText("Showing 2–51 of 61 applications · page 1 of 2");
  await expect(rows(page).first()).toContainText("Bulk 00");
  await expect(rows(page).last()).toContainText("Bulk 49");
  await pages.getByRole("link", { name: "← Previous" }).click();
  await expect(count(page)).toHaveText("Showing 1–50 of 61 applications · page 1 of 2");
  await expect(rows(page).first()).toContainText("Bulk new");
  await expect(pages.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");

  // 25 a page: Next twice reaches the end.
  await page.getByLabel("Per page").selectOption("25");
  await expect(count(page)).toHaveText("Showing 1–25 of 61 applications · page 1 of 3");
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(count(page)).toHaveText("Showing 26–50 of 61 applications · page 2 of 3");
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/size=25/);
  await expect(count(page)).toHaveText("Showing 51–61 of 61 applications · page 3 of 3");
  await expect(rows(page).last()).toContainText("Bulk 59");

  // A cursor that is not one the list made: the first page, and a note why.
  for (const bad of ["garbage", Buffer.from('{"s":"updated","d":"desc","k":"x","i":"1","t":"a","n":1}').toString("base64url")]) {
    const response = await page.goto(`/applications?q=bulk&cursor=${bad}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "could not be read" })).toBeVisible();
    await expect(count(page)).toHaveText("Showing 1–50 of 61 applications · page 1 of 2");
  }
});

test("Mark as ghosted on the move-on step: the status is Ghosted for good, and the application stays listed and searchable", async ({
  signedIn: page,
  account,
}) => {
  const ids = await seedApplications(account.email, [unansweredApp("Silent Systems"), unansweredApp("Quiet Queue Ltd")]);

  // On the application page.
  await page.goto(`/applications/${ids["Silent Systems"]}`);
  const card = stepCard(page, "Consider moving on from Silent Systems");
  await expect(card).toHaveCount(1);
  await card.getByRole("button", { name: "Mark as ghosted: Consider moving on from Silent Systems" }).click();
  await expect(page.getByTestId("undo-toast")).toContainText("Marked Silent Systems as ghosted.");
  // The button left with its step: focus is not lost to the top of the page.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  await expect(stepCard(page, "Consider moving on from Silent Systems")).toHaveCount(0);
  await page.goto(`/applications/${ids["Silent Systems"]}`);
  await expect(page.locator("header").getByText("Ghosted", { exact: true })).toBeVisible();
  await expect(stepCard(page, "Consider moving on from Silent Systems")).toHaveCount(0);
  expect((await applicationRow(ids["Silent Systems"]))?.status).toBe("ghosted");

  // On the dashboard, where move-on steps are one item.
  await page.goto("/");
  const item = page.getByTestId("move-on-item");
  await item.getByText("1 application has heard nothing").click();
  await item.getByRole("button", { name: "Mark 1 application as ghosted" }).click();
  await expect(page.getByTestId("undo-toast")).toContainText("Moved 1 application to Ghosted.");
  await expect(item).toHaveCount(0);
  expect((await applicationRow(ids["Quiet Queue Ltd"]))?.status).toBe("ghosted");

  await page.goto("/applications?q=silent");
  await expectCompanies(page, ["Silent Systems"]);
  await expect(rows(page).first()).toContainText("Ghosted");
  await page.goto("/applications");
  await expectCompanies(page, ["Silent Systems", "Quiet Queue Ltd"]);
});

test("a stale tab cannot ghost an application that has since heard back", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, [unansweredApp("Late Reply Inc")]);
  await page.goto(`/applications/${ids["Late Reply Inc"]}`);
  const card = stepCard(page, "Consider moving on from Late Reply Inc");
  await expect(card).toHaveCount(1);
  // Meanwhile, in another tab, the company answers.
  await run(
    sql`insert into events (id, user_id, application_id, kind, occurred_at)
        select ${randomUUID()}, user_id, id, 'response_received', ${now()} from applications where id = ${ids["Late Reply Inc"]}`,
  );
  await card.getByRole("button", { name: /^Mark as ghosted/ }).click();
  // The page catches up: the step has gone, and the application was not ghosted.
  await expect(stepCard(page, "Consider moving on from Late Reply Inc")).toHaveCount(0);
  expect((await applicationRow(ids["Late Reply Inc"]))?.status).toBe("interviewing");
});

test("a second user can neither list nor ghost the first user's application", async ({ browser, signedIn: page, account }) => {
  const owner = newAccount("owner");
  const ownerContext = await browser.newContext();
  await signUp(await ownerContext.newPage(), owner);
  await ownerContext.close();
  const ownerIds = await seedApplications(owner.email, [{ ...unansweredApp("Owner Secret Co"), excitement: 5 }]);
  const before = await ownedRows(owner.email);

  const mine = await seedApplications(account.email, [unansweredApp("Intruder Co")]);
  for (const query of ["q=owner", "status=interviewing", "overdue=1", "stars=5", "sort=next-step", "archived=1"]) {
    await page.goto(`/applications?${query}`);
    await expect(page.getByText("Owner Secret Co"), query).toHaveCount(0);
  }

  // The button on the intruder's own step, pointed at the owner's application.
  await page.goto(`/applications/${mine["Intruder Co"]}`);
  const card = stepCard(page, "Consider moving on from Intruder Co");
  const ghostButton = card.getByRole("button", { name: /^Mark as ghosted/ });
  await card
    .locator("form", { has: page.getByRole("button", { name: /^Mark as ghosted/ }) })
    .locator("input[type=hidden][name=applicationId]")
    .evaluate((el, v) => ((el as HTMLInputElement).value = v), ownerIds["Owner Secret Co"]);
  await ghostButton.click();
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  expect(await ownedRows(owner.email)).toEqual(before);
  expect((await applicationRow(mine["Intruder Co"]))?.status).toBe("interviewing");

});
