import { expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { chooseTheme, expectDarkPage, expectLightPage, expectNoHorizontalOverflow, themeButton } from "./support/comfort";
import { askToDeleteRound } from "./support/timeline";

const html = (page: import("@playwright/test").Page) => page.locator("html");

async function loadSampleData(page: import("@playwright/test").Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("heading", { name: "Your pipeline" })).toBeVisible();
}

test.describe("theme", () => {
  test("a chosen theme wins over the system, persists across reloads and pages, and System hands back", async ({ signedIn: page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await expect(themeButton(page, "System")).toHaveAttribute("aria-pressed", "true");
    await expectLightPage(page);

    await chooseTheme(page, "Dark");
    await expect(html(page)).toHaveClass("dark");
    await expectDarkPage(page);
    await page.reload();
    await expect(html(page)).toHaveClass("dark");
    await expectDarkPage(page);
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(html(page)).toHaveClass("dark");
    await expect(themeButton(page, "Dark")).toHaveAttribute("aria-pressed", "true");
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");

    // A stored Light stays light on a device that prefers dark.
    await page.emulateMedia({ colorScheme: "dark" });
    await chooseTheme(page, "Light");
    await expect(html(page)).toHaveClass("light");
    await expectLightPage(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("light");

    await chooseTheme(page, "System");
    await expect(html(page)).not.toHaveClass(/dark|light/);
    await expectDarkPage(page);
    await page.emulateMedia({ colorScheme: "light" });
    await expectLightPage(page);
    await page.reload();
    await expect(themeButton(page, "System")).toHaveAttribute("aria-pressed", "true");
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "theme")).toBeUndefined();
  });

  test("the stored cookie lasts a year, is Lax, and refuses an unknown theme with a message", async ({ signedIn: page }) => {
    await chooseTheme(page, "Dark");
    const cookie = (await page.context().cookies()).find((c) => c.name === "theme");
    expect(cookie?.value).toBe("dark");
    expect(cookie?.sameSite).toBe("Lax");
    const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / (24 * 60 * 60 * 1000);
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);

    // A tampered value is refused: the page says so and the stored choice stands.
    await themeButton(page, "Light").evaluate((button) => button.setAttribute("value", "sepia"));
    await themeButton(page, "Light").click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose System, Light or Dark." })).toBeVisible();
    await page.reload();
    await expect(html(page)).toHaveClass("dark");
  });

  test("the toggle works from the keyboard, after the skip link", async ({ signedIn: page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();

    for (let i = 0; i < 15 && !(await themeButton(page, "Dark").evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(themeButton(page, "Dark")).toBeFocused();
    const outline = await themeButton(page, "Dark").evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(html(page)).toHaveClass("dark");
    await expect(themeButton(page, "Dark")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Shift+Tab");
    await expect(themeButton(page, "Light")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(html(page)).toHaveClass("light");
  });

  test("the skip link moves focus to the main content", async ({ signedIn: page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement))).toBe(true);
  });

  test("the sign-in page has the toggle, and it works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await themeButton(page, "Dark").click();
    await expect(html(page)).toHaveClass("dark");
    await expectDarkPage(page);
    await page.goto("/sign-up");
    await expect(html(page)).toHaveClass("dark");
    await expect(themeButton(page, "Dark")).toHaveAttribute("aria-pressed", "true");
    await context.close();
  });
});

test.describe("dark mode passes axe", () => {
  test.use({ colorScheme: "dark" });

  test("sign-in, dashboard, list, application and settings, following a dark system", async ({ page }) => {
    await page.goto("/sign-in");
    await expectDarkPage(page);
    await expectNoSeriousViolations(page, "sign-in, dark");
    await signUp(page, newAccount());
    await expectNoSeriousViolations(page, "empty dashboard, dark");
    await loadSampleData(page);
    await expectDarkPage(page);
    await expectNoSeriousViolations(page, "dashboard, dark");
    await page.goto("/applications");
    await expectNoSeriousViolations(page, "list, dark");
    await page.getByRole("link", { name: "Staff Engineer, Platform" }).click();
    await expect(page.getByRole("heading", { name: "Round 3 · Final interview" })).toBeVisible();
    await page.getByTestId("log-round").locator(":scope > summary").click();
    await page.getByTestId("log-event").locator("summary").click();
    await expectNoSeriousViolations(page, "application with open forms, dark");
    await askToDeleteRound(page, 3);
    await expectNoSeriousViolations(page, "delete dialog, dark");
    await page.keyboard.press("Escape");
    await page.goto("/settings");
    await expectNoSeriousViolations(page, "settings, dark");
  });

  test("a chosen dark theme on a light system passes too", async ({ signedIn: page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await chooseTheme(page, "Dark");
    await loadSampleData(page);
    await expectDarkPage(page);
    await expectNoSeriousViolations(page, "dashboard, chosen dark");
    await page.getByRole("link", { name: "Senior Frontend Engineer" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Senior Frontend Engineer" })).toBeVisible();
    await expectNoSeriousViolations(page, "application, chosen dark");
  });
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("no page scrolls sideways at 390 px", async ({ page }) => {
    for (const path of ["/sign-in", "/sign-up"]) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page, path);
    }
    await signUp(page, newAccount());
    await expectNoHorizontalOverflow(page, "empty dashboard");
    await loadSampleData(page);
    await expectNoHorizontalOverflow(page, "dashboard");

    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Applications", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
    await expectNoHorizontalOverflow(page, "list");
    await page.goto("/applications/new");
    await expectNoHorizontalOverflow(page, "new application");

    await page.goto("/applications");
    await page.getByRole("link", { name: "Staff Engineer, Platform" }).click();
    await expect(page.getByRole("heading", { name: "Round 3 · Final interview" })).toBeVisible();
    const applicationUrl = page.url();
    await page.getByTestId("log-round").locator(":scope > summary").click();
    await page.getByTestId("log-event").locator("summary").click();
    await expectNoHorizontalOverflow(page, "application with open forms");

    await page.getByRole("link", { name: "Edit round 3" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Edit round 3/ })).toBeVisible();
    await expectNoHorizontalOverflow(page, "round edit");
    await page.goto(applicationUrl);
    await page.getByRole("link", { name: /^Edit “Offer received”/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Edit");
    await expectNoHorizontalOverflow(page, "event edit");
    await page.goto(`${applicationUrl}/edit`);
    await expectNoHorizontalOverflow(page, "edit application");
    await page.goto("/settings");
    await expectNoHorizontalOverflow(page, "settings");
  });

  test("the header fits: one row, the toggle and Menu on screen, and every link and Sign out in the menu big enough to tap", async ({ signedIn: page }) => {
    const header = await page.getByTestId("app-header").boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);
    await page.getByRole("button", { name: "Menu" }).click();
    const targets = [
      ...(await page.getByRole("navigation", { name: "Main" }).getByRole("link").all()),
      themeButton(page, "System"),
      themeButton(page, "Light"),
      themeButton(page, "Dark"),
      page.getByRole("button", { name: "Menu" }),
      page.getByRole("button", { name: "Sign out" }),
    ];
    expect(targets.length).toBeGreaterThanOrEqual(10);
    for (const target of targets) {
      const box = await target.boundingBox();
      expect(box, await target.innerText()).not.toBeNull();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.width).toBeGreaterThanOrEqual(24);
    }
    await expectNoHorizontalOverflow(page, "header");
  });
});
