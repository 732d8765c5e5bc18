// Turns the measurements into the markdown the bench prints and the facts
// it writes to bench/results.json, including the verdict on each target.
import type { ColdTiming } from "./cold";
import type { FirstLoad } from "./first-load-js";
import type { FloorTiming } from "./floor";
import type { LighthouseResult } from "./lighthouse";
import type { Load } from "./load";
import type { RestartTiming } from "./restart";

export type PageResult = Load & { page: string; account: string };
export type SizeResult = {
  label: string;
  applications: number;
  floor: FloorTiming;
  /** The queue length on the dashboard, which the floor's must match for the comparison to be fair. */
  dashboardSteps: number | null;
  /** Requests served from the per-user cache, as when a user reloads: 1 connection. */
  oneConnection: Load;
  /** Requests right after a user-wide write, which recompute everything: what the floor is compared with. */
  cold: ColdTiming;
  /** Requests right after a write to one application, which recompute that one: compared with the cached page. */
  afterWrite: ColdTiming;
  /** The cached dashboard timed by the same loop as `afterWrite`, with no write between requests. */
  cachedLoop: ColdTiming;
  tenConnections: Load;
};
export type Machine = { node: string; cpus: number; cpuModel: string; loadAverageStart: number[]; loadAverageEnd: number[]; commit: string };

export const TARGETS = {
  dashboardP99Ms: 100,
  timesFloor: 3,
  growthExponent: 1,
  afterWriteTimesCached: 2,
  // Issue 29's server targets.
  firstAfterRestartMs: 500,
  heavyCpuTimesLight: 1.25,
  lightCpuTimesNotFound: 2,
  heavyRateOfLight: 0.8,
} as const;

/** The server's CPU per request, one request at a time; null where /proc could not be read. */
export type CpuResult = { heavyMs: number | null; lightMs: number | null; notFoundMs: number | null; requests: number };
/** The first dashboards after a restart, with the stored parts there and with none. */
export type RestartResult = { applications: number; stored: RestartTiming; nothingStored: RestartTiming; storedParts: number };
/** Issue 16's client targets: gzip kB of first-load JS, and Lighthouse's mobile scores. */
export const CLIENT_TARGETS = { firstLoadKb: 130, analyticsFirstLoadKb: 180, performance: 95, accessibility: 100, boardTbtMs: 200 } as const;
/** Within this of 1, a log-log slope is read as linear: a shared machine's noise is wider than that. */
const LINEAR_SLACK = 0.1;

const ms = (n: number) => (!Number.isFinite(n) ? "—" : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const thousands = (n: number) => n.toLocaleString("en-US");
const ratio = (a: number, b: number, digits = 1) => (Number.isFinite(a / b) && a > 0 ? (a / b).toFixed(digits) : "—");
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");

/** "ok", or the problem: which codes came back how often. */
function health(l: Load): string {
  if (l.requests === 0) return `**PROBLEM**: no response${l.errors ? ` (${l.errors} errors)` : ""}`;
  const by = l.mode === "count" ? ` (too slow for the timed run: ${l.requests} requests took ${l.seconds.toFixed(0)} s)` : "";
  if (l.non2xx === 0 && l.errors === 0) return `ok${by}`;
  const codes = Object.entries(l.statusCodes)
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, n]) => `${n}× ${code}`);
  const errors = l.errors ? [`${l.errors} connection errors`] : [];
  return `**PROBLEM**: ${[...codes, ...errors].join(", ")}`;
}

/** The floor's queue length beside the page's; a difference means they did not compute the same thing. */
function stepCheck(s: SizeResult): string {
  const page = s.dashboardSteps === null ? "?" : thousands(s.dashboardSteps);
  return `${thousands(s.floor.steps)} / ${page}${s.dashboardSteps === s.floor.steps ? "" : " **differ**"}`;
}

export type Step = { from: number; to: number; sizeRatio: number; costRatio: number; exponent: number; verdict: string };

