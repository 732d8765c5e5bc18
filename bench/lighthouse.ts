// Lighthouse's performance and accessibility scores per page, mobile with its
// default throttling (simulated slow 4G, 4× CPU slowdown), signed in through
// the session cookie sent as an extra header. The browser is Debian's
// Chromium launched by Playwright with a debugging port; each audit runs in
// bench/lighthouse-child.mjs (see there why a child process).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";
import type { PageToMeasure } from "./first-load-js";
import { freePort } from "./server";

export type LighthouseResult = {
  page: string;
  path: string;
  /** 0-100, as Lighthouse reports them; null when the category could not be scored. */
  performance: number | null;
  accessibility: number | null;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Main-thread work in all, ms (Lighthouse's mainthread-work-breakdown, throttled). */
  mainThreadMs: number;
  /** Lighthouse's measure of the host CPU during the audit: its simulated throttling scales with it, so compare scores at like indexes. */
  benchmarkIndex: number | null;
  /** The scripts that ran longest on the main thread (bootup-time), longest first. */
  scripts: { url: string; totalMs: number; scriptingMs: number }[];
  /** The audits that failed, by id: what to fix for the targets. */
  failedAccessibility: string[];
  failedPerformance: string[];
};

type Category = { score: number | null; failed: string[] } | undefined;
type ChildReport = {
  finalUrl: string;
  runtimeError: { code: string; message: string } | null;
  performance: Category;
  accessibility: Category;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  fcpMs: number | null;
  mainThreadMs: number | null;
  benchmarkIndex: number | null;
  scripts: { url: string; totalMs: number; scriptingMs: number }[];
  failedPerformance: string[];
};

const CHILD = path.join(process.cwd(), "bench", "lighthouse-child.mjs");
const run = promisify(execFile);
const score = (c: Category) => (c?.score === null || c?.score === undefined ? null : Math.round(c.score * 100));
const num = (n: number | null) => n ?? Number.NaN;

export async function lighthouseScores(baseUrl: string, cookie: string, pages: PageToMeasure[], firstPort = 9300): Promise<LighthouseResult[]> {
  const port = await freePort(firstPort);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`] });
  try {
    const results: LighthouseResult[] = [];
    for (const { page, path: p } of pages) {
      const { stdout } = await run(process.execPath, [CHILD, `${baseUrl}${p}`, String(port)], {
        env: { ...process.env, LIGHTHOUSE_COOKIE: cookie },
        maxBuffer: 16 * 1024 * 1024,
      });
      const r = JSON.parse(stdout) as ChildReport;
      if (r.runtimeError) throw new Error(`Lighthouse on ${p}: ${r.runtimeError.code} ${r.runtimeError.message}`);
      const final = new URL(r.finalUrl).pathname;
      if (final !== p) throw new Error(`Lighthouse on ${p} ended on ${final}: the cookie did not sign it in`);
      results.push({
        page,
        path: p,
        performance: score(r.performance),
        accessibility: score(r.accessibility),
        lcpMs: num(r.lcpMs),
        tbtMs: num(r.tbtMs),
        cls: num(r.cls),
        fcpMs: num(r.fcpMs),
        mainThreadMs: num(r.mainThreadMs),
        benchmarkIndex: r.benchmarkIndex === null ? null : Math.round(r.benchmarkIndex),
        scripts: r.scripts.map((s) => ({ ...s, url: s.url.startsWith(baseUrl) ? s.url.slice(baseUrl.length) : s.url })),
        failedAccessibility: r.accessibility?.failed ?? [],
        failedPerformance: [...(r.performance?.failed ?? []).filter((id) => r.failedPerformance.includes(id)), ...r.failedPerformance].filter((id, i, all) => all.indexOf(id) === i),
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}
