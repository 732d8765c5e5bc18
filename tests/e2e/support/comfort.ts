import { expect, type Page } from "@playwright/test";

/**
 * Perceived lightness (0 dark … 1 light) of the page's background. The built
 * CSS gives Tailwind's colours as lab() or oklch(), whose first number is
 * exactly that (lab on a 0–100 scale); plain rgb() gets the usual luma weights.
 */
export async function backgroundLightness(page: Page): Promise<number> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lab = /^lab\(([\d.]+)/.exec(color);
  if (lab) return Number(lab[1]) / 100;
  const oklch = /^oklch\(([\d.]+)(%?)/.exec(color);
  if (oklch) return Number(oklch[1]) / (oklch[2] ? 100 : 1);
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!rgb) throw new Error(`unexpected background colour ${color}`);
  const [r, g, b] = rgb.slice(1).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export async function expectDarkPage(page: Page) {
  expect(await backgroundLightness(page)).toBeLessThan(0.3);
}

export async function expectLightPage(page: Page) {
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
}

/** The theme control in the page's header. */
export function themeButton(page: Page, name: "System" | "Light" | "Dark") {
  return page.getByRole("group", { name: "Colour theme" }).getByRole("button", { name, exact: true });
}

/** Picks a theme and waits for the server to send the page back with it. */
export async function chooseTheme(page: Page, name: "System" | "Light" | "Dark") {
  await themeButton(page, name).click();
  await expect(themeButton(page, name)).toHaveAttribute("aria-pressed", "true");
  // The refresh after the cookie can leave the document briefly without its
  // title, and axe run straight after reports it (document-title, seen once in CI).
  await expect(page).toHaveTitle(/\S/);
}

/** Fails when the page is wider than the viewport, naming the widest culprits. */
export async function expectNoHorizontalOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
  expect(overflow.scrollWidth, `${label} overflows: ${overflow.culprits.join(", ")}`).toBeLessThanOrEqual(overflow.clientWidth);
}