/** Cost growth between consecutive sizes, as a log-log slope: 1 is linear, below is better. */
export function growthSteps(sizes: SizeResult[]): Step[] {
  return sizes.slice(1).map((big, i) => {
    const small = sizes[i];
    const sizeRatio = big.applications / small.applications;
    const costRatio = big.cold.medianMs / small.cold.medianMs;
    const exponent = Math.log(costRatio) / Math.log(sizeRatio);
    const verdict = !Number.isFinite(exponent)
      ? "not measured"
      : exponent < 1 - LINEAR_SLACK
        ? "better than linear"
        : exponent <= 1 + LINEAR_SLACK
          ? "about linear"
          : "worse than linear";
    return { from: small.applications, to: big.applications, sizeRatio, costRatio, exponent, verdict };
  });
}

export type Verdict = { target: string; measured: string; met: boolean; by: string };

export function verdicts(heavy: SizeResult, steps: Step[]): Verdict[] {
  const p99 = heavy.tenConnections.p99Ms;
  const times = heavy.cold.medianMs / heavy.floor.medianMs;
  const worst = Math.max(...steps.map((s) => s.exponent));
  const broken = [heavy.tenConnections, heavy.oneConnection].some((l) => l.requests === 0 || l.non2xx > 0);
  return [
    {
      target: `dashboard p99 ≤ ${TARGETS.dashboardP99Ms} ms at 10 connections, ${thousands(heavy.applications)} applications`,
      measured: `${ms(p99)} ms`,
      met: !broken && p99 <= TARGETS.dashboardP99Ms,
      by: broken ? "the dashboard did not answer 2xx" : `${(p99 / TARGETS.dashboardP99Ms).toFixed(1)}× the target`,
    },
    {
      target: `dashboard server time after a user-wide write ≤ ${TARGETS.timesFloor}× the floor`,
      measured: `${times.toFixed(1)}×`,
      met: !broken && times <= TARGETS.timesFloor,
      by: `${(times / TARGETS.timesFloor).toFixed(1)}× the target`,
    },
    {
      target: "growth no worse than linear",
      measured: `worst slope ${ratio(worst, 1, 2)}`,
      met: Number.isFinite(worst) && worst <= TARGETS.growthExponent + LINEAR_SLACK,
      by: Number.isFinite(worst) ? `slope ${worst.toFixed(2)} (1 = linear)` : "the dashboard was not measured",
    },
  ];
}

/** After a write to one application, against the same page served from the cache: the issue's "≤ 2× cached", at 5,000 and up. */
export function afterWriteVerdicts(sizes: SizeResult[]): Verdict[] {
  return sizes
    .filter((s) => s.applications >= 5_000)
    .map((s) => {
      const times = s.afterWrite.medianMs / s.cachedLoop.medianMs;
      const broken = s.oneConnection.requests === 0 || s.oneConnection.non2xx > 0;
      return {
        target: `dashboard after a write to one application ≤ ${TARGETS.afterWriteTimesCached}× cached, ${thousands(s.applications)} applications`,
        measured: `${ms(s.afterWrite.medianMs)} ms against ${ms(s.cachedLoop.medianMs)} ms cached (timed the same way), ${ratio(s.afterWrite.medianMs, s.cachedLoop.medianMs)}×`,
        met: !broken && times <= TARGETS.afterWriteTimesCached,
        by: broken ? "the dashboard did not answer 2xx" : `${(times / TARGETS.afterWriteTimesCached).toFixed(1)}× the target`,
      };
    });
}

