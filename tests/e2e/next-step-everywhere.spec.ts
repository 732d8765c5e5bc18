import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { insertionOrder, row, roundsOf, run, shifted, sql, type Sql } from "./support/db";
import { DAY, dayAt, HOUR, logRound, openLogForm } from "./support/timeline";

// The same next step everywhere (board, list, calendar feed, Today), the
// application page's Prepare item for an interview tomorrow, and the open
// offers side by side, each only ever the owner's.

/** The VEVENTs of a feed as SUMMARY texts, with ICS escapes undone. */
function summaries(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((l) => l.startsWith("SUMMARY:"))
    .map((l) => l.slice("SUMMARY:".length).replace(/\\([,;\\])/g, "$1"));
}

async function createFeed(page: Page): Promise<string> {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Create a calendar feed URL" }).click();
  const field = page.getByLabel("Feed URL");
  await expect(field).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return field.inputValue();
}

/** Three applications: a thank-you owed, a follow-up long overdue, and one with nothing to do until its check-in. */
async function threeApplications(page: Page) {
  const lumen = await addApplication(page, { company: "Lumen Health", roleTitle: "Product Engineer" });
  await logRound(page, { kind: "First interview", startsAt: new Date(Date.now() - 12 * DAY), duration: "60" });
  await logRound(page, { kind: "Second interview", startsAt: new Date(Date.now() - 31 * HOUR), duration: "60" });
  await run(sql`update rounds set thank_you_sent_at = ${shifted("scheduled_at", 7200)} where application_id = ${lumen} and kind = 'first'`);
  const fernhill = await addApplication(page, { company: "Fernhill", roleTitle: "Backend Engineer" });
  await logRound(page, { kind: "First interview", startsAt: new Date(Date.now() - 10 * DAY), duration: "60" });
  await run(sql`update rounds set thank_you_sent_at = ${shifted("scheduled_at", 7200)} where application_id = ${fernhill}`);
  const quiet = await addApplication(page, { company: "Quiet Co", roleTitle: "Engineer", status: "Applied" });
  const threeDaysAgo = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10);
  const backdated: Sql[] = [sql`update applications set applied_on = ${threeDaysAgo} where id = ${quiet}`];
  // Logged as they happened (each round when it was booked): a round typed in today would
  // make its steps wait for the next 09:00, and where they stand would depend on the hour.
  for (const id of [lumen, fernhill]) {
    backdated.push(
      sql`update rounds set created_at = ${shifted("scheduled_at", -2 * 86400)} where application_id = ${id}`,
      sql`update applications set created_at = ${shifted("created_at", -15 * 86400)} where id = ${id}`,
    );
  }
  await run(...backdated);
}

test("Today, the board, the list and the calendar feed name the same next step for each application", async ({ signedIn: page, playwright }) => {
  await threeApplications(page);
  await page.goto("/");
  const today: Record<string, string> = {};
  for (const company of ["Lumen Health", "Fernhill"]) {
    const block = page.getByTestId("today-block").filter({ hasText: company });
    today[company] = (await block.getByTestId("step").first().getByRole("heading").first().textContent())!.trim();
  }
  expect(today["Lumen Health"]).toMatch(/^Send a thank-you for your second interview/);
  // Not due today: Quiet Co has no block, and its check-in is what the other views show.
  await expect(page.getByTestId("today-block").filter({ hasText: "Quiet Co" })).toHaveCount(0);
  const quietNext = /Nothing to do yet\. Follow up on your application to Quiet Co from /;

  await page.goto("/board");
  const card = (company: string) => page.locator("li", { has: page.getByText(company, { exact: true }) }).getByTestId("next-step");
  for (const [company, title] of Object.entries(today)) await expect(card(company).first()).toContainText(title);
  await expect(card("Quiet Co").first()).toContainText(quietNext);

  await page.goto("/applications");
  const row = (company: string) => page.getByTestId("application-row").filter({ hasText: company }).getByTestId("next-step");
  for (const [company, title] of Object.entries(today)) await expect(row(company)).toContainText(title);
  await expect(row("Quiet Co")).toContainText("Follow up on your application to Quiet Co from ");

  const url = await createFeed(page);
  const anonymous = await playwright.request.newContext();
  const feed = summaries(await (await anonymous.get(url)).text());
  for (const [company, title] of Object.entries(today)) {
    const mine = feed.filter((s) => s.includes(company) && !/interview ·/i.test(s) && s.startsWith(title.slice(0, 12)));
    expect(mine, company).toHaveLength(1);
    expect(mine[0].startsWith(title), `${company}: ${mine[0]}`).toBe(true);
  }
  expect(feed).toContain("Follow up on your application to Quiet Co, if nothing is heard");
  await anonymous.dispose();
});

