// Runs one Lighthouse audit and prints the parts of its report the bench
// reads, as JSON on stdout. Plain Node, not tsx: tsx's transform adds
// `__name` helpers to Lighthouse's functions, which Lighthouse then
// serialises into the page, where they are undefined.
//   LIGHTHOUSE_COOKIE=... node bench/lighthouse-child.mjs <url> <debugging port>
import lighthouse from "lighthouse";

const [url, port] = process.argv.slice(2);
const run = await lighthouse(url, {
  port: Number(port),
  output: "json",
  logLevel: "error",
  onlyCategories: ["performance", "accessibility"],
  extraHeaders: { Cookie: process.env.LIGHTHOUSE_COOKIE ?? "" },
});
if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
const { lhr } = run;
const pick = (category) =>
  category && {
    score: category.score,
    failed: category.auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id),
  };
const audit = (id) => lhr.audits[id]?.numericValue ?? null;
process.stdout.write(
  JSON.stringify({
    finalUrl: lhr.finalDisplayedUrl,
    runtimeError: lhr.runtimeError ?? null,
    performance: pick(lhr.categories.performance),
    accessibility: pick(lhr.categories.accessibility),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    fcpMs: audit("first-contentful-paint"),
    siMs: audit("speed-index"),
    mainThreadMs: audit("mainthread-work-breakdown"),
    // Lighthouse's own measure of this machine's CPU at the time: its throttling scales with it.
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    // What ran longest on the main thread, to say where the blocking time goes.
    scripts: (lhr.audits["bootup-time"]?.details?.items ?? [])
      .slice(0, 5)
      .map((item) => ({ url: item.url, totalMs: Math.round(item.total), scriptingMs: Math.round(item.scripting) })),
    failedPerformance: ["render-blocking-resources", "unused-javascript", "bootup-time", "mainthread-work-breakdown", "largest-contentful-paint-element", "layout-shifts"].filter(
      (id) => lhr.audits[id] && lhr.audits[id].score !== null && lhr.audits[id].score < 0.9,
    ),
  }),
);