/** Issue 29: heavy against light dashboard CPU, light against a 404's, and heavy's req/s against light's at 10 connections. */
export function serverCpuVerdicts(cpu: CpuResult, pages: PageResult[]): Verdict[] {
  const { heavyMs, lightMs, notFoundMs } = cpu;
  const heavyRate = pages.find((p) => p.page === "dashboard" && p.account.startsWith("heavy"))?.requestsPerSecond ?? 0;
  const lightRate = pages.find((p) => p.page === "dashboard" && p.account.startsWith("light"))?.requestsPerSecond ?? 0;
  const cpuCheck = (target: string, a: number | null, b: number | null, limit: number, names: [string, string]): Verdict => {
    const times = a !== null && b !== null ? a / b : NaN;
    return {
      target: `${target} ≤ ${limit}×`,
      measured: a !== null && b !== null ? `${ms(a)} ms against ${ms(b)} ms (${names[0]} / ${names[1]}), ${times.toFixed(2)}×` : "not measured (no /proc)",
      met: times <= limit,
      by: Number.isFinite(times) ? `${(times / limit).toFixed(2)}× the target` : "not measured",
    };
  };
  const rate = heavyRate / lightRate;
  return [
    cpuCheck("heavy dashboard CPU per request against the light account's", heavyMs, lightMs, TARGETS.heavyCpuTimesLight, ["heavy", "light"]),
    cpuCheck("light dashboard CPU per request against a 404 page's", lightMs, notFoundMs, TARGETS.lightCpuTimesNotFound, ["light", "404"]),
    {
      target: `heavy dashboard req/s ≥ ${TARGETS.heavyRateOfLight * 100}% of light's at 10 connections`,
      measured: `${heavyRate.toFixed(1)} against ${lightRate.toFixed(1)} req/s, ${(rate * 100).toFixed(0)}%`,
      met: rate >= TARGETS.heavyRateOfLight,
      by: `${(rate / TARGETS.heavyRateOfLight).toFixed(2)}× the target`,
    },
  ];
}

export function restartVerdict(r: RestartResult): Verdict {
  return {
    target: `first dashboard after a restart ≤ ${TARGETS.firstAfterRestartMs} ms, ${thousands(r.applications)} applications`,
    measured: `${ms(r.stored.firstMs)} ms (${ms(r.nothingStored.firstMs)} ms with nothing stored)`,
    met: r.stored.firstMs <= TARGETS.firstAfterRestartMs,
    by: `${(r.stored.firstMs / TARGETS.firstAfterRestartMs).toFixed(2)}× the target`,
  };
}

