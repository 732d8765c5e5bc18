import { expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { expectDarkPage } from "./support/comfort";
import { askToDeleteRound, openLogForm } from "./support/timeline";

test("public pages pass axe", async ({ page }) => {
  for (const path of ["/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toBeVisible();
  await expectNoSeriousViolations(page, "sign-up with errors");
});

test("signed-in pages pass axe, empty and full", async ({ signedIn: page }) => {
  await expectNoSeriousViolations(page, "empty dashboard");
  await page.goto("/applications");
  await expectNoSeriousViolations(page, "empty list");

  await page.goto("/");
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("heading", { name: "Your pipeline" })).toBeVisible();
  await expectNoSeriousViolations(page, "dashboard");

  await page.goto("/board");
  await expectNoSeriousViolations(page, "board");
  await page.goto("/analytics");
  await expectNoSeriousViolations(page, "analytics");
  await page.goto("/applications");
  await expectNoSeriousViolations(page, "list");
  await page.getByRole("link", { name: "Senior Frontend Engineer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Senior Frontend Engineer" })).toBeVisible();
  await expectNoSeriousViolations(page, "application");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expectNoSeriousViolations(page, "delete dialog");
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("Company").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#field-company-error")).toBeVisible();
  await expectNoSeriousViolations(page, "edit form with an error");

  await page.goto("/settings");
  await expectNoSeriousViolations(page, "settings");
  await page.goto("/applications/not-a-real-id");
  await expectNoSeriousViolations(page, "404");
});

test("the six main pages pass axe in dark mode, at phone width too", async ({ signedIn: page }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("heading", { name: "Your pipeline" })).toBeVisible();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/applications");
  const application = await page.getByRole("list", { name: "Applications" }).getByRole("link", { name: "Senior Frontend Engineer", exact: true }).getAttribute("href");
  const pages = ["/", "/applications", "/board", application ?? "", "/analytics", "/settings"];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(path);
      await expectDarkPage(page);
      await expectNoSeriousViolations(page, `${path} dark at ${width}px`);
    }
  }
});

test("the main path works from the keyboard alone", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Company").focus();
  await page.keyboard.type("Keyboard Co");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Accessibility Engineer");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility Engineer" })).toBeVisible();
});

test("the timeline, its forms and their edit pages pass axe", async ({ signedIn: page }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("heading", { name: "Your pipeline" })).toBeVisible();
  await page.goto("/applications");
  await page.getByRole("link", { name: "Staff Engineer, Platform" }).click();
  await expect(page.getByRole("heading", { name: "Round 3 · Final interview" })).toBeVisible();
  await expectNoSeriousViolations(page, "application with a timeline");

  await openLogForm(page, "log-round");
  await page.getByTestId("log-event").locator("summary").click();
  await expectNoSeriousViolations(page, "both log forms open");
  await page.getByTestId("log-round").getByLabel("Duration in minutes (optional)").fill("0");
  await page.getByTestId("log-round").getByRole("button", { name: "Save round" }).click();
  await expect(page.locator("#field-scheduledAt-error")).toBeVisible();
  await expectNoSeriousViolations(page, "round form with errors");

  await askToDeleteRound(page, 3);
  await expectNoSeriousViolations(page, "delete round dialog");
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Edit round 3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Edit round 3/ })).toBeVisible();
  await expectNoSeriousViolations(page, "round edit page");

  await page.goBack();
  await page.getByRole("link", { name: /^Edit “Offer received”/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit “Offer received”" })).toBeVisible();
  await expectNoSeriousViolations(page, "event edit page");
});

test.describe("with US date order", () => {
  // The keys typed into the date field follow the browser's locale.
  test.use({ locale: "en-US" });

  test("a round can be logged from the keyboard alone", async ({ signedIn: page }) => {
    await page.goto("/applications/new");
    await page.getByLabel("Company").fill("Keys Inc");
    await page.getByLabel("Role title").fill("Tester");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Tester" })).toBeVisible();

    await page.getByTestId("log-round").locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab"); // Kind
    await page.keyboard.press("Tab"); // Starts
    await expect(page.getByTestId("log-round").getByLabel("Starts")).toBeFocused();
    await page.keyboard.type("01152030");
    await page.keyboard.press("Tab");
    await page.keyboard.type("0930AM");
    // A round in 2030 is being booked: its signals wait behind "After the round", which opens from the keyboard.
    await expect(page.getByTestId("round-after")).not.toHaveAttribute("open", "");
    await page.getByTestId("round-after").locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("round-after")).toHaveAttribute("open", "");
    await page.getByTestId("log-round").getByLabel("Met the team or senior people").focus();
    await page.keyboard.press("Space");
    await page.getByTestId("log-round").getByRole("button", { name: "Save round" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Round 1 · First interview" })).toBeVisible();
    await expect(page.getByText("✓ Met the team or senior people")).toBeVisible();
  });
});
