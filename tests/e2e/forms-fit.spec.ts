import { expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { applicationRow } from "./support/db";
import { chooseFile, counts } from "./support/imports";
import { stepCard, stepsOf, secondRoundThirtyHoursAgo, THANK_YOU_SECOND } from "./support/guidance";

const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("the new-application form opens on Company, refuses a future applied date and asks twice about an old one", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await expect(page.getByLabel("Company")).toBeFocused();
  await page.keyboard.type("Fernhill");
  await page.getByLabel("Role title").fill("Contract Engineer");
  await expectNoSeriousViolations(page, "new application form");

  // The browser runs in UTC, as does the account: two days ahead is the future whatever the hour.
  await page.getByLabel("Applied on (optional)").fill(isoDaysFromToday(2));
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.locator("#field-appliedOn-error")).toHaveText("Applied date can't be in the future.");
  await expect(page.getByLabel("Applied on (optional)")).toBeFocused();
  await expect(page).toHaveURL(/\/applications\/new$/);

  await page.getByLabel("Applied on (optional)").fill(isoDaysFromToday(-3 * 365));
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.locator("#field-appliedOn-error")).toContainText("That's more than 2 years ago.");
  await expectNoSeriousViolations(page, "new application form asking about an old date");
  await page.getByLabel("Yes, that date is right").check();
  // A day rate, for contractors.
  await page.getByLabel("From").fill("450");
  await page.getByLabel("Currency").fill("GBP");
  await page.getByLabel("Per").selectOption({ label: "day" });
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contract Engineer" })).toBeVisible();
  await expect(page.getByText("per day")).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  expect(await applicationRow(id)).toMatchObject({ salary_period: "day", applied_on: isoDaysFromToday(-3 * 365) });

  // Editing it again does not ask about the date it already has.
  await page.goto(`/applications/${id}/edit`);
  await expect(page.getByLabel("Company")).not.toBeFocused();
  await page.getByLabel("Role title").fill("Contract Engineer (Go)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contract Engineer (Go)" })).toBeVisible();
});

test("user text runs in its own direction: Arabic company and notes read right to left", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("شركة الأفق");
  await page.getByLabel("Role title").fill("مهندس برمجيات");
  await page.getByLabel("Notes (optional)").fill("ملاحظات عن المقابلة");
  await expect(page.getByLabel("Company")).toHaveAttribute("dir", "auto");
  await page.getByRole("button", { name: "Save application" }).click();
  const heading = page.getByRole("heading", { level: 1, name: "مهندس برمجيات" });
  await expect(heading).toHaveAttribute("dir", "auto");
  expect(await heading.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  expect(await page.getByText("ملاحظات عن المقابلة").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
});

test("“Tomorrow morning” snoozes a step until 09:00 in the user's zone", async ({ signedIn: page }) => {
  const { appId } = await secondRoundThirtyHoursAgo(page, "Morning Labs");
  const card = stepCard(page, THANK_YOU_SECOND);
  await card.locator("summary", { hasText: "Snooze" }).click();
  await card.getByRole("button", { name: "Tomorrow morning" }).click();
  await expect(stepCard(page, THANK_YOU_SECOND)).toHaveCount(0);
  const [snoozed] = await stepsOf(appId);
  expect(snoozed.state).toBe("snoozed");
  const until = new Date((snoozed.until ?? 0) * 1000);
  // The account's zone is the browser's, UTC: a 09:00 there, at most a day and nine hours on.
  expect(until.toISOString().slice(11, 19)).toBe("09:00:00");
  expect(until.getTime()).toBeGreaterThan(Date.now());
  expect(until.getTime() - Date.now()).toBeLessThanOrEqual(33 * 3_600_000);
});

test("an unquoted LinkedIn date and a formula with quotes import; a row with an extra value is named by its line", async ({ signedIn: page }) => {
  const header = "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers";
  const rows = [
    "9/1/25, 1:00 PM,me@example.com,+44 7700 900123,Fernhill,Platform Engineer,https://www.linkedin.com/jobs/view/11,cv.pdf,",
    '9/2/25, 9:30 AM,me@example.com,+44 7700 900123,Acme "Labs",Data Lead,https://www.linkedin.com/jobs/view/12,=HYPERLINK("http://x.example","cv"),',
    '"9/3/25, 10:00 AM",me@example.com,+44 7700 900123,Globex,Analyst,https://www.linkedin.com/jobs/view/13,cv.pdf,yes,no,maybe',
  ];
  await page.goto("/import");
  await chooseFile(page, { name: "Job Applications.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) });
  await expect(page.getByTestId("import-format")).toHaveText("Recognised as a LinkedIn job applications export.");
  await expect(counts(page)).toContainText("2 new applications · 0 duplicates · 1 with problems");
  await expect(page.getByTestId("import-problems")).toContainText("Line 4: This row has 10 values for 8 columns");
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("row").filter({ hasText: "Platform Engineer" })).toContainText("Fernhill");
  await expect(preview.getByRole("row").filter({ hasText: 'Acme "Labs"' })).toContainText("Data Lead");
  await expect(preview).not.toContainText("me@example.com");
  await expectNoSeriousViolations(page, "import preview with a problem row");
});