test("a screening call tomorrow gets a Prepare item on its own page, where the dashboard's Prepare link lands", async ({ signedIn: page }) => {
  // Tomorrow at 14:00 in the account's zone: tomorrow, and inside Today's 48 hours, at any hour now.
  const tomorrow = await dayAt(page, 1, 14);
  const beacon = await addApplication(page, { company: "Beacon", roleTitle: "Engineer", status: "Screening" });
  await logRound(page, { kind: "Screening call", startsAt: tomorrow, duration: "30" });
  const [round] = await roundsOf(beacon);
  const item = page.locator(`#prep-${String(round.id)}`);
  await expect(item).toBeVisible();
  await expect(item.getByRole("heading", { level: 3 })).toContainText(/^Prepare: screening call, tomorrow/);

  await page.goto("/");
  const prepare = page.getByTestId("today-interview").getByRole("link", { name: /^Prepare for the screening call with Beacon/ });
  await expect(prepare).toHaveAttribute("href", `/applications/${beacon}#prep-${String(round.id)}`);
  await prepare.click();
  await expect(page.locator(`#prep-${String(round.id)}`)).toBeInViewport();
});

/** Logs an offer with its terms through the event form. */
async function logOffer(page: Page, terms: { base: string; answerBy: string; equity?: string }) {
  const form = await openLogForm(page, "log-event");
  await form.getByLabel("What happened").selectOption({ label: "Offer received" });
  await form.getByLabel("Base pay (yearly)").fill(terms.base);
  await form.getByLabel("Currency").fill("GBP");
  if (terms.equity) await form.getByLabel("Equity").fill(terms.equity);
  await form.getByLabel("Answer by").fill(terms.answerBy);
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByTestId("log-event")).not.toHaveAttribute("open", "");
}

test("two open offers are compared side by side, the round before each reads 'Offer after this round', and nobody else sees them", async ({ signedIn: page, browser }) => {
  const answerBy = new Date(Date.now() + 9 * DAY).toISOString().slice(0, 10);
  const orbit = await addApplication(page, { company: "Orbit Labs", roleTitle: "Staff Engineer" });
  await logRound(page, { kind: "Final interview", startsAt: new Date(Date.now() - 4 * DAY), duration: "60" });
  await logOffer(page, { base: "95k", answerBy, equity: "0.1% over 4 years" });
  await expect(page.getByTestId("round-outcome")).toHaveText("Offer after this round");
  await addApplication(page, { company: "Kestrel", roleTitle: "Senior Engineer" });
  await logRound(page, { kind: "Second interview", startsAt: new Date(Date.now() - 3 * DAY), duration: "60" });
  await logOffer(page, { base: "88,000", answerBy });

  await page.goto("/");
  await page.getByTestId("offers-link").getByRole("link", { name: "Compare offers" }).click();
  const table = page.getByTestId("offer-comparison");
  await expect(table.getByTestId("offer-column")).toHaveCount(2);
  await expect(table).toContainText("Orbit Labs");
  await expect(table).toContainText("£95,000");
  await expect(table).toContainText("£88,000");
  await expect(table).toContainText("0.1% over 4 years");
  await expect(table).toContainText("(in 9 days)");
  await expectNoSeriousViolations(page, "offers light");
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, "offers-1366-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousViolations(page, "offers dark");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "offers-390-dark.png"), fullPage: true });

  const other = await browser.newPage();
  await signUp(other, newAccount("other"));
  await other.goto("/offers");
  await expect(other.getByTestId("offers-empty")).toContainText("No offer is open");
  await expect(other.locator("body")).not.toContainText("Orbit Labs");
  await other.goto("/");
  await expect(other.getByTestId("offers-link")).toHaveCount(0);
  expect((await other.goto(`/applications/${orbit}`))?.status()).toBe(404);
  await other.close();
});

/** Where the screenshots go: outside the repository, looked at by hand. */
const SHOTS = process.env.SHOTS_DIR ?? path.join(os.tmpdir(), "shortlist-shots");

test("the changed pages pass axe in light and dark, with screenshots at 1366 and 390 px", async ({ signedIn: page }) => {
  // Five pages, two themes, two widths: longer than one page's test.
  test.setTimeout(300_000);
  await threeApplications(page);
  const beacon = await addApplication(page, { company: "Beacon", roleTitle: "Engineer", status: "Screening" });
  await logRound(page, { kind: "Screening call", startsAt: new Date(Date.now() + 26 * HOUR), duration: "30" });
  const lumen = String((await row<{ id: string }>(sql`select id from applications where company = 'Lumen Health' order by ${insertionOrder()} desc`))!.id);
  mkdirSync(SHOTS, { recursive: true });
  const pages = { dashboard: "/", board: "/board", list: "/applications", application: `/applications/${beacon}`, "application-signals": `/applications/${lumen}` };
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, url] of Object.entries(pages)) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(url);
      await expectNoSeriousViolations(page, `${name} ${scheme}`);
      await page.screenshot({ path: path.join(SHOTS, `${name}-1366-${scheme}.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(SHOTS, `${name}-390-${scheme}.png`), fullPage: true });
    }
  }
});
