import { SECOND_URL } from "../../playwright.config";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { instant, instantMs, run, sql } from "./support/db";
import { expectGone, secondRoundThirtyHoursAgo, stepCard, stepsOf, THANK_YOU_SECOND } from "./support/guidance";

// What the dashboard's caches (the overview's parts, the plan, kept per
// server process) must never miss: a snooze ending with nothing written, a
// raw write behind both servers' backs, and another user's identical data.

test("a snooze that ends brings its step back at once, though nothing was written since the page was cached", async ({ signedIn: page }) => {
  // The snooze below ends SNOOZE_S after it is written; the page must be read and cached before then.
  const SNOOZE_S = 30;
  test.setTimeout(150_000);
  const { appId } = await secondRoundThirtyHoursAgo(page, "Snooze Ends");
  await page.goto("/");
  const card = stepCard(page, THANK_YOU_SECOND, "Snooze Ends");
  await card.locator("summary", { hasText: "Snooze" }).click();
  await card.getByRole("button", { name: "3 days" }).click();
  await expectGone(page, THANK_YOU_SECOND, "Snooze Ends");
  const [snoozed] = await stepsOf(appId);
  expect(snoozed.state).toBe("snoozed");

  // The snooze now ends in a few seconds: written once, then the page is only read.
  const endsAt = Math.floor(Date.now() / 1000) + SNOOZE_S;
  await run(sql`update guidance_steps set until = ${instant(endsAt)} where application_id = ${appId} and key = ${snoozed.key}`);
  for (const url of ["/", `${SECOND_URL}/`, "/", `${SECOND_URL}/`]) {
    await page.goto(url);
    await expect(page.getByTestId("put-aside-link")).toHaveText("Put aside (1)");
    await expectGone(page, THANK_YOU_SECOND, "Snooze Ends");
  }
  expect(Date.now(), "the cached pages were read before the snooze ended").toBeLessThan(endsAt * 1000);
  // Both servers have cached the page with the step put aside; once the snooze ends, both show it.
  while (Date.now() < endsAt * 1000 + 200) await page.waitForTimeout(250);
  for (const url of ["/", `${SECOND_URL}/`]) {
    await page.goto(url);
    await expect(stepCard(page, THANK_YOU_SECOND, "Snooze Ends")).toHaveCount(1);
    await expect(page.getByTestId("put-aside-link")).toHaveText("Put aside (0)");
  }
});

test("a write is seen at once on a cached dashboard, on either server", async ({ signedIn: page }) => {
  await addApplication(page, { company: "Reused Before", roleTitle: "Analyst" });
  for (const url of ["/", "/", `${SECOND_URL}/`, `${SECOND_URL}/`]) {
    await page.goto(url);
    await expect(page.getByTestId("count-applied")).toHaveText("1");
  }
  // A raw write behind both servers' backs: only the version in the database tells them.
  await run(sql`update applications set company = 'Reused After', updated_at = ${instantMs(Date.now())} where company = 'Reused Before'`);
  for (const url of ["/", `${SECOND_URL}/`]) {
    await page.goto(url);
    await expect(page.getByRole("link", { name: /at Reused After/ })).toBeVisible();
    await expect(page.getByText("Reused Before")).toHaveCount(0);
  }
});

test("two users with the same applications never see each other's cached dashboard", async ({ signedIn: page, browser }) => {
  const context = await browser.newContext();
  const otherPage = await context.newPage();
  const other = newAccount("other");
  await signUp(otherPage, other);
  // The same company and role for both: only the owner tells the pages apart.
  const mine = await addApplication(page, { company: "Same Co", roleTitle: "Same Role" });
  const theirs = await addApplication(otherPage, { company: "Same Co", roleTitle: "Same Role" });
  for (let i = 0; i < 3; i++) {
    await page.goto("/");
    await otherPage.goto("/");
    await expect(page.getByRole("link", { name: /Same Role at Same Co/ })).toHaveAttribute("href", `/applications/${mine}`);
    await expect(otherPage.getByRole("link", { name: /Same Role at Same Co/ })).toHaveAttribute("href", `/applications/${theirs}`);
  }
  await context.close();
});
