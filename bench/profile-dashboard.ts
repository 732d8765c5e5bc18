// npm run bench:profile: where a dashboard request's time goes, for the
// 10-application and the 5,000-application account (the cached path). Seeds
// a throwaway database, starts the production build twice: once to measure
// (HTML and RSC bytes, server time at one connection, req/s and p99 at ten,
// and the server's CPU time per request, read from /proc, which a busy
// machine does not inflate as it does latency), once under `node --cpu-prof`
// to split that time by the source file it was spent in (read through the
// build's source maps).
//   npm run bench:profile [-- --build] [--port 3450] [--seconds 6] [--requests 300] [--keep]
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/open";
import { hashPassword } from "../lib/auth/password";
import { getText } from "./http";
import { meter } from "./load";
import { cpuPerRequest } from "./cpu";
import { attribute, type CpuProfile } from "./profile-attribution";
import { seedAccount, type Account } from "./seed-db";
import { build, freePort, start } from "./server";
import { signIn } from "./sign-in";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    port: { type: "string", default: "3450" },
    seconds: { type: "string", default: "6" },
    requests: { type: "string", default: "300" },
    keep: { type: "boolean", default: false },
  },
});
const PASSWORD = "bench-password-not-secret";
// The same accounts as npm run bench, so the figures compare.
const ACCOUNTS: Account[] = [
  { label: "light-1", email: "light-1@bench.shortlist.local", name: "Bench light-1", applications: 10, seed: 11, customSettings: false },
  { label: "heavy", email: "heavy@bench.shortlist.local", name: "Bench heavy", applications: 5_000, seed: 20_261_125, customSettings: true },
];
/** Idle time between the profiled phases: the gaps that split the profile into them. */
const GAP_MS = 1_500;

const say = (line: string) => process.stderr.write(`${line}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (n: number) => n.toFixed(1);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

/** The RSC payload Next inlines into the HTML for hydration: the strings pushed to self.__next_f. */
function inlinePayloadBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)) bytes += Buffer.byteLength(m[1]);
  return bytes;
}

/** The dashboard's bytes; its HTML is kept beside the database, to read with --keep. */
async function page(baseUrl: string, cookie: string, saveAs: string) {
  const { status, body } = await getText(`${baseUrl}/`, cookie);
  if (status !== 200) throw new Error(`the dashboard answered ${status}`);
  writeFileSync(saveAs, body);
  const html = Buffer.byteLength(body);
  const payload = inlinePayloadBytes(body);
  return { html, payload, markup: html - payload, elements: (body.match(/<[a-z]/g) ?? []).length };
}

async function sequential(baseUrl: string, cookie: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await getText(`${baseUrl}/`, cookie);
}

async function main(cleanups: (() => Promise<void> | void)[]) {
  if (!args.build && !existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no build in .next: run with --build once");
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-profile-"));
  cleanups.push(() => {
    if (args.keep || process.exitCode) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  const dbFile = path.join(dir, "shortlist.db");
  const env = { ...process.env, SHORTLIST_DB_PATH: dbFile, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };

  const { sqlite, close } = openDatabase(dbFile);
  const hash = await hashPassword(PASSWORD);
  for (const a of ACCOUNTS) seedAccount(sqlite, a, hash, new Date(), (done) => say(`seeding ${a.label}: ${done}`));
  close();
  if (args.build) await build(env);

  const port = await freePort(Number(args.port));
  const seconds = Number(args.seconds);
  const requests = Number(args.requests);
  const loadStart = load();

  // 1. Bytes and speed, without a profiler slowing the server down.
  say(`measuring on 127.0.0.1:${port}`);
  let server = start(port, env, path.join(dir, "server.log"));
  cleanups.unshift(() => server.stop());
  await server.ready;
  const cookies = new Map<string, string>();
  for (const a of ACCOUNTS) cookies.set(a.label, await signIn(server.url, a.email, PASSWORD, a.name));
  const { measure } = await meter(server.url);
  const measured = [];
  for (const a of ACCOUNTS) {
    const cookie = cookies.get(a.label)!;
    const bytes = await page(server.url, cookie, path.join(dir, `dashboard-${a.label}.html`));
    const one = await measure("/", cookie, { connections: 1, seconds: Math.max(2, seconds / 2), warmUpSeconds: 2 });
    const ten = await measure("/", cookie, { connections: 10, seconds, warmUpSeconds: 2 });
    const cpu = await cpuPerRequest(server.pid, `${server.url}/`, cookie, requests);
    measured.push({ a, bytes, one, ten, cpu });
  }
  await server.stop();

  // 2. Where the CPU time goes: warm up, then each account's requests alone, between idle gaps.
  const profileDir = path.join(dir, "cpu");
  say("profiling (node --cpu-prof)");
  server = start(port, env, path.join(dir, "server-profiled.log"), undefined, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
  await server.ready;
  for (const a of ACCOUNTS) await sequential(server.url, cookies.get(a.label)!, 30);
  for (const a of ACCOUNTS) {
    await new Promise((r) => setTimeout(r, GAP_MS));
    await sequential(server.url, cookies.get(a.label)!, requests);
  }
  await new Promise((r) => setTimeout(r, GAP_MS));
  await server.stop();
  const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no CPU profile was written in ${profileDir}`);
  const profile = JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
  const phases = attribute(profile, { gapMs: GAP_MS * 0.8, phases: ACCOUNTS.length, buildDir: path.resolve(".next") });

  console.log(`## Dashboard profile (load average ${loadStart} at the start, ${load()} at the end; ${os.cpus().length} cores)\n`);
  console.log("| account | HTML | of it inline RSC payload | markup | elements | server CPU per request (ms) | p50 at 1 conn (ms) | req/s at 10 | p50 at 10 (ms) | p99 at 10 (ms) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const { a, bytes, one, ten, cpu } of measured) {
    const cells = [kb(bytes.html), kb(bytes.payload), kb(bytes.markup), bytes.elements, cpu === null ? "n/a" : ms(cpu), ms(one.p50Ms), ten.requestsPerSecond.toFixed(1), ms(ten.p50Ms), ms(ten.p99Ms)];
    console.log(`| ${a.label} (${a.applications}) | ${cells.join(" | ")} |`);
  }
  ACCOUNTS.forEach((a, i) => {
    const phase = phases[i];
    if (!phase) return;
    console.log(`\n### ${a.label}: CPU per request, by where it was spent (${requests} requests, one at a time)\n`);
    console.log(`${ms(phase.totalMs / requests)} ms of CPU per request (${ms(phase.idleMs / requests)} ms idle between them).\n`);
    console.log("| inclusive: under | ms per request | share |\n| --- | --- | --- |");
    for (const [name, t] of phase.inclusive) console.log(`| ${name} | ${ms(t / requests)} | ${((100 * t) / phase.totalMs).toFixed(0)}% |`);
    console.log("\n| self: in | ms per request | share |\n| --- | --- | --- |");
    for (const [name, t] of phase.self.slice(0, 15)) console.log(`| ${name} | ${ms(t / requests)} | ${((100 * t) / phase.totalMs).toFixed(0)}% |`);
  });
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