export function markdown(
  machine: Machine,
  pages: PageResult[],
  sizes: SizeResult[],
  steps: Step[],
  checks: Verdict[],
  timing: { warmUp: number; seconds: number },
  server?: { cpu: CpuResult; restart: RestartResult },
): string {
  const out: string[] = [];
  out.push(`Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, commit ${machine.commit}`);
  out.push(`Load average (1/5/15 min) at start ${loads(machine.loadAverageStart)}, at end ${loads(machine.loadAverageEnd)}`);
  out.push("");
  out.push(`### Pages: 10 connections, ${timing.seconds} s after a ${timing.warmUp} s warm-up`);
  out.push("");
  out.push("| page | account | path | req/s | p50 ms | p99 ms | requests | non-2xx | status |");
  out.push("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const p of pages) {
    out.push(`| ${p.page} | ${p.account} | \`${p.path}\` | ${p.requestsPerSecond.toFixed(1)} | ${ms(p.p50Ms)} | ${ms(p.p99Ms)} | ${thousands(p.requests)} | ${thousands(p.non2xx)} | ${health(p)} |`);
  }
  out.push("");
  out.push("### Dashboard against the floor (raw SQL + `guide` + sort + the Today split, in-process)");
  out.push("");
  out.push(
    "| applications | advised | steps (floor / page) | floor median ms | after a user-wide write ms | × floor | server time cached ms (1 conn p50) | cached, timed like the writes ms | after a write to one application ms | × cached | p99 ms (10 conn) | req/s (10 conn) | status |",
  );
  out.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const s of sizes) {
    const worst = s.oneConnection.non2xx ? s.oneConnection : s.tenConnections;
    out.push(
      `| ${thousands(s.applications)} | ${thousands(s.floor.applications)} | ${stepCheck(s)} | ${ms(s.floor.medianMs)} | ${ms(s.cold.medianMs)} | ${ratio(s.cold.medianMs, s.floor.medianMs)} | ${ms(s.oneConnection.p50Ms)} | ${ms(s.cachedLoop.medianMs)} | ${ms(s.afterWrite.medianMs)} | ${ratio(s.afterWrite.medianMs, s.cachedLoop.medianMs)} | ${ms(s.tenConnections.p99Ms)} | ${s.tenConnections.requestsPerSecond.toFixed(1)} | ${health(worst)} |`,
    );
  }
  out.push("");
  out.push("### Growth of the dashboard's server time after a user-wide write (everything recomputed)");
  out.push("");
  out.push("| step | size × | server time × | slope (1 = linear) | verdict |");
  out.push("| --- | ---: | ---: | ---: | --- |");
  for (const s of steps) {
    out.push(`| ${thousands(s.from)} → ${thousands(s.to)} | ${s.sizeRatio.toFixed(0)} | ${ratio(s.costRatio, 1, 2)} | ${ratio(s.exponent, 1, 2)} | ${s.verdict} |`);
  }
  out.push("");
  if (server) {
    const { cpu, restart } = server;
    const cell = (n: number | null) => (n === null ? "—" : ms(n));
    out.push(`### Server CPU per request (${cpu.requests} requests one at a time, read from /proc)`);
    out.push("");
    out.push("| heavy dashboard ms | light dashboard ms | 404 page ms | heavy × light | light × 404 |");
    out.push("| ---: | ---: | ---: | ---: | ---: |");
    const r = (a: number | null, b: number | null) => (a !== null && b !== null ? ratio(a, b, 2) : "—");
    out.push(`| ${cell(cpu.heavyMs)} | ${cell(cpu.lightMs)} | ${cell(cpu.notFoundMs)} | ${r(cpu.heavyMs, cpu.lightMs)} | ${r(cpu.lightMs, cpu.notFoundMs)} |`);
    out.push("");
    out.push(`### The first dashboard after a restart (${thousands(restart.applications)} applications; the client's time, Next's first request included)`);
    out.push("");
    out.push("| stored parts | first ms | second ms |");
    out.push("| --- | ---: | ---: |");
    out.push(`| ${thousands(restart.storedParts)} stored | ${ms(restart.stored.firstMs)} | ${ms(restart.stored.secondMs)} |`);
    out.push(`| none (deleted before the restart) | ${ms(restart.nothingStored.firstMs)} | ${ms(restart.nothingStored.secondMs)} |`);
    out.push("");
  }
  out.push("### Targets");
  out.push("");
  out.push("| target | measured | met | |");
  out.push("| --- | --- | --- | --- |");
  for (const c of checks) out.push(`| ${c.target} | ${c.measured} | ${c.met ? "yes" : "**no**"} | ${c.by} |`);
  return out.join("\n");
}

/** The first-load JS row that is a reference, not a target: the framework's own weight, on a 404. */
export const FLOOR_PAGE = "floor: a 404 (Next + React)";
export type ClientResult = { firstLoad: FirstLoad[]; lighthouse: LighthouseResult[]; loadAverageStart: number[]; loadAverageEnd: number[] };

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const jsBudgetKb = (page: string) => (page === "analytics" ? CLIENT_TARGETS.analyticsFirstLoadKb : CLIENT_TARGETS.firstLoadKb);

