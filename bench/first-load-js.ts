// First-load JavaScript per page, as a signed-in browser fetches it: every
// script the page loads until the network has been idle for 500 ms, counted
// as gzip bytes. Each body is gzipped here (zlib's default level, as Next's
// own compression uses) rather than read from the transfer, so the figure
// does not depend on whether the server compressed or the browser cached.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";

export type ScriptSize = { url: string; gzipBytes: number; rawBytes: number };
export type FirstLoad = { page: string; path: string; gzipBytes: number; rawBytes: number; scripts: ScriptSize[] };
/** `status` when the page is expected to answer other than 200 (the floor's 404). */
export type PageToMeasure = { page: string; path: string; status?: number };

/** The cookie header's pairs as Playwright cookies for `baseUrl`'s host. */
function asCookies(baseUrl: string, cookie: string) {
  return cookie.split("; ").map((pair) => {
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: baseUrl };
  });
}

export async function firstLoadJs(baseUrl: string, cookie: string, pages: PageToMeasure[]): Promise<FirstLoad[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const results: FirstLoad[] = [];
    for (const { page: name, path, status = 200 } of pages) {
      // A fresh context per page: nothing cached from the page before.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addCookies(asCookies(baseUrl, cookie));
      const page = await context.newPage();
      const bodies: Promise<ScriptSize | null>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() !== "script") return;
        bodies.push(
          res.body().then(
            (body) => ({ url: new URL(res.url()).pathname, rawBytes: body.length, gzipBytes: gzipSync(body).length }),
            () => null, // a redirect or an aborted request has no body
          ),
        );
      });
      const res = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      if (!res || res.status() !== status || new URL(page.url()).pathname !== path) {
        throw new Error(`${path} did not open signed in (status ${res?.status()}, at ${page.url()})`);
      }
      const scripts = (await Promise.all(bodies)).filter((s): s is ScriptSize => s !== null).sort((a, b) => b.gzipBytes - a.gzipBytes);
      results.push({
        page: name,
        path,
        gzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
        rawBytes: scripts.reduce((n, s) => n + s.rawBytes, 0),
        scripts,
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
