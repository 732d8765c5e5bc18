import { expect, test } from "./fixtures";
import { eventsOf, instant, run, shifted, sql } from "./support/db";
import { expectGone, secondRoundThirtyHoursAgo, stepCard, stepsOf, THANK_YOU_SECOND, thankYouOf, todayBlock } from "./support/guidance";
import { DAY, HOUR, logRound } from "./support/timeline";

const THANK_YOU = THANK_YOU_SECOND;

test("an overdue thank-you is on the dashboard, and Done logs it for good", async ({ signedIn: page }) => {
  const { appId, round2Id } = await secondRoundThirtyHoursAgo(page, "Acme Rockets");

  await page.goto("/");
  const card = stepCard(page, THANK_YOU, "Acme Rockets");
  await expect(card).toHaveCount(1);
  // The block names the application once, above its steps.
  await expect(todayBlock(page, "Acme Rockets").getByRole("link", { name: "Data Engineer at Acme Rockets" })).toHaveAttribute("href", `/applications/${appId}`);
  await expect(card.getByTestId("due")).toContainText("Overdue by 6 hours");
  await expect(card.getByTestId("reasons")).toContainText(/Your second interview with Acme Rockets on \w{3} \d{1,2} \w{3} ended 30 hours ago and no thank-you is logged\./);
  await expect(card).toContainText("Timing and Tone of Your Follow-up");
  // Overdue steps lead Today.
  await expect(page.getByTestId("step").first()).toContainText(THANK_YOU);

  await card.getByRole("button", { name: /^Done:/ }).click();
  await expectGone(page, THANK_YOU);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: /^Today/ })).toBeVisible();
  await expectGone(page, THANK_YOU);

  expect(await thankYouOf(round2Id)).not.toBeNull();
  // The logged thank-you closes the step by itself; no "done" row is kept that could outlive it.
  expect(await stepsOf(appId)).toEqual([]);
  await page.goto(`/applications/${appId}`);
  await expect(page.getByText(/Thank-you sent .* ago/)).toBeVisible();
});

test("Snooze hides a step until its time, then it comes back", async ({ signedIn: page }) => {
  const { appId, round2Id } = await secondRoundThirtyHoursAgo(page, "Snooze Labs");
  const card = stepCard(page, THANK_YOU);
  await expect(card).toHaveCount(1);

  await card.locator("summary", { hasText: "Snooze" }).click();
  await card.getByRole("button", { name: "3 days" }).click();
  await expectGone(page, THANK_YOU);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Next steps" })).toBeVisible();
  await expectGone(page, THANK_YOU);

  const [snoozed] = await stepsOf(appId);
  expect(snoozed.state).toBe("snoozed");
  expect((snoozed.until ?? 0) * 1000 - Date.now()).toBeGreaterThan(3 * DAY - 5 * 60_000);
  expect((snoozed.until ?? 0) * 1000 - Date.now()).toBeLessThanOrEqual(3 * DAY);
  expect(await thankYouOf(round2Id)).toBeNull();

  // Three days pass: the snooze ends, and the step is back.
  await run(sql`update guidance_steps set until = ${instant(Math.floor(Date.now() / 1000) - 60)} where application_id = ${appId}`);
  await page.reload();
  await expect(stepCard(page, THANK_YOU)).toHaveCount(1);
});

test("advice has one Got it; Dismiss puts a to-do away for good, and the rest stay", async ({ signedIn: page }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Dismissive Inc");
  const keep = stepCard(page, "Keep other applications moving");
  await expect(keep).toHaveCount(1);
  // Advice has nothing to do by a time: no Done, Snooze or Dismiss, only Got it, which puts it away.
  await expect(keep.getByRole("button", { name: /^(Done|Dismiss):/ })).toHaveCount(0);
  await expect(keep.locator("summary", { hasText: "Snooze" })).toHaveCount(0);
  await keep.getByRole("button", { name: /^Got it:/ }).click();
  await expectGone(page, "Keep other applications moving");
  await stepCard(page, THANK_YOU).getByRole("button", { name: /^Dismiss:/ }).click();
  await expectGone(page, THANK_YOU);
  await page.reload();
  await expectGone(page, THANK_YOU);
  await expectGone(page, "Keep other applications moving");
  expect((await stepsOf(appId)).map((s) => s.state).sort()).toEqual(["dismissed", "done"]);
  // Put aside, not lost: the dismissed to-do is listed on the application with a Restore.
  await expect(page.locator("#put-aside").getByTestId("put-aside-step")).toContainText(/Send a thank-you for your second interview on .*Dismissed/);
});

