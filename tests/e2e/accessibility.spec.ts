import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, label).toEqual([]);
}

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

  await page.goto("/applications");
  await expectNoSeriousViolations(page, "list");
  await page.getByRole("link", { name: "Senior Frontend Engineer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Senior Frontend Engineer" })).toBeVisible();
  await expectNoSeriousViolations(page, "application");
  await page.getByRole("button", { name: "Delete" }).click();
  await expectNoSeriousViolations(page, "delete dialog");
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Company").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#field-company-error")).toBeVisible();
  await expectNoSeriousViolations(page, "edit form with an error");

  await page.goto("/settings");
  await expectNoSeriousViolations(page, "settings");
  await page.goto("/applications/not-a-real-id");
  await expectNoSeriousViolations(page, "404");
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
