// npm run bench:reminders: the reminder scheduler's cost. Seeds a throwaway
// database with one 5,000-application account and 999 ten-application ones
// (the same generator as npm run bench), every account with email on, its
// digest due now (digest hour 00:00, no quiet hours, so any hour of the run
// gives the same work). Then, in one run:
// 1. one scheduler pass over the 1,000 accounts, in this process, with an email
//    channel that only counts (the scheduler's own work, not an SMTP server's),
//    and the pass after it, with nothing new;
// 2. the heavy account's dashboard p50, on the production build, with the
//    server's scheduler off and then on (sending to an SMTP server on
//    127.0.0.1, with the outbox emptied first, so its first pass over the
//    1,000 accounts runs while the dashboard is measured).
//   npm run bench:reminders [-- --build] [--port 3450] [--requests 150] [--light 999]
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/open";
import { hashPassword } from "../lib/auth/password";
import type { ReminderChannel } from "../lib/reminders/channel";
import { schedulerPass } from "../lib/reminders/pass";
import type { ReminderChannelName } from "../lib/vocabulary";
import { startSmtp } from "../tests/unit/support/smtp";
import { getText } from "./http";
import { seedAccount, type Account } from "./seed-db";
import { build, freePort, start } from "./server";
import { signIn } from "./sign-in";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    port: { type: "string", default: "3450" },
    requests: { type: "string", default: "150" },
    light: { type: "string", default: "999" },
  },
});
const PASSWORD = "bench-password-not-secret";
const HEAVY: Account = { label: "heavy", email: "heavy@bench.shortlist.local", name: "Bench heavy", applications: 5_000, seed: 20_261_125, customSettings: true };
const light = (i: number): Account => ({ label: `light-${i}`, email: `light-${i}@bench.shortlist.local`, name: `Bench light-${i}`, applications: 10, seed: 11 + i, customSettings: false });
const WARM_UP = 20;

const say = (line: string) => process.stderr.write(`${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `n` dashboard requests one at a time: each one's time, sorted. */
async function dashboardTimes(url: string, cookie: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const { status } = await getText(`${url}/`, cookie);
    if (status !== 200) throw new Error(`the dashboard answered ${status}`);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function main(cleanups: (() => Promise<void> | void)[]) {
  if (!args.build && !existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no build in .next: run with --build once");
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-reminders-bench-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const dbFile = path.join(dir, "shortlist.db");
  const env = { ...process.env, SHORTLIST_DB_PATH: dbFile, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  process.env.AUTH_SECRET = env.AUTH_SECRET;

  // Seeding.
  const { db, sqlite, close } = openDatabase(dbFile);
  const hash = await hashPassword(PASSWORD);
  const accounts = [HEAVY, ...Array.from({ length: Number(args.light) }, (_, i) => light(i + 1))];
  const now = new Date();
  for (const a of accounts) seedAccount(sqlite, a, hash, now, () => {});
  sqlite
    .prepare("insert into reminder_settings (user_id, email_on, email_carries, digest_hour, quiet_from, quiet_until, updated_at) select id, 1, 'all', 0, 0, 0, ? from users")
    .run(now.getTime());
  say(`seeded ${accounts.length} accounts`);

  // 1. One pass in this process.
  let counted = 0;
  const counting: ReminderChannel = { name: "email", send: async () => void counted++ };
  const channels = new Map<ReminderChannelName, ReminderChannel>([["email", counting]]);
  let t = performance.now();
  const first = await schedulerPass(db, { channels, clock: () => new Date() });
  const firstMs = performance.now() - t;
  t = performance.now();
  const second = await schedulerPass(db, { channels, clock: () => new Date() });
  const secondMs = performance.now() - t;
  sqlite.prepare("delete from reminder_deliveries").run();
  close();
  if (args.build) await build(env);

  // 2. The dashboard, scheduler off, then on.
  const smtp = await startSmtp();
  cleanups.unshift(() => smtp.close());
  const port = await freePort(Number(args.port));
  const requests = Number(args.requests);
  const runs: { label: string; p50: number; p90: number; mails: number; passDone: boolean }[] = [];
  for (const scheduler of ["off", "on"] as const) {
    const mailsBefore = smtp.mails.length;
    const logFile = path.join(dir, `server-${scheduler}.log`);
    const server = start(port, { ...env, SHORTLIST_SCHEDULER: scheduler, SHORTLIST_SMTP_URL: smtp.url }, logFile);
    cleanups.unshift(() => server.stop());
    await server.ready;
    const cookie = await signIn(server.url, HEAVY.email, PASSWORD, HEAVY.name);
    await dashboardTimes(server.url, cookie, WARM_UP);
    const times = await dashboardTimes(server.url, cookie, requests);
    const passDone = readFileSync(logFile, "utf8").includes("first pass done");
    runs.push({ label: `scheduler ${scheduler}`, p50: percentile(times, 50), p90: percentile(times, 90), mails: smtp.mails.length - mailsBefore, passDone });
    await server.stop();
  }

  const lines = [
    `Reminders bench (${os.cpus().length} cores, load ${os.loadavg().map((n) => n.toFixed(2)).join(" ")})`,
    `accounts: 1 with 5,000 applications, ${accounts.length - 1} with 10; every digest due`,
    `scheduler pass over ${first.users} accounts: ${firstMs.toFixed(0)} ms (${first.recorded} deliveries recorded, ${first.sent} sent to a counting channel, ${counted} counted)`,
    `the pass after it (nothing new): ${secondMs.toFixed(0)} ms (${second.recorded} recorded, ${second.sent} sent)`,
    `heavy account's dashboard, ${requests} requests one at a time after ${WARM_UP} to warm up:`,
    ...runs.map((r) => `  ${r.label}: p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms; ${r.mails} emails received meanwhile${r.label.endsWith("on") ? `, first pass ${r.passDone ? "finished" : "still running"} by the end` : ""}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

const cleanups: (() => Promise<void> | void)[] = [];
const cleanUp = async () => {
  for (const c of cleanups.splice(0)) await c();
};
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
main(cleanups)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void cleanUp());
