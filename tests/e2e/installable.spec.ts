import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../bench/chromium";
import { expect, test } from "./fixtures";

// Shortlist as an installable app: the web manifest, its icons and the
// service worker, checked by Chromium's own installability test. In a
// persistent profile: Chromium never offers to install from an incognito
// window, which is what Playwright's usual contexts are.

test("the manifest, its icons and the service worker make Shortlist installable", async ({ playwright, request, baseURL }) => {
  const profile = mkdtempSync(path.join(os.tmpdir(), "shortlist-install-"));
  const context = await playwright.chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto("/sign-in");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { name: string; display: string; start_url: string; icons: { src: string; sizes: string; purpose: string }[] };
  expect(manifest).toMatchObject({ name: "Shortlist", display: "standalone", start_url: "/" });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons) {
    const answer = await request.get(icon.src);
    expect(answer.status(), icon.src).toBe(200);
    expect(answer.headers()["content-type"]).toBe("image/png");
  }

  const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? null);
  expect(worker).toMatch(/\/sw\.js$/);

  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});
