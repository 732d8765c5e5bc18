import type { Browser, Locator, Page } from "@playwright/test";
import { addApplication, expect, signIn, test, type Account } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { run, sql, timeZoneOf } from "./support/db";
import { secondRoundThirtyHoursAgo, stepCard, THANK_YOU_SECOND } from "./support/guidance";
import { DAY, logRound, openLogForm } from "./support/timeline";

// The suite's browser is en-GB in UTC (playwright.config.ts); these tests
// open an en-US browser beside it on the same account and the same data.

/** 14:00 UTC, three days from now: in Coming up, and on the timeline. */
function threeDaysOutAtTwo(): Date {
  const d = new Date(Date.now() + 3 * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 14, 0));
}

async function americanPage(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC" });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

const GB_DATE_TIME = /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}, 14:00$/;
const US_DATE_TIME = /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}, 2:00 PM$/;
const US_DATE_TIME_24 = /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}, 14:00$/;

async function roundTime(page: Page): Promise<string> {
  const text = await page.locator("time").filter({ hasText: /14:00|2:00 PM/ }).first().textContent();
  return (text ?? "").trim();
}

test("the same data reads 24-hour British to an en-GB browser and 12-hour American to an en-US one", async ({ signedIn: page, account, browser }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Locale Labs");
  await logRound(page, { kind: "Final interview", startsAt: threeDaysOutAtTwo(), duration: "60" });

  // en-GB: the application page, the draft, the dashboard.
  await page.goto(`/applications/${appId}`);
  expect(await roundTime(page)).toMatch(GB_DATE_TIME);
  await expect(page.getByTestId("application-dates")).toHaveText(/^Added \d{1,2} [A-Z][a-z]{2} \d{4} · last updated \d{1,2} [A-Z][a-z]{2} \d{4}$/);
  const gbCard = stepCard(page, THANK_YOU_SECOND);
  await gbCard.getByText("Draft the thank-you").click();
  await expect(gbCard.getByLabel("Message")).toHaveValue(/Thank you for your time on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ to talk/);
  await page.goto("/");
  const gbComing = page.getByTestId("coming-up");
  await expect(gbComing).toContainText("14:00");
  await expect(gbComing).not.toContainText("PM");
  await expect(gbComing.getByRole("heading", { level: 3 }).filter({ hasNotText: /^(Today|Tomorrow)$/ }).first()).toHaveText(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}$/);

  // en-US, same account.
  const us = await americanPage(browser, account);
  await us.goto(`/applications/${appId}`);
  expect(await roundTime(us)).toMatch(US_DATE_TIME);
  await expect(us.getByTestId("application-dates")).toHaveText(/^Added [A-Z][a-z]{2} \d{1,2}, \d{4} · last updated [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  const usCard = stepCard(us, THANK_YOU_SECOND);
  await usCard.getByText("Draft the thank-you").click();
  await expect(usCard.getByLabel("Message")).toHaveValue(/Thank you for your time on [A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2} to talk/);
  await us.goto("/");
  const usComing = us.getByTestId("coming-up");
  await expect(usComing).toContainText("2:00 PM");
  await expect(usComing.getByRole("heading", { level: 3 }).filter({ hasNotText: /^(Today|Tomorrow)$/ }).first()).toHaveText(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}$/);

  // The American user chooses a 24-hour clock: their pages follow, the locale stays.
  await us.goto("/settings");
  await expect(us.getByLabel("Language and region")).toHaveValue("auto");
  await expect(us.getByRole("option", { name: "Automatic (from your browser: English (United States))" })).toBeAttached();
  await us.getByLabel("Clock").selectOption("h23");
  await us.getByRole("button", { name: "Save dates and times" }).click();
  await expect(us.getByText("Saved. Dates and times follow your choice on every page.")).toBeVisible();
  await us.goto(`/applications/${appId}`);
  expect(await roundTime(us)).toMatch(US_DATE_TIME_24);
  await us.goto("/");
  await expect(us.getByTestId("coming-up")).not.toContainText("PM");
  await us.context().close();
});

/**
 * What a browser without a date picker sends: the text as typed. Set and
 * sent in one step, before React can render the native input back.
 */
