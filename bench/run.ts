// npm run bench: seeds a throwaway database, builds and starts the app on
// 127.0.0.1, signs in, and measures the pages with autocannon against the
// floor of what the dashboard must do; then, in Chromium, each page's
// first-load JS and its Lighthouse scores. Prints a markdown table and writes
// bench/results.json.
//   npm run bench [-- --no-build] [--port 3116] [--seconds 10] [--warm-up 3] [--keep]
//                 [--no-client]    skip the browser steps (first-load JS, Lighthouse)
//                 [--client-only]  seed the heavy account alone and run only the browser steps
//                 [--list-only]    seed the heavy account alone and measure only the list's paging
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { openDatabase } from "../db/open";
import { hashPassword } from "../lib/auth/password";
import { coldServerTime, oneApplicationWrite, userWideWrite } from "./cold";
import { cpuPerRequest } from "./cpu";
import { afterRestart } from "./restart";
import { clientSteps } from "./client";
import { timeFloor } from "./floor";
import { getText } from "./http";
import { listPagingMarkdown, listPagingVerdict, measureListPaging } from "./list-paging";
import { meter, type Load } from "./load";
import {
  afterWriteVerdicts,
  clientMarkdown,
  clientVerdicts,
  growthSteps,
  markdown,
  restartVerdict,
  serverCpuVerdicts,
  verdicts,
  type CpuResult,
  type Machine,
  type PageResult,
  type RestartResult,
  type SizeResult,
} from "./report";
import { busiestApplication, countRows, seedAccount, type Account, type SeededAccount } from "./seed-db";
import { build, freePort, start } from "./server";
import { signIn } from "./sign-in";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    port: { type: "string", default: "3116" },
    seconds: { type: "string", default: "10" },
    "warm-up": { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
    "no-client": { type: "boolean", default: false },
    "client-only": { type: "boolean", default: false },
    "list-only": { type: "boolean", default: false },
  },
});
const SECONDS = Number(args.seconds);
const WARM_UP = Number(args["warm-up"]);
/** Server time is read at one connection, where latency is the server's work and no queueing. */
const SERVER_TIME = { connections: 1, seconds: Math.max(1, Math.round(SECONDS / 2)), warmUpSeconds: Math.min(2, WARM_UP) };
const LOAD = { connections: 10, seconds: SECONDS, warmUpSeconds: WARM_UP };
const PASSWORD = "bench-password-not-secret";
const TIME_ZONE = "Europe/London"; // what seed-db gives every account
const RESULTS = path.join(process.cwd(), "bench", "results.json");
/** Requests one at a time for each CPU-per-request figure. */
const CPU_REQUESTS = 200;
/** lib/data/guidance-store.ts's WRITE_BACK_AFTER_MS (2 s; that module is server-only), and a margin. */
const STORED_PARTS_WAIT_MS = 3_000;

const account = (label: string, applications: number, seed: number, customSettings = false): Account => ({
  label,
  email: `${label}@bench.shortlist.local`,
  name: `Bench ${label}`,
  applications,
  seed,
  customSettings,
});
const HEAVY = account("heavy", 5_000, 20_261_125, true);
const SIZES = [account("growth-500", 500, 500), HEAVY, account("growth-20000", 20_000, 20_000)];
const LIGHT = [account("light-1", 10, 11), account("light-2", 12, 12), account("light-3", 8, 13)];
/** The browser steps alone need only the heavy account. */
const ACCOUNTS = args["client-only"] || args["list-only"] ? [HEAVY] : [...LIGHT, ...SIZES];

const say = (line: string) => process.stderr.write(`${line}\n`);
const thousands = (n: number) => n.toLocaleString("en-US");

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

async function seed(dbFile: string): Promise<{ seeded: Map<string, SeededAccount>; busy: string }> {
  const { sqlite, close } = openDatabase(dbFile); // the app's own migrations
  // One real scrypt hash for every account: each costs ~0.5 s and 128 MiB, and sign-in checks it the same way.
  const hash = await hashPassword(PASSWORD);
  const seeded = new Map<string, SeededAccount>();
  const now = new Date();
  for (const a of ACCOUNTS) {
    const s = seedAccount(sqlite, a, hash, now, (done) => say(`seeding ${a.label}: ${thousands(done)}/${thousands(a.applications)} applications`));
    const actual = countRows(sqlite, s.userId);
    for (const [table, n] of Object.entries(s.expected)) {
      if (actual[table as keyof typeof actual] !== n) throw new Error(`${a.label}: ${table} holds ${actual[table as keyof typeof actual]} rows, ${n} were written`);
    }
    say(`  ${a.label} holds ${Object.entries(actual).map(([t, n]) => `${thousands(n)} ${t}`).join(", ")}`);
    seeded.set(a.label, s);
  }
  const busy = busiestApplication(sqlite, seeded.get(HEAVY.label)!.userId);
  close();
  return { seeded, busy };
}

