// npm run bench: seeds a throwaway database, builds and starts the app on
// 127.0.0.1, signs in, and measures the pages with autocannon against the
// floor of what the dashboard must do; then, in Chromium, each page's
// first-load JS and its Lighthouse scores. Prints a markdown table and writes
// bench/results.json.
//   npm run bench [-- --no-build] [--port 3116] [--seconds 10] [--warm-up 3] [--keep]
//                 [--no-client]    skip the browser steps (first-load JS, Lighthouse)
//                 [--client-only]  seed the heavy account alone and run only the browser steps
//                 [--list-only]    seed the heavy account alone and measure only the list's paging
//                 [--engine postgres] [--pg-port 55432]
//                      measure SQLite, then the same on a throwaway PostgreSQL cluster (DATABASE_URL), on the
//                      one build: both engines' tables, then Postgres against SQLite (and its statements per request)
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/open";
import { openPostgres } from "../db/postgres/open";
import { hashPassword } from "../lib/auth/password";
import { coldServerTime, oneApplicationWrite, userWideWrite } from "./cold";
import { cpuPerRequest } from "./cpu";
import { afterRestart } from "./restart";
import { clientSteps } from "./client";
import { createDatabase, postgresBenchDb, sqliteBenchDb, startCluster, type BenchDb, type EngineName } from "./engine";
import { timeFloor } from "./floor";
import { getText } from "./http";
import { listPagingMarkdown, listPagingVerdict, measureListPaging } from "./list-paging";
import { meter, type Load } from "./load";
import {
  afterWriteVerdicts,
  clientMarkdown,
  clientVerdicts,
  growthSteps,
  restartVerdict,
  serverCpuVerdicts,
  verdicts,
  type CpuResult,
  type Machine,
  type PageResult,
  type RestartResult,
  type SizeResult,
} from "./report";
import { busiestApplication, countRows, seedAccount, seedAccountPostgres, type Account, type SeededAccount } from "./seed-db";
import { build, freePort, start } from "./server";
import { signIn } from "./sign-in";
import { countStatements, enableStatementCounts, type StatementCount } from "./statements";
import { engineComparison, engineMarkdown, type EnginePass } from "./engines";
import { headToHead, type LiveEngine } from "./head-to-head";

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
    engine: { type: "string", default: "sqlite" },
    "pg-port": { type: "string", default: "55432" },
  },
});
if (args.engine !== "sqlite" && args.engine !== "postgres") throw new Error(`--engine is sqlite or postgres, not ${args.engine}`);
/** On Postgres, SQLite is measured first in the same run: the ratios compare two passes on one machine, one build. */
const ENGINES: EngineName[] = args.engine === "postgres" ? ["sqlite", "postgres"] : ["sqlite"];
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

/** Where one pass's data lives: the SQLite file, or a database on the throwaway cluster. */
type Target = { engine: "sqlite"; dbFile: string } | { engine: "postgres"; url: string };

async function seed(target: Target): Promise<{ seeded: Map<string, SeededAccount>; busy: string }> {
  // One real scrypt hash for every account: each costs ~0.5 s and 128 MiB, and sign-in checks it the same way.
  const hash = await hashPassword(PASSWORD);
  const seeded = new Map<string, SeededAccount>();
  const now = new Date();
  const progress = (a: Account) => (done: number) => say(`seeding ${a.label}: ${thousands(done)}/${thousands(a.applications)} applications`);
  let db: BenchDb;
  if (target.engine === "sqlite") {
    const { sqlite, close } = openDatabase(target.dbFile); // the app's own migrations
    for (const a of ACCOUNTS) seeded.set(a.label, seedAccount(sqlite, a, hash, now, progress(a)));
    close();
    db = sqliteBenchDb(target.dbFile);
  } else {
    await (await openPostgres(target.url)).close(); // the app's own migrations, as a server runs them
    const pgDb = await postgresBenchDb(target.url);
    for (const a of ACCOUNTS) seeded.set(a.label, await seedAccountPostgres(pgDb.client, a, hash, now, progress(a)));
    // SQLite's open gathers statistics (refreshQueryStatistics); here autovacuum would, some time later.
    await pgDb.run("analyze");
    db = pgDb;
  }
  try {
    for (const s of seeded.values()) {
      const actual = await countRows(db, s.userId);
      for (const [table, n] of Object.entries(s.expected)) {
        if (actual[table as keyof typeof actual] !== n) throw new Error(`${s.label}: ${table} holds ${actual[table as keyof typeof actual]} rows, ${n} were written`);
      }
      say(`  ${s.label} holds ${Object.entries(actual).map(([t, n]) => `${thousands(n)} ${t}`).join(", ")}`);
    }
    return { seeded, busy: await busiestApplication(db, seeded.get(HEAVY.label)!.userId) };
  } finally {
    await db.close();
  }
}

