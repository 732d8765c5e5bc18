import { type Page } from "@playwright/test";
import { addApplication, expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { chooseTheme } from "./support/comfort";
import { applicationRow, eventsOf } from "./support/db";
import { DAY, logEvent, logRound, openLogForm } from "./support/timeline";

const SHOTS = process.env.SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Axe in light and dark at 1280 and 390 px, on the page as it is now (reloaded for each size). */
async function axeEverywhere(page: Page, label: string, prepare: () => Promise<void> = async () => {}) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await prepare();
    await expectNoSeriousViolations(page, `${label} ${width} light`);
    await chooseTheme(page, "Dark");
    await expectNoSeriousViolations(page, `${label} ${width} dark`);
    await shot(page, `${label.replaceAll(" ", "-")}-${width}-dark`);
    await chooseTheme(page, "Light");
    await shot(page, `${label.replaceAll(" ", "-")}-${width}`);
  }
}

test("after a refused save, focus is on the first refused field of the application form, and '90k' saves 90000", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("Focus Co");
  await page.getByLabel("From").fill("ninety");
  await page.getByRole("button", { name: "Save application" }).click();
  const role = page.getByLabel("Role title");
  await expect(role).toBeFocused();
  await expect(role).toHaveAttribute("aria-invalid", "true");
  await expect(role).toHaveAccessibleDescription("Role title is required.");
  await expect(page.locator("#field-salaryMin-error")).toHaveText("Minimum salary must be an amount like 90,000 or 90k.");
  await axeEverywhere(page, "application form errors");

  await role.fill("Engineer");
  await page.getByLabel("From").fill("90k");
  await page.getByLabel("To").fill("£105,000");
  await page.getByLabel("Per").selectOption("year");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Engineer" })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  // The currency box was left blank: "£" filled it.
  expect(await applicationRow(id)).toMatchObject({ salary_min: 90000, salary_max: 105000, salary_currency: "GBP" });
});

test("the round form puts focus on its first refused field, not on its first field", async ({ signedIn: page }) => {
  const id = await addApplication(page, { company: "Round Focus Co", roleTitle: "Analyst", status: "Interviewing" });
  await page.goto(`/applications/${id}`);
  const form = await openLogForm(page, "log-round");
  await form.getByLabel("Starts").fill("");
  await form.getByLabel("Duration in minutes (optional)").fill("99999");
  await form.getByRole("button", { name: "Save round" }).click();
  await expect(form.getByLabel("Starts")).toBeFocused();
  await expect(form.getByLabel("Starts")).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator("#field-durationMinutes-error")).toBeVisible();
  await axeEverywhere(page, "round form errors", async () => {
    await openLogForm(page, "log-round");
  });
});

test("a long note counts near its limit, and a paste past it stays whole and is refused beside the field", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("Long Notes Co");
  await page.getByLabel("Role title").fill("Writer");
  const notes = page.getByLabel("Notes (optional)");
  await notes.fill("a".repeat(12000));
  await expect(page.getByTestId("char-count")).toHaveCount(0);
  await notes.fill("a".repeat(16400));
  await expect(page.getByTestId("char-count")).toHaveText("16,400 / 20,000");
  await expect(notes).toHaveAccessibleDescription("16,400 / 20,000");

  // A paste, as the browser delivers one: the whole text at once.
  await notes.fill("");
  await notes.focus();
  await page.keyboard.insertText("b".repeat(20200));
  expect((await notes.inputValue()).length).toBe(20200);
  await expect(page.getByTestId("char-count")).toHaveText("20,200 / 20,000 · 200 over the limit: shorten notes to save.");
  await expect(notes).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.locator("#field-notes-error")).toHaveText("Notes must be at most 20,000 characters.");
  await expect(notes).toBeFocused();
  expect((await notes.inputValue()).length).toBe(20200);
  await expect(page).toHaveURL(/\/applications\/new$/);
});

test("a meeting link is a link that opens in a new tab; other places stay text", async ({ signedIn: page }) => {
  const id = await addApplication(page, { company: "Link Co", roleTitle: "Engineer", status: "Interviewing" });
  await page.goto(`/applications/${id}`);
  const form = await openLogForm(page, "log-round");
  await form.getByLabel("Where or meeting link (optional)").fill("Video: https://meet.example.com/abc-defg-hij.");
  await logRound(page, { startsAt: new Date(Date.now() + 2 * DAY) });
  const link = page.getByRole("link", { name: "https://meet.example.com/abc-defg-hij (opens in a new tab)" });
  await expect(link).toHaveAttribute("href", "https://meet.example.com/abc-defg-hij");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", /noopener/);
  // The words around the address stay, as typed.
  await expect(link.locator("xpath=..")).toHaveText("Video: https://meet.example.com/abc-defg-hij (opens in a new tab).");

  const second = await openLogForm(page, "log-round");
  await second.getByLabel("Where or meeting link (optional)").fill("javascript:alert(document.cookie)");
  await logRound(page, { startsAt: new Date(Date.now() + 3 * DAY) });
  await expect(page.getByText("javascript:alert(document.cookie)")).toBeVisible();
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
});

test("after a rejection the round before it shows how it ended, not 'Waiting to hear'", async ({ signedIn: page }) => {
  const id = await addApplication(page, { company: "Rejecting Co", roleTitle: "Engineer", status: "Interviewing" });
  await page.goto(`/applications/${id}`);
  await logRound(page, { kind: "First interview", startsAt: new Date(Date.now() - 6 * DAY) });
  await logRound(page, { kind: "Second interview", startsAt: new Date(Date.now() - 3 * DAY) });
  const outcomes = page.getByTestId("round-outcome");
  await expect(outcomes).toHaveText(["Waiting to hear", "Waiting to hear"]);
  await logEvent(page, "Rejection received", { at: new Date(Date.now() - DAY) });
  // Past entries run newest first: the rejection, round 2, round 1.
  await expect(outcomes).toHaveText(["Rejected after this round", "No outcome logged"]);
  await expect(page.getByTestId("timeline-entries").getByText("Waiting to hear")).toHaveCount(0);
  await axeEverywhere(page, "rejected application");
});

test("a rejection with no rounds offers the feedback step instead of 'log a round'", async ({ signedIn: page }) => {
  const id = await addApplication(page, { company: "Quiet No Co", roleTitle: "Engineer", status: "Rejected" });
  await page.goto(`/applications/${id}`);
  const empty = page.getByTestId("ended-without-rounds");
  await expect(empty).toContainText("No rounds were logged before Quiet No Co said no.");
  await expect(empty).toContainText("Seek Constructive Feedback");
  await expect(page.getByText("When an interview is booked, log it as a round above")).toHaveCount(0);
  await expect(page.getByTestId("no-steps")).toHaveText("They said no, so there is nothing left to chase here.");
  await axeEverywhere(page, "rejected without rounds");
  await empty.getByRole("button", { name: "I’ve asked for feedback" }).click();
  await expect(empty).toContainText("You asked for feedback on");
  expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["feedback_requested"]);
});

test("Settings says what the calendar feed holds and who can read it", async ({ signedIn: page }) => {
  await page.goto("/settings");
  const contents = page.getByTestId("feed-contents");
  await expect(contents).toContainText("prep notes");
  await expect(contents).toContainText("names and titles of the people you meet");
  await expect(contents).toContainText("next steps");
  await expect(page.getByText(/a calendar you share .* shows all of the above/)).toBeVisible();
  await axeEverywhere(page, "settings");
});
