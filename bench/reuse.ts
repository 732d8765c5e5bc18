// npm run bench:reuse: the dashboard's reused render (app/(app)/_reuse) against
// rendering it every time, on one database, in one run. Two servers of the
// last build run side by side, one with SHORTLIST_RENDER_REUSE=off, and are
// measured in alternating rounds (so a shared machine's load falls on both
// alike): the server's CPU per request, read from /proc, for the heavy
// (5,000-application) and light (10) dashboards and a 404 page.
//   npm run bench:reuse [-- --build] [--port 3460] [--requests 100] [--rounds 3] [--keep]
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/open";
import { hashPassword } from "../lib/auth/password";
import { cpuPerRequest } from "./cpu";
import { seedAccount, type Account } from "./seed-db";
import { build, freePort, start, type Server } from "./server";
import { signIn } from "./sign-in";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    port: { type: "string", default: "3460" },
    requests: { type: "string", default: "100" },
    rounds: { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
  },
});
const PASSWORD = "bench-password-not-secret";
// The same accounts as npm run bench, so the figures compare.
const LIGHT: Account = { label: "light-1", email: "light-1@bench.shortlist.local", name: "Bench light-1", applications: 10, seed: 11, customSettings: false };
const HEAVY: Account = { label: "heavy", email: "heavy@bench.shortlist.local", name: "Bench heavy", applications: 5_000, seed: 20_261_125, customSettings: true };

const say = (line: string) => process.stderr.write(`${line}\n`);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

type Sums = { heavy: number; light: number; notFound: number };

async function main(cleanups: (() => Promise<void> | void)[]) {
  if (!args.build && !existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no build in .next: run with --build once");
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-reuse-"));
  cleanups.push(() => {
    if (args.keep || process.exitCode) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  const dbFile = path.join(dir, "shortlist.db");
  const env = { ...process.env, SHORTLIST_DB_PATH: dbFile, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  const { sqlite, close } = openDatabase(dbFile);
  const hash = await hashPassword(PASSWORD);
  for (const a of [LIGHT, HEAVY]) seedAccount(sqlite, a, hash, new Date(), (done) => say(`seeding ${a.label}: ${done}`));
  close();
  if (args.build) await build(env);

  const requests = Number(args.requests);
  const rounds = Number(args.rounds);
  const loadStart = load();
  const first = await freePort(Number(args.port));
  const servers: { name: string; server: Server; cookies: Map<string, string>; sums: Sums }[] = [];
  for (const [i, name] of ["reused", "rendered every time"].entries()) {
    const port = await freePort(first + 2 * i);
    const server = start(port, { ...env, ...(i === 1 ? { SHORTLIST_RENDER_REUSE: "off" } : {}) }, path.join(dir, `server-${i}.log`));
    cleanups.unshift(() => server.stop());
    await server.ready;
    const cookies = new Map<string, string>();
    for (const a of [LIGHT, HEAVY]) cookies.set(a.label, await signIn(server.url, a.email, PASSWORD, a.name));
    servers.push({ name, server, cookies, sums: { heavy: 0, light: 0, notFound: 0 } });
  }
  for (let r = 0; r < rounds; r++) {
    say(`round ${r + 1} of ${rounds} (load ${load()})`);
    for (const s of servers) {
      const { pid, url } = s.server;
      s.sums.heavy += (await cpuPerRequest(pid, `${url}/`, s.cookies.get(HEAVY.label)!, requests)) ?? NaN;
      s.sums.light += (await cpuPerRequest(pid, `${url}/`, s.cookies.get(LIGHT.label)!, requests)) ?? NaN;
      s.sums.notFound += (await cpuPerRequest(pid, `${url}/no-such-page`, s.cookies.get(LIGHT.label)!, requests, 404)) ?? NaN;
    }
  }
  const ms = (n: number) => (n / rounds).toFixed(1);
  console.log(`## Reused dashboard renders (load average ${loadStart} at the start, ${load()} at the end; ${os.cpus().length} cores; ${rounds} rounds of ${requests} requests each)\n`);
  console.log("| server | heavy dashboard (ms CPU/request) | light dashboard | 404 page | heavy / light | light / 404 |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const { name, sums } of servers) {
    console.log(`| ${name} | ${ms(sums.heavy)} | ${ms(sums.light)} | ${ms(sums.notFound)} | ${(sums.heavy / sums.light).toFixed(2)}× | ${(sums.light / sums.notFound).toFixed(2)}× |`);
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
main(cleanups)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const fn of cleanups) await fn();
  });