test("the application shows where the user stands, and a draft to send", async ({ signedIn: page }) => {
  await secondRoundThirtyHoursAgo(page, "Drafty & Co");
  const summary = page.getByTestId("standing-summary");
  await expect(summary).toContainText("Closer, not guaranteed");
  await expect(summary).toContainText("1 of the 4 positive signs");

  const card = stepCard(page, THANK_YOU);
  await card.getByText("Draft the thank-you").click();
  const body = card.getByLabel("Message");
  await expect(body).toHaveValue(/^Hi Maya,/);
  await expect(body).toHaveValue(/Data Engineer role at Drafty & Co/);
  await expect(body).toHaveValue(/meeting the team/);
  await card.getByLabel("Subject").fill("Thanks from me");
  const mailto = await card.getByRole("link", { name: "Open in email app" }).getAttribute("href");
  expect(mailto).toContain(`subject=${encodeURIComponent("Thanks from me")}`);
  expect(decodeURIComponent(mailto ?? "")).toContain("Drafty & Co");
});

test("a follow-up step after a week of silence: Done logs the follow-up", async ({ signedIn: page }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Quiet Corp");
  // Push both rounds eleven days further back: the week's wait ended four days ago, so even
  // moved off a weekend to the next working day the follow-up is due, whatever day this runs.
  await run(
    sql`update rounds set scheduled_at = ${shifted("scheduled_at", -11 * 86_400)}, thank_you_sent_at = ${shifted("scheduled_at", -11 * 86_400 + 7200)},
        created_at = ${shifted("created_at", -11 * 86_400)} where application_id = ${appId}`,
  );
  await page.reload();
  const card = stepCard(page, "Follow up with Quiet Corp");
  await expect(card.getByTestId("reasons")).toContainText(/Your second interview with Quiet Corp on .+ ended 12 days ago and nothing has been heard since\./);
  await card.getByRole("button", { name: /^Done:/ }).click();
  await expectGone(page, "Follow up with Quiet Corp");
  await expect(page.getByRole("heading", { level: 4, name: "Follow-up sent" })).toBeVisible();
  expect((await eventsOf(appId)).map((e) => e.kind)).toEqual(["follow_up_sent"]);
  // With one follow-up out, the page says when the next would be due.
  await expect(page.getByTestId("next-check-in")).toHaveText(/^Next check-in: Send follow-up 2 to Quiet Corp from \w{3} \d{1,2} \w{3}, if nothing is heard\.$/);
});

test("timings in Settings change the advice at once, and bad values are refused beside the field", async ({ signedIn: page }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Patient Ltd");
  await page.goto("/settings");
  const windowField = page.getByLabel("Send a thank-you within (hours)");
  await windowField.fill("0");
  await page.getByRole("button", { name: "Save timings" }).click();
  await expect(page.locator("#guidance-thankYouWindowHours-error")).toHaveText("Use a number of hours from 1 to 72.");
  await expect(windowField).toHaveAttribute("aria-invalid", "true");

  await windowField.fill("48");
  await page.getByRole("button", { name: "Save timings" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Saved");
  // Due in 17 hours: maybe tomorrow, so read it on the application, where every step is listed.
  await page.goto(`/applications/${appId}`);
  await expect(stepCard(page, THANK_YOU).getByTestId("due")).toContainText("Due in 17 hours");

  // Save, then reset on the same page: the boxes show the defaults, and a later save keeps them.
  await page.goto("/settings");
  await page.getByLabel("Days between follow-ups").fill("10");
  await page.getByRole("button", { name: "Save timings" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Saved");
  await page.getByRole("button", { name: "Reset to the recommended timings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Back to the recommended timings.");
  await expect(page.getByLabel("Send a thank-you within (hours)")).toHaveValue("24");
  await expect(page.getByLabel("Days between follow-ups")).toHaveValue("7");
  await page.getByRole("button", { name: "Save timings" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Saved");
  await page.goto("/");
  await expect(stepCard(page, THANK_YOU, "Patient Ltd").getByTestId("due")).toContainText("Overdue by 6 hours");
});

test("a step already done in another tab leaves the stale tab without an error", async ({ signedIn: page, context }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Two Tabs Ltd");
  const other = await context.newPage();
  await other.goto(`/applications/${appId}`);
  await stepCard(other, THANK_YOU).getByRole("button", { name: /^Done:/ }).click();
  await expectGone(other, THANK_YOU);

  const stale = stepCard(page, THANK_YOU);
  await stale.getByRole("button", { name: /^Dismiss:/ }).click();
  await expectGone(page, THANK_YOU);
  await expect(page.getByRole("heading", { level: 2, name: "Next steps" })).toBeVisible();
  expect(await stepsOf(appId)).toEqual([]);
});

test("an upcoming later round shows on the dashboard with preparation steps", async ({ signedIn: page }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Future Works");
  await logRound(page, { kind: "Final interview", startsAt: new Date(Date.now() + 5 * DAY + HOUR) });
  await expect(stepCard(page, /^Research Future Works before your final interview on \w{3} \d{1,2} \w{3}$/)).toHaveCount(1);
  await page.goto("/");
  // Five days out: Coming up, not Today, with a link to its preparation.
  const coming = page.getByTestId("coming-up");
  await expect(coming.getByRole("link", { name: "Final interview with Future Works" })).toHaveAttribute("href", `/applications/${appId}#next-steps`);
  await expect(page.getByTestId("today-interviews")).toHaveCount(0);
});
