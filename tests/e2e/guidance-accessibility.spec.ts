import { expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { expectGone, secondRoundThirtyHoursAgo, stepCard, THANK_YOU_SECOND } from "./support/guidance";

const THANK_YOU = THANK_YOU_SECOND;

test("next steps, drafts, the dashboard queue and the timings form pass axe", async ({ signedIn: page }) => {
  await secondRoundThirtyHoursAgo(page, "Axe Works");
  await expectNoSeriousViolations(page, "application with next steps");
  const card = stepCard(page, THANK_YOU);
  await card.getByText("Draft the thank-you").click();
  await card.locator("summary", { hasText: "Snooze" }).click();
  await expectNoSeriousViolations(page, "draft and snooze menu open");

  await page.goto("/");
  await expect(page.getByTestId("today-blocks")).toBeVisible();
  await expect(page.getByTestId("coming-up")).toBeVisible();
  await expectNoSeriousViolations(page, "dashboard with today's steps");

  await page.goto("/settings");
  await page.getByLabel("Days between follow-ups").fill("100");
  await page.getByRole("button", { name: "Save timings" }).click();
  await expect(page.locator("#guidance-followUpSpacingDays-error")).toBeVisible();
  await expectNoSeriousViolations(page, "timings with an error");
});

test("a step can be snoozed with the keyboard alone, and focus stays in the list", async ({ signedIn: page }) => {
  await secondRoundThirtyHoursAgo(page, "Keyboard Co");
  const card = stepCard(page, THANK_YOU);
  await card.getByRole("button", { name: /^Done:/ }).focus();
  await page.keyboard.press("Tab");
  await expect(card.locator("summary", { hasText: "Snooze" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "Tomorrow morning" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "1 day" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expectGone(page, THANK_YOU);
  // The card and its buttons are gone: focus lands on the list's heading, not the top of the page.
  await expect(page.getByRole("heading", { level: 2, name: "Next steps" })).toBeFocused();
});