/** The queue length the dashboard shows, to check the floor computes the same queue; null if the page has no count. */
async function dashboardSteps(baseUrl: string, cookie: string): Promise<number | null> {
  const html = (await getText(`${baseUrl}/`, cookie)).body;
  const match = /data-testid="queue-count"[^>]*>\s*(\d+)/.exec(html);
  return match ? Number(match[1]) : null;
}

async function main(cleanups: (() => Promise<void> | void)[]) {
  const machine: Machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown CPU",
    loadAverageStart: os.loadavg(),
    loadAverageEnd: [],
    commit: commit(),
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-"));
  // Kept after a failure: the server log in it says what went wrong.
  cleanups.push(() => {
    if (args.keep || process.exitCode) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  const dbFile = path.join(dir, "shortlist.db");
  say(`throwaway database: ${dbFile}`);
  // The API's per-token rate would otherwise refuse most of the load test's requests.
  const env = { ...process.env, SHORTLIST_DB_PATH: dbFile, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", SHORTLIST_TOKEN_RATE_LIMIT: "100000000" };

  const { seeded, busy } = await seed(dbFile);
  if (args["no-build"]) {
    if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("--no-build, but there is no build in .next: run without it once");
    say("reusing the build in .next (--no-build)");
  } else {
    say("building: next build (about a minute; --no-build reuses the last one)");
    await build({ ...env, NODE_ENV: "production" });
  }

  const port = await freePort(Number(args.port));
  say(`starting the server on 127.0.0.1:${port} (log: ${path.join(dir, "server.log")})`);
  let server = start(port, { ...env, NODE_ENV: "production" }, path.join(dir, "server.log"));
  cleanups.unshift(() => server.stop());
  await server.ready;

  const cookies = new Map<string, string>();
  for (const a of ACCOUNTS) {
    say(`signing in ${a.email}`);
    cookies.set(a.label, await signIn(server.url, a.email, PASSWORD, a.name));
  }

  const heavyLabel = `${HEAVY.label} (${thousands(seeded.get(HEAVY.label)!.applications)})`;
  if (args["list-only"]) {
    say("measuring the list's paging");
    const paging = await measureListPaging(await meter(server.url), server.url, cookies.get(HEAVY.label)!, LOAD);
    machine.loadAverageEnd = os.loadavg();
    console.log(`Load average (1/5/15 min) at start ${machine.loadAverageStart.map((x) => x.toFixed(2)).join(" / ")}, at end ${machine.loadAverageEnd.map((x) => x.toFixed(2)).join(" / ")}\n`);
    console.log(listPagingMarkdown(paging, heavyLabel));
    writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), machine, listPaging: paging, targets: [listPagingVerdict(paging)] }, null, 2)}\n`);
    return;
  }

  const pageList: [string, string, string][] = [
    ["dashboard", HEAVY.label, "/"],
    ["list", HEAVY.label, "/applications"],
    ["board", HEAVY.label, "/board"],
    ["analytics", HEAVY.label, "/analytics"],
    ["application", HEAVY.label, `/applications/${busy}`],
    ["dashboard", LIGHT[0].label, "/"],
  ];
  // In a browser before the load runs, so the pages are measured on a quiet server.
  const client = args["no-client"] ? null : await clientSteps(server.url, cookies.get(HEAVY.label)!, pageList.slice(0, 5).map(([page, , p]) => ({ page, path: p })), say);
  if (args["client-only"]) {
    if (client) console.log(clientMarkdown(client, clientVerdicts(client)));
    writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), machine: { ...machine, loadAverageEnd: os.loadavg() }, busyApplication: busy, client }, null, 2)}\n`);
    return;
  }
  const { measure } = await meter(server.url);
  say(`measuring ${pageList.length} pages`);
  const pages: PageResult[] = [];
  for (const [page, label, p] of pageList) {
    pages.push({ page, account: `${label} (${thousands(seeded.get(label)!.applications)})`, ...(await measure(p, cookies.get(label)!, LOAD)) });
  }
  // Agents' reads, in the same run as the pages: the API's list at 50 a page, and the MCP server's today tool.
  say("making an access token for the heavy account (npm run token:create)");
  const token = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/token-create.ts", "--user", HEAVY.email, "--scope", "read"], { env, encoding: "utf8" }).trim();
  const authorization = { authorization: `Bearer ${token}` };
  pages.push({ page: "API: applications, 50 a page", account: heavyLabel, ...(await measure("/api/v1/applications?limit=50", { headers: authorization }, LOAD)) });
  const todayCall = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "today", arguments: {} } });
  const mcpHeaders = { ...authorization, "content-type": "application/json", accept: "application/json, text/event-stream" };
  pages.push({ page: "MCP: today tool", account: heavyLabel, ...(await measure("/api/mcp", { headers: mcpHeaders, method: "POST", body: todayCall }, LOAD)) });

  // The list's pages by cursor beside its first page, at 25 rows, in the same run as the pages above.
  say("measuring the list's paging");
  const listPaging = await measureListPaging({ measure }, server.url, cookies.get(HEAVY.label)!, LOAD);

  say("measuring the dashboard's server time against the floor, and growth");
  const sizes: SizeResult[] = [];
  // Beside the running server (WAL): the floor is timed just before the
  // dashboard, so both see the same load on a shared machine. Its writes are
  // the ones the after-write timings make, from this process: the server must
  // see them through the versions in the database.
  const floorDb = new Database(dbFile);
  floorDb.pragma("busy_timeout = 5000");
  try {
    for (const a of SIZES) {
      const cookie = cookies.get(a.label)!;
      say(`  the floor for ${a.label}`);
      const floor = timeFloor(floorDb, seeded.get(a.label)!.userId, TIME_ZONE, a.applications > 10_000 ? 5 : 20);
      const shown = await dashboardSteps(server.url, cookie);
      const oneConnection = await measure("/", cookie, SERVER_TIME);
      const userId = seeded.get(a.label)!.userId;
      const runs = a.applications > 10_000 ? 5 : 11;
      say(`  the dashboard after a user-wide write, for ${a.label}`);
      const cold = await coldServerTime(userWideWrite(floorDb, userId), `${server.url}/`, cookie, runs);
      say(`  the dashboard after a write to one application, for ${a.label}`);
      const afterWrite = await coldServerTime(oneApplicationWrite(floorDb, userId), `${server.url}/`, cookie, 2 * runs + 1);
      // The cached page timed by the same loop and client, so the ratio compares like with like
      // (autocannon's whole-millisecond p50 is a different instrument).
      const cachedLoop = await coldServerTime(() => undefined, `${server.url}/`, cookie, 2 * runs + 1);
      const tenConnections: Load = a === HEAVY ? pages[0] : await measure("/", cookie, LOAD);
      sizes.push({ label: a.label, applications: a.applications, floor, dashboardSteps: shown, oneConnection, cold, afterWrite, cachedLoop, tenConnections });
    }
  } finally {
    floorDb.close();
  }

  say("CPU per request: the heavy and light dashboards, and a 404 page");
  const lightCookie = cookies.get(LIGHT[0].label)!;
  const cpu: CpuResult = {
    heavyMs: await cpuPerRequest(server.pid, `${server.url}/`, cookies.get(HEAVY.label)!, CPU_REQUESTS),
    lightMs: await cpuPerRequest(server.pid, `${server.url}/`, lightCookie, CPU_REQUESTS),
    notFoundMs: await cpuPerRequest(server.pid, `${server.url}/no-such-page`, lightCookie, CPU_REQUESTS, 404),
    requests: CPU_REQUESTS,
  };

  // As a server that has run a while: the parts its last requests computed are stored (they wait this long).
  await new Promise((r) => setTimeout(r, STORED_PARTS_WAIT_MS));
  say(`restarting the server: the first dashboard at ${thousands(HEAVY.applications)} applications`);
  const serverEnv = { ...env, NODE_ENV: "production" } as const;
  const heavyCookie = cookies.get(HEAVY.label)!;
  let restarted = await afterRestart(server, { port, env: serverEnv, logFile: path.join(dir, "server-restarted.log"), cookie: heavyCookie });
  server = restarted.server;
  const stored = restarted.timing;
  // The same with nothing stored: what a server found before the parts were kept (a first start, or after an upgrade).
  const emptied = new Database(dbFile);
  const { changes: dropped } = emptied.prepare("delete from guidance_parts").run();
  emptied.close();
  say(`restarting again with the ${thousands(dropped)} stored parts deleted`);
  restarted = await afterRestart(server, { port, env: serverEnv, logFile: path.join(dir, "server-restarted-empty.log"), cookie: heavyCookie });
  server = restarted.server;
  const restart: RestartResult = { applications: HEAVY.applications, stored, nothingStored: restarted.timing, storedParts: dropped };

  machine.loadAverageEnd = os.loadavg();
  const steps = growthSteps(sizes);
  const checks = [
    ...verdicts(sizes[1], steps),
    ...afterWriteVerdicts(sizes),
    ...serverCpuVerdicts(cpu, pages),
    restartVerdict(restart),
    listPagingVerdict(listPaging),
    ...(client ? clientVerdicts(client) : []),
  ];
  console.log(markdown(machine, pages, sizes, steps, checks, { warmUp: WARM_UP, seconds: SECONDS }, { cpu, restart }));
  console.log(`
${listPagingMarkdown(listPaging, heavyLabel)}`);
  if (client) console.log(`
${clientMarkdown(client)}`);
  const seededCounts = [...seeded.values()].map((s) => ({ label: s.label, ...s.expected }));
  writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), machine, seeded: seededCounts, busyApplication: busy, pages, listPaging, sizes, cpu, restart, growth: steps, client, targets: checks }, null, 2)}
`);
  say(`wrote ${path.relative(process.cwd(), RESULTS)}`);
}

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups) await fn();
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    say(`\n${signal}: stopping the server`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main(cleanups)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
