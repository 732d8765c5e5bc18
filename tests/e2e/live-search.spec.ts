import type { Page } from "@playwright/test";
import { addApplication, expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { chooseTheme } from "./support/comfort";
import { seedApplications, type SeedApp } from "./support/list";
import { logRoundWith } from "./support/people";
import { DAY } from "./support/timeline";

const rows = (page: Page) => page.getByTestId("application-row");
const searchForm = (page: Page) => page.getByRole("search", { name: "Filter applications" });

const APPS: SeedApp[] = [
  { company: "Acme Anvils", excitement: 2, updatedAgo: 1000 },
  { company: "Acme Rockets", excitement: 5, updatedAgo: 2000 },
  { company: "Aperture Labs", excitement: 3, updatedAgo: 3000 },
  { company: "Bluth Company", status: "ghosted", excitement: 4, updatedAgo: 4000 },
];

/** A mark on the window that a full page load would wipe. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
}
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

test("the list narrows as you type, keeps the URL in step without a page load, and Back returns to it", async ({ signedIn: page, account }) => {
  const ids = await seedApplications(account.email, APPS);
  await page.goto("/applications");
  await expect(rows(page)).toHaveCount(4);
  await markPage(page);

  const search = searchForm(page).getByLabel("Search");
  await search.pressSequentially("Ac", { delay: 40 });
  await expect(page).toHaveURL(/\/applications\?q=Ac$/);
  await expect(rows(page)).toHaveCount(2);
  await search.pressSequentially("me R", { delay: 40 });
  await expect(page).toHaveURL(/\/applications\?q=Acme\+R$/);
  await expect(rows(page)).toHaveText([/Acme Rockets/]);
  await expect(page.getByTestId("result-count")).toHaveText("1 application");
  // No reload, no lost keystrokes, and the cursor is still in the box.
  expect(await stillSamePage(page)).toBe(true);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("Acme R");

  // Sort direction: Order flips the sort and lands in the URL.
  await search.fill("");
  await expect(page).toHaveURL(/\/applications$/);
  await searchForm(page).getByLabel("Sort by").selectOption({ label: "Company" });
  await expect(page).toHaveURL(/sort=company$/);
  await expect(rows(page).first()).toContainText("Acme Anvils");
  await expect(searchForm(page).getByLabel("Order")).toHaveValue("asc");
  await searchForm(page).getByLabel("Order").selectOption({ label: "Z to A" });
  await expect(page).toHaveURL(/sort=company&dir=desc$/);
  await expect(rows(page).first()).toContainText("Bluth Company");
  expect(await stillSamePage(page)).toBe(true);

  // Leave and come back: the list and its bar are as they were.
  await searchForm(page).getByLabel("Search").fill("acme");
  await expect(rows(page)).toHaveCount(2);
  await rows(page).filter({ hasText: "Acme Rockets" }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/applications/${ids["Acme Rockets"]}$`));
  await page.goBack();
  await expect(page).toHaveURL(/\/applications\?q=acme&sort=company&dir=desc$/);
  await expect(rows(page)).toHaveText([/Acme Rockets/, /Acme Anvils/]);
  await expect(searchForm(page).getByLabel("Search")).toHaveValue("acme");
  await expect(searchForm(page).getByLabel("Order")).toHaveValue("desc");

  // Clear filters empties the bar too.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect(searchForm(page).getByLabel("Search")).toHaveValue("");
  await expect(searchForm(page).getByLabel("Sort by")).toHaveValue("updated");
  await expectNoSeriousViolations(page, "list, light");
  await chooseTheme(page, "Dark");
  await expectNoSeriousViolations(page, "list, dark");
});

test("People narrows as you type, with the URL in step", async ({ signedIn: page }) => {
  await addApplication(page, { company: "Globex", roleTitle: "Platform lead" });
  await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Hank Scorpio" }, { name: "Frank Grimes" }]);
  await page.goto("/people");
  await expect(page.getByTestId("person")).toHaveCount(2);
  await markPage(page);
  await page.getByRole("searchbox", { name: "Filter" }).pressSequentially("scorp", { delay: 40 });
  await expect(page).toHaveURL(/\/people\?q=scorp$/);
  await expect(page.getByTestId("person")).toHaveText([/Hank Scorpio/]);
  expect(await stillSamePage(page)).toBe(true);
  await expectNoSeriousViolations(page, "people, light");
  await chooseTheme(page, "Dark");
  await expectNoSeriousViolations(page, "people, dark");
  await page.reload();
  await expect(page.getByTestId("person")).toHaveText([/Hank Scorpio/]);
  await expect(page.getByRole("searchbox", { name: "Filter" })).toHaveValue("scorp");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the filters fold behind a Filters button that counts those set, and the first rows are on screen", async ({ signedIn: page, account }) => {
    await seedApplications(account.email, APPS);
    await page.goto("/applications?status=ghosted&stars=4");
    const form = searchForm(page);
    const toggle = form.getByRole("button", { name: /^Filters/ });
    await expect(toggle).toHaveAccessibleName("Filters 2 set");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(form.getByLabel("Status")).toBeHidden();
    await expect(form.getByLabel("Search")).toBeVisible();
    const first = await rows(page).first().boundingBox();
    expect(first && first.y + 40).toBeLessThanOrEqual(844);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(form.getByLabel("Status")).toHaveValue("ghosted");
    await form.getByLabel("Status").selectOption("");
    await expect(page).toHaveURL(/\/applications\?stars=4$/);
    await expect(toggle).toHaveAccessibleName("Filters 1 set");
    await expectNoSeriousViolations(page, "list at 390 with filters open, light");
    await chooseTheme(page, "Dark");
    await expectNoSeriousViolations(page, "list at 390, dark");
  });
});