async function typeAndSave(input: Locator, text: string) {
  await input.evaluate((el, value) => {
    const field = el as HTMLInputElement;
    field.type = "text";
    field.value = value;
    field.form?.requestSubmit(field.form.querySelector<HTMLButtonElement>("button[type=submit]") ?? undefined);
  }, text);
}

test("a date typed by hand is read, and its error example written, the way the browser's locale writes dates", async ({ signedIn: page, account, browser }) => {
  const appId = await addApplication(page, { company: "Example Co", roleTitle: "Analyst" });
  const us = await americanPage(browser, account);
  for (const [p, example, typed] of [
    [page, "like 14/03/2026, 09:30.", "14/03/2030, 09:30"],
    [us, "like 03/14/2026, 09:30 AM.", "03/14/2030, 9:30 AM"],
  ] as const) {
    await p.goto(`/applications/${appId}`);
    const form = await openLogForm(p, "log-round");
    await typeAndSave(form.getByLabel("Starts"), "next Tuesday");
    await expect(form.locator("#field-scheduledAt-error")).toHaveText(`Start must be a date and time, ${example}`);
    await typeAndSave(form.getByLabel("Starts"), typed);
    await expect(p.getByTestId("log-round")).not.toHaveAttribute("open", "");
  }
  // Both typed dates meant 14 March 2030, 09:30 in UTC.
  await page.reload();
  await expect(page.getByText("Thu, 14 Mar 2030, 09:30", { exact: true })).toHaveCount(2);
  await us.context().close();
});

test("the zone picker finds a zone by city, name or offset, and saves its current name", async ({ signedIn: page, account }) => {
  await page.goto("/settings");
  const picker = page.getByRole("combobox", { name: "Your time zone" });
  await picker.fill("Kolkata");
  const listbox = page.getByRole("listbox", { name: "Time zones" });
  await expect(listbox.getByRole("option")).toHaveText(["Asia/Kolkata — UTC+05:30"]);
  await picker.press("Enter");
  await expect(picker).toHaveValue("Asia/Kolkata");
  await expect(listbox).toBeHidden();
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Times are now shown in Asia/Kolkata.")).toBeVisible();
  await expect.poll(async () => await timeZoneOf(account.email)).toBe("Asia/Kolkata");

  // Lower case, an old spelling, and an offset, chosen with the arrow keys.
  await picker.fill("kyiv");
  await expect(listbox.getByRole("option")).toHaveText([/^Europe\/Kyiv — UTC\+0[23]:00$/]);
  await picker.fill("new york");
  await expect(listbox.getByRole("option")).toHaveText([/^America\/New York — UTC−0[45]:00$/]);
  await picker.fill("calcutta");
  await expect(listbox.getByRole("option")).toHaveText(["Asia/Kolkata — UTC+05:30"]);
  await picker.fill("GMT+5:45");
  await expect(listbox.getByRole("option")).toHaveText(["Asia/Kathmandu — UTC+05:45"]);
  await picker.fill("GMT+5:30");
  await picker.press("ArrowDown");
  await expect(listbox.getByRole("option", { selected: true })).toHaveCount(1);
  await picker.press("Escape");
  await expect(listbox).toBeHidden();

  // A zone saved under its old spelling still works and reads as today's name.
  await run(sql`update users set time_zone = 'Asia/Calcutta' where email = ${account.email}`);
  await page.reload();
  await expect(picker).toHaveValue("Asia/Kolkata");
});

for (const scheme of ["light", "dark"] as const) {
  for (const width of [1280, 390]) {
    test(`Settings' time zone and dates sections pass axe, ${scheme}, ${width} px`, async ({ signedIn: page }, info) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/settings");
      await page.getByRole("heading", { name: "Dates and times" }).scrollIntoViewIfNeeded();
      await expectNoSeriousViolations(page, `settings, ${scheme}, ${width}`);
      await page.getByRole("combobox", { name: "Your time zone" }).fill("new");
      await expect(page.getByRole("listbox", { name: "Time zones" })).toBeVisible();
      await expectNoSeriousViolations(page, `zone picker open, ${scheme}, ${width}`);
      await page.getByRole("heading", { name: "Time zone" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath(`settings-${scheme}-${width}.png`) });
    });
  }
}