/** The queue length the dashboard shows, to check the floor computes the same queue; null if the page has no count. */
async function dashboardSteps(baseUrl: string, cookie: string): Promise<number | null> {
  const html = (await getText(`${baseUrl}/`, cookie)).body;
  const match = /data-testid="queue-count"[^>]*>\s*(\d+)/.exec(html);
  return match ? Number(match[1]) : null;
}

async function main(cleanups: (() => Promise<void> | void)[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-"));
  // Kept after a failure: the server log in it says what went wrong.
  cleanups.push(() => {
    if (args.keep || process.exitCode) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  // The API's per-token rate would otherwise refuse most of the load test's requests.
  const env = { ...process.env, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", SHORTLIST_TOKEN_RATE_LIMIT: "100000000" };
  const passes: { pass: EnginePass; live: LiveEngine }[] = [];
  for (const engine of ENGINES) {
    const measured = await measureEngine(engine, dir, env, cleanups, passes.length === 0);
    if (measured) passes.push(measured);
  }
  if (passes.length < 2) return;
  const [{ pass: sqlite, live: sqliteLive }, { pass: postgres, live: postgresLive }] = passes;
  console.log(`\n## PostgreSQL\n\n${engineMarkdown(postgres, { warmUp: WARM_UP, seconds: SECONDS })}`);
  say("both servers at once: the heavy dashboard on each in turn, cached and after a write to one application");
  const turns = await headToHead(sqliteLive, postgresLive, say);
  await Promise.all([sqliteLive.server.stop(), postgresLive.server.stop()]);
  const comparison = engineComparison(sqlite, postgres, turns);
  console.log(`\n${comparison.markdown}`);
  const json = (p: EnginePass) => ({ machine: p.machine, pages: p.pages, listPaging: p.listPaging, sizes: p.sizes, cpu: p.cpu, restart: p.restart, growth: p.steps, client: p.client, targets: p.checks, statements: p.statements });
  writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), sqlite: json(sqlite), postgres: json(postgres), headToHead: turns, comparison: comparison.rows, targets: comparison.checks }, null, 2)}\n`);
  say(`wrote ${path.relative(process.cwd(), RESULTS)}`);
}

/**
 * One engine's pass: seed, start the server on it, measure, stop. With one
 * engine it prints and writes results.json as it always has, and returns
 * nothing; with two it returns its figures, and prints SQLite's at once.
 */
async function measureEngine(
  engine: EngineName,
  dir: string,
  baseEnv: NodeJS.ProcessEnv,
  cleanups: (() => Promise<void> | void)[],
  first: boolean,
): Promise<{ pass: EnginePass; live: LiveEngine } | undefined> {
  const alone = ENGINES.length === 1;
  /** With two engines the server is left running for the head-to-head timings, which stop it. */
  let leaveRunning = false;
  const machine: Machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown CPU",
    loadAverageStart: os.loadavg(),
    loadAverageEnd: [],
    commit: commit(),
  };
  const suffix = engine === "sqlite" ? "" : `-${engine}`;
  let target: Target;
  let env: NodeJS.ProcessEnv;
  if (engine === "sqlite") {
    const dbFile = path.join(dir, "shortlist.db");
    say(`throwaway database: ${dbFile}`);
    target = { engine, dbFile };
    env = { ...baseEnv, SHORTLIST_DB_PATH: dbFile };
  } else {
    say(`\n=== PostgreSQL: a throwaway cluster on 127.0.0.1:${args["pg-port"]}`);
    const cluster = startCluster(Number(args["pg-port"]));
    cleanups.unshift(() => cluster.stop());
    const url = await createDatabase(cluster, "shortlist_bench");
    say(`throwaway database: ${url} (cluster in ${cluster.dir})`);
    target = { engine, url };
    // The SQLite path is set too, to a file that must stay absent: a server that fell back to it would show.
    env = { ...baseEnv, DATABASE_URL: url, SHORTLIST_DB_PATH: path.join(dir, "must-not-exist.db") };
  }
  const benchDb = (): Promise<BenchDb> => (target.engine === "sqlite" ? Promise.resolve(sqliteBenchDb(target.dbFile)) : postgresBenchDb(target.url));

  const { seeded, busy } = await seed(target);
  if (!first || args["no-build"]) {
    if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("--no-build, but there is no build in .next: run without it once");
    say(first ? "reusing the build in .next (--no-build)" : "the same build in .next");
  } else {
    say("building: next build (about a minute; --no-build reuses the last one)");
    await build({ ...env, NODE_ENV: "production" });
  }

  const port = await freePort(Number(args.port));
  say(`starting the server on 127.0.0.1:${port} (log: ${path.join(dir, `server${suffix}.log`)})`);
  let server = start(port, { ...env, NODE_ENV: "production" }, path.join(dir, `server${suffix}.log`));
  cleanups.unshift(() => server.stop());
  try {
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
      if (!alone) console.log(`\n## ${engine}\n`);
      console.log(`Load average (1/5/15 min) at start ${machine.loadAverageStart.map((x) => x.toFixed(2)).join(" / ")}, at end ${machine.loadAverageEnd.map((x) => x.toFixed(2)).join(" / ")}\n`);
      console.log(listPagingMarkdown(paging, heavyLabel));
      if (alone) writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), machine, listPaging: paging, targets: [listPagingVerdict(paging)] }, null, 2)}\n`);
      return undefined;
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
      if (!alone) console.log(`\n## ${engine}\n`);
      if (client) console.log(clientMarkdown(client, clientVerdicts(client)));
      if (alone) writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), machine: { ...machine, loadAverageEnd: os.loadavg() }, busyApplication: busy, client }, null, 2)}\n`);
      return undefined;
    }
    const { measure } = await meter(server.url);
    say(`measuring ${pageList.length} pages`);
    const pages: PageResult[] = [];
    for (const [page, label, p] of pageList) {
      pages.push({ page, account: `${label} (${thousands(seeded.get(label)!.applications)})`, ...(await measure(p, cookies.get(label)!, LOAD)) });
    }
    // Agents' reads, in the same run as the pages: the API's list at 50 a page, and the MCP server's today tool.
    say("making an access token for the heavy account (npm run token:create)");
    const token =
      engine === "sqlite"
        ? execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/token-create.ts", "--user", HEAVY.email, "--scope", "read"], { env, encoding: "utf8" }).trim()
        : execFileSync("npx", ["tsx", "--conditions=react-server", "bench/token.ts", HEAVY.email], { env, encoding: "utf8" }).trim();
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
    let statements: StatementCount[] = [];
    // Beside the running server (WAL on SQLite): the floor is timed just before the
    // dashboard, so both see the same load on a shared machine. Its writes are
    // the ones the after-write timings make, from this process: the server must
    // see them through the versions in the database.
    const floorDb = await benchDb();
    try {
      for (const a of SIZES) {
        const cookie = cookies.get(a.label)!;
        say(`  the floor for ${a.label}`);
        const floor = await timeFloor(floorDb, seeded.get(a.label)!.userId, TIME_ZONE, a.applications > 10_000 ? 5 : 20);
        const shown = await dashboardSteps(server.url, cookie);
        const oneConnection = await measure("/", cookie, SERVER_TIME);
        const userId = seeded.get(a.label)!.userId;
        const runs = a.applications > 10_000 ? 5 : 11;
        say(`  the dashboard after a user-wide write, for ${a.label}`);
        const cold = await coldServerTime(userWideWrite(floorDb, userId), `${server.url}/`, cookie, runs);
        say(`  the dashboard after a write to one application, for ${a.label}`);
        const afterWrite = await coldServerTime(await oneApplicationWrite(floorDb, userId), `${server.url}/`, cookie, 2 * runs + 1);
        // The cached page timed by the same loop and client, so the ratio compares like with like
        // (autocannon's whole-millisecond p50 is a different instrument).
        const cachedLoop = await coldServerTime(() => undefined, `${server.url}/`, cookie, 2 * runs + 1);
        const tenConnections: Load = a === HEAVY ? pages[0] : await measure("/", cookie, LOAD);
        sizes.push({ label: a.label, applications: a.applications, floor, dashboardSteps: shown, oneConnection, cold, afterWrite, cachedLoop, tenConnections });
      }
      if (engine === "postgres") {
        say("counting the statements per dashboard request (pg_stat_statements)");
        await enableStatementCounts(floorDb);
        const heavyId = seeded.get(HEAVY.label)!.userId;
        const heavyCookie = cookies.get(HEAVY.label)!;
        statements = [
          await countStatements(floorDb, `cached, ${heavyLabel}`, `${server.url}/`, heavyCookie, () => undefined, 20),
          await countStatements(floorDb, `after a write to one application, ${heavyLabel}`, `${server.url}/`, heavyCookie, await oneApplicationWrite(floorDb, heavyId), 20),
          await countStatements(floorDb, `after a user-wide write, ${heavyLabel}`, `${server.url}/`, heavyCookie, userWideWrite(floorDb, heavyId), 5),
          await countStatements(floorDb, `cached, ${LIGHT[0].label}`, `${server.url}/`, cookies.get(LIGHT[0].label)!, () => undefined, 20),
        ];
      }
    } finally {
      await floorDb.close();
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
    let restarted = await afterRestart(server, { port, env: serverEnv, logFile: path.join(dir, `server${suffix}-restarted.log`), cookie: heavyCookie });
    server = restarted.server;
    const stored = restarted.timing;
    // The same with nothing stored: what a server found before the parts were kept (a first start, or after an upgrade).
    const emptied = await benchDb();
    const dropped = await emptied.run("delete from guidance_parts");
    await emptied.close();
    say(`restarting again with the ${thousands(dropped)} stored parts deleted`);
    restarted = await afterRestart(server, { port, env: serverEnv, logFile: path.join(dir, `server${suffix}-restarted-empty.log`), cookie: heavyCookie });
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
    const pass: EnginePass = { engine, machine, pages, listPaging, heavyLabel, sizes, steps, cpu, restart, checks, client, statements };
    if (engine === "sqlite") console.log(`${alone ? "" : "## SQLite\n\n"}${engineMarkdown(pass, { warmUp: WARM_UP, seconds: SECONDS })}`);
    if (alone) {
      const seededCounts = [...seeded.values()].map((s) => ({ label: s.label, ...s.expected }));
      writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), machine, seeded: seededCounts, busyApplication: busy, pages, listPaging, sizes, cpu, restart, growth: steps, client, targets: checks }, null, 2)}\n`);
      say(`wrote ${path.relative(process.cwd(), RESULTS)}`);
    }
    leaveRunning = !alone;
    return { pass, live: { server, cookie: heavyCookie, userId: seeded.get(HEAVY.label)!.userId, openDb: benchDb } };
  } finally {
    if (!leaveRunning) await server.stop();
  }
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
