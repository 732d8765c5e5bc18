import type { Locator, Page } from "@playwright/test";
import { addApplication, expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { chooseTheme } from "./support/comfort";
import { applicationRow } from "./support/db";

const SHOTS = process.env.SHOTS_DIR;
const PHONE = { width: 390, height: 844 };
const header = (page: Page) => page.getByTestId("app-header");
const menuButton = (page: Page) => page.getByRole("button", { name: "Menu" });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

async function loadSampleData(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("heading", { name: "Your pipeline" })).toBeVisible();
}

/** Each main page, and what its first content is: the thing a phone user came for. */
const PAGES: [string, (page: Page) => Locator][] = [
  ["/", (page) => page.locator("main h2").first()],
  ["/applications", (page) => page.getByTestId("application-row").first()],
  ["/board", (page) => page.getByTestId("board-card").first()],
  ["/people", (page) => page.getByTestId("person").first()],
  ["/analytics", (page) => page.locator("main h2").first()],
  ["/settings", (page) => page.locator("main h2").first()],
];

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("the header is one row of at most 64 px, and every main page shows its first content above the fold", async ({ signedIn: page }) => {
    await loadSampleData(page);
    await page.goto("/applications");
    const appHref = await page.getByTestId("application-row").first().getByRole("link").first().getAttribute("href");
    const pages: [string, (page: Page) => Locator][] = [...PAGES, [appHref ?? "/", (p) => p.getByRole("heading", { level: 1 })]];
    for (const [path, firstContent] of pages) {
      await page.goto(path);
      const bar = await header(page).boundingBox();
      expect(bar?.height, `${path} header`).toBeLessThanOrEqual(64);
      await expect(menuButton(page)).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
      const content = await firstContent(page).boundingBox();
      expect(content, `${path} first content`).not.toBeNull();
      // Its top line, at least, is on the first screen.
      expect((content?.y ?? Infinity) + Math.min(content?.height ?? 0, 40), `${path} first content`).toBeLessThanOrEqual(PHONE.height);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/390${path.replaceAll("/", "-") || "-dashboard"}.png` });
    }
  });

  test("the menu works by keyboard alone: Enter opens it on the first link, Escape closes it and returns focus", async ({ signedIn: page }) => {
    await menuButton(page).focus();
    await page.keyboard.press("Enter");
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Dashboard" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Applications" })).toBeFocused();
    await expectNoSeriousViolations(page, "phone menu open, light");
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menuButton(page)).toBeFocused();
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");

    // Open again, follow a link: the page changes and the menu closes behind it.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Board", exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/board$/);
    await expect(nav).toBeHidden();
    await menuButton(page).click();
    await expect(nav.getByRole("link", { name: "Board", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await chooseTheme(page, "Dark");
    await menuButton(page).click();
    await expectNoSeriousViolations(page, "phone menu open, dark");
  });
});

test("on a laptop the navigation stays in the header and there is no Menu button", async ({ signedIn: page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveCount(7);
  await expect(menuButton(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Seven links and the controls still make one row at 1280 px (the name waits for a wider screen).
  await page.setViewportSize({ width: 1280, height: 900 });
  const nav = await page.getByRole("navigation", { name: "Main" }).boundingBox();
  const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
  expect(Math.abs(nav!.y + nav!.height / 2 - (signOut!.y + signOut!.height / 2))).toBeLessThan(8);
});

test("a board card moves through its compact menu by keyboard, and Escape leaves it where it was", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Compact Co", roleTitle: "Engineer", status: "Applied" });
  await page.goto("/board");
  const move = page.getByRole("button", { name: "Move Compact Co, Engineer" });
  await move.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Move Compact Co, Engineer" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  // Every column but its own.
  await expect(menu.getByRole("menuitem")).toHaveCount(8);
  await expect(menu.getByRole("menuitem", { name: "Applied" })).toHaveCount(0);
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem").last()).toBeFocused();
  await expectNoSeriousViolations(page, "board with a card's menu open");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(move).toBeFocused();
  expect((await applicationRow(appId))?.status).toBe("applied");

  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 10 && (await focusedText(page)) !== "Screening"; i++) await page.keyboard.press("ArrowDown");
  expect(await focusedText(page)).toBe("Screening");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("column-screening").getByTestId("board-card").filter({ hasText: "Compact Co" })).toHaveCount(1);
  await expect.poll(async () => (await applicationRow(appId))?.status).toBe("screening");
  // Focus follows the card to its new column.
  await expect(page.getByRole("button", { name: "Drag Compact Co, Engineer" })).toBeFocused();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/1366-board.png` });
});
