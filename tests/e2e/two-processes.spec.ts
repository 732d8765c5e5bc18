import { FIRST_URL, SECOND_URL } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { now, run, sql } from "./support/db";
import { expectGone, secondRoundThirtyHoursAgo, stepCard, THANK_YOU_SECOND } from "./support/guidance";

// Two server processes on one database (the config starts the second): the
// versions that decide whether a cached part is still good live in the
// database, so a write through one process shows at once on the other,
// whose cache held the old answer. Cookies are per host, not per port, so
// one browser session is signed in on both. On Postgres the two are the
// servers behind nginx, each reached here directly (FIRST_URL, SECOND_URL).

test("a write through one process is seen at once by another that had cached the page", async ({ signedIn: page }) => {
  await secondRoundThirtyHoursAgo(page, "Twin Servers");
  const other = await secondRoundThirtyHoursAgo(page, "Other Co");

  // Warm the second process: its cache now holds both thank-yous.
  await page.goto(`${SECOND_URL}/`);
  await expect(stepCard(page, THANK_YOU_SECOND, "Twin Servers")).toHaveCount(1);
  await expect(stepCard(page, THANK_YOU_SECOND, "Other Co")).toHaveCount(1);

  // Done through the first process.
  await page.goto(`${FIRST_URL}/`);
  await stepCard(page, THANK_YOU_SECOND, "Twin Servers").getByRole("button", { name: /^Done:/ }).click();
  await expectGone(page, THANK_YOU_SECOND, "Twin Servers");

  await page.goto(`${SECOND_URL}/`);
  await expectGone(page, THANK_YOU_SECOND, "Twin Servers");
  await expect(stepCard(page, THANK_YOU_SECOND, "Other Co")).toHaveCount(1);

  // And the other way, behind both processes' backs: a raw write to the database.
  await run(sql`update rounds set thank_you_sent_at = ${now()} where id = ${other.round2Id}`);
  await page.goto(`${FIRST_URL}/`);
  await expectGone(page, THANK_YOU_SECOND, "Other Co");
  await page.goto(`${SECOND_URL}/`);
  await expectGone(page, THANK_YOU_SECOND, "Other Co");
});
