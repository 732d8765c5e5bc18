import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { chooseTheme } from "./support/comfort";

const SHOTS = process.env.SHOTS_DIR;

/** For every table on the page: how many pixels of it are cut off by the box it sits in (0 when it fits). */
function cutOff(page: Page): Promise<Record<string, number>> {
  return page.locator("table").evaluateAll((tables) =>
    Object.fromEntries(
      tables.map((t) => {
        const box = t.parentElement as HTMLElement;
        const name = t.getAttribute("data-testid") ?? t.querySelector("caption")?.textContent ?? "table";
        return [name, Math.max(0, t.scrollWidth - box.clientWidth, t.getBoundingClientRect().right - window.innerWidth)];
      }),
    ),
  );
}

// The outcomes table has seven columns: at 390 px its outcome counts may
// scroll sideways inside their own keyboard-focusable region (the caption says
// so), but the total beside each row's name never does.
const MAY_SCROLL_ON_A_PHONE = new Set(["outcomes-table"]);

test("every analytics table fits at 1366 px, and at 390 px fits or scrolls in its own region with the total in view", async ({ signedIn: page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("heading", { name: "Your pipeline" })).toBeVisible();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/analytics");
    await expect(page.getByTestId("outcomes-table")).toBeVisible();
    const tables = await cutOff(page);
    expect(Object.keys(tables).length).toBeGreaterThanOrEqual(3);
    for (const [name, px] of Object.entries(tables)) {
      if (width < 640 && MAY_SCROLL_ON_A_PHONE.has(name)) continue;
      expect(px, `${name} at ${width} px`).toBeLessThanOrEqual(1);
    }
    // Nothing widens the page itself.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // The column the bug report named: wholly inside the table's box, not behind its scroll.
    const total = await page.getByRole("columnheader", { name: "Total" }).evaluate((th) => {
      const box = th.closest("[role=region]") ?? th.closest("table")!.parentElement!;
      return box.getBoundingClientRect().right - th.getBoundingClientRect().right;
    });
    expect(total).toBeGreaterThanOrEqual(-1);
    if (width < 640) {
      const region = page.getByRole("region", { name: "Outcomes by signals seen, table" });
      await expect(region).toHaveAttribute("tabindex", "0");
      await expect(page.getByText("Scroll the table sideways for every outcome.")).toBeVisible();
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/analytics-${width}.png`, fullPage: true });
    if (SHOTS) await page.getByRole("region", { name: "Outcomes by signals seen", exact: true }).screenshot({ path: `${SHOTS}/analytics-outcomes-${width}.png` });
    await expectNoSeriousViolations(page, `analytics ${width} light`);
    await chooseTheme(page, "Dark");
    await expectNoSeriousViolations(page, `analytics ${width} dark`);
    await chooseTheme(page, "Light");
  }
});
