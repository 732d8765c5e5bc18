// npm run bench:faults: the production server under faults, on 127.0.0.1
// only, each scenario on its own throwaway database: a file it cannot use,
// kill -9 during saves, a full disk, a write lock held by another process,
// SIGTERM under load, malformed action requests, a ten-minute soak, and on
// Postgres (a throwaway cluster on --pg-port) kill -9 of one of two servers.
// Prints each scenario's counts (markdown, with the load average, since a
// shared machine makes the timings noisy) and exits 1 if a check fails.
//   npm run bench:faults [-- --short] [--no-build] [--port 3170] [--pg-port 55434] [--soak-minutes 10] [--soak-heap-mb 512] [--only kill9,lock] [--keep]
// --short is what `npm test` runs: a few cycles of each and a 20 s soak, under two minutes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { build, freePort } from "../server";
import type { Context, ScenarioResult } from "./scenario";
import { fullDisk } from "./scenarios/full-disk";
import { malformedFuzz } from "./scenarios/fuzz";
import { kill9 } from "./scenarios/kill9";
import { kill9Postgres } from "./scenarios/kill9-postgres";
import { lockHeld } from "./scenarios/lock";
import { sigtermUnderLoad } from "./scenarios/sigterm";
import { soak } from "./scenarios/soak";
import { refusedStarts } from "./scenarios/startup";

const { values: args } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    port: { type: "string", default: "3170" },
    "pg-port": { type: "string", default: "55434" },
    "soak-minutes": { type: "string" },
    "soak-heap-mb": { type: "string" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

const say = (line: string) => process.stderr.write(`${line}\n`);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

const SCENARIOS: Record<string, (ctx: Context) => Promise<ScenarioResult>> = {
  startup: refusedStarts,
  kill9,
  "kill9-postgres": (ctx) => kill9Postgres({ ...ctx, pgPort: Number(args["pg-port"]) }),
  "full-disk": fullDisk,
  lock: lockHeld,
  sigterm: sigtermUnderLoad,
  fuzz: malformedFuzz,
  soak: (ctx) => soak(ctx, Number(args["soak-minutes"] ?? (args.short ? 1 / 3 : 10)), args["soak-heap-mb"] ? Number(args["soak-heap-mb"]) : undefined),
};

function markdown(result: ScenarioResult): string {
  const [header, ...rows] = result.table;
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [`### ${result.name} (${result.seconds.toFixed(0)} s)`, "", line(header), line(header.map(() => "---")), ...rows.map(line), ""].join("\n");
}

async function main() {
  const chosen = args.only ? args.only.split(",") : Object.keys(SCENARIOS);
  const unknown = chosen.filter((name) => !SCENARIOS[name]);
  if (unknown.length) throw new Error(`no scenario ${unknown.join(", ")}; there are ${Object.keys(SCENARIOS).join(", ")}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-faults-"));
  const loadStart = load();
  if (!args["no-build"]) {
    say("building (next build) ...");
    await build({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }
  let nextPort = Number(args.port);
  const ctx: Context = {
    dir,
    short: args.short,
    say,
    port: async () => {
      const port = await freePort(nextPort);
      nextPort = port + 1;
      return port;
    },
  };
  const started = performance.now();
  const results: ScenarioResult[] = [];
  try {
    for (const name of chosen) {
      say(`${name} ...`);
      results.push(await SCENARIOS[name](ctx));
    }
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else say(`kept ${dir}`);
  }
  const checks = results.flatMap((r) => r.checks);
  const failed = checks.filter((c) => !c.ok);
  const report = [
    `## bench:faults${args.short ? " (short)" : ""}: ${os.cpus().length} cores, Node ${process.version}, load average ${loadStart} at the start, ${load()} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s`,
    "",
    ...results.map(markdown),
    "### checks",
    "",
    ...checks.map((c) => `- ${c.ok ? "✓" : "✗"} ${c.what}: ${c.detail}`),
    "",
  ].join("\n");
  process.stdout.write(report);
  writeFileSync(path.join(process.cwd(), "bench", "faults-results.json"), `${JSON.stringify({ short: args.short, loadStart, loadEnd: load(), results }, null, 2)}\n`);
  if (failed.length) {
    say(`${failed.length} check(s) failed`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