export function clientVerdicts({ firstLoad, lighthouse }: ClientResult): Verdict[] {
  const js = firstLoad.filter((f) => f.page !== FLOOR_PAGE).map((f) => {
    const budget = jsBudgetKb(f.page);
    return {
      target: `${f.page}: first-load JS ≤ ${budget} kB gzip`,
      measured: `${kb(f.gzipBytes)} kB`,
      met: f.gzipBytes / 1000 <= budget,
      by: `${(f.gzipBytes / 1000 / budget).toFixed(2)}× the target`,
    };
  });
  const scores = lighthouse.map((l) => {
    const perf = l.performance ?? 0;
    const a11y = l.accessibility ?? 0;
    const short = [
      perf < CLIENT_TARGETS.performance ? `performance ${CLIENT_TARGETS.performance - perf} short` : null,
      a11y < CLIENT_TARGETS.accessibility ? `accessibility ${CLIENT_TARGETS.accessibility - a11y} short (${l.failedAccessibility.join(", ")})` : null,
    ].filter(Boolean);
    return {
      target: `${l.page}: Lighthouse performance ≥ ${CLIENT_TARGETS.performance}, accessibility ${CLIENT_TARGETS.accessibility}`,
      measured: `${l.performance ?? "—"} / ${l.accessibility ?? "—"}`,
      met: short.length === 0,
      by: short.length ? short.join("; ") : "met",
    };
  });
  const board = lighthouse.find((l) => l.page === "board");
  const blocking = board
    ? [
        {
          target: `board: Lighthouse total blocking time ≤ ${CLIENT_TARGETS.boardTbtMs} ms`,
          measured: `${ms(board.tbtMs)} ms (benchmarkIndex ${board.benchmarkIndex ?? "—"})`,
          met: board.tbtMs <= CLIENT_TARGETS.boardTbtMs,
          by: `${(board.tbtMs / CLIENT_TARGETS.boardTbtMs).toFixed(2)}× the target`,
        },
      ]
    : [];
  return [...js, ...scores, ...blocking];
}

/** The browser steps' table; with `checks`, their targets too (`--client-only`, where the main table is not printed). */
export function clientMarkdown({ firstLoad, lighthouse, loadAverageStart, loadAverageEnd }: ClientResult, checks?: Verdict[]): string {
  const out: string[] = [];
  out.push(`Load average (1/5/15 min) during the browser steps: at start ${loads(loadAverageStart)}, at end ${loads(loadAverageEnd)}`);
  out.push("");
  out.push("### Client: first-load JS (Chromium, 1280 × 720, gzip of each script until the network is idle) and Lighthouse (mobile, default throttling)");
  out.push("");
  out.push("| page | path | JS gzip kB | JS raw kB | scripts | performance | accessibility | LCP ms | TBT ms | CLS | main thread ms | benchmarkIndex |");
  out.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const pages = [...new Set([...firstLoad.map((f) => f.page), ...lighthouse.map((l) => l.page)])];
  for (const page of pages) {
    const f = firstLoad.find((x) => x.page === page);
    const l = lighthouse.find((x) => x.page === page);
    out.push(
      `| ${page} | \`${f?.path ?? l?.path}\` | ${f ? kb(f.gzipBytes) : "—"} | ${f ? kb(f.rawBytes) : "—"} | ${f?.scripts.length ?? "—"} | ${l?.performance ?? "—"} | ${l?.accessibility ?? "—"} | ${l ? ms(l.lcpMs) : "—"} | ${l ? ms(l.tbtMs) : "—"} | ${l ? l.cls.toFixed(3) : "—"} | ${l ? ms(l.mainThreadMs) : "—"} | ${l?.benchmarkIndex ?? "—"} |`,
    );
  }
  out.push("");
  out.push("Where each page's main-thread time goes (Lighthouse's bootup-time, throttled: total / scripting ms):");
  for (const l of lighthouse) {
    out.push(`- ${l.page}: ${l.scripts.slice(0, 3).map((s) => `\`${s.url.slice(-48)}\` ${s.totalMs}/${s.scriptingMs}`).join(", ") || "—"}`);
  }
  if (checks) {
    out.push("");
    out.push("| target | measured | met | |");
    out.push("| --- | --- | --- | --- |");
    for (const c of checks) out.push(`| ${c.target} | ${c.measured} | ${c.met ? "yes" : "**no**"} | ${c.by} |`);
  }
  return out.join("\n");
}
