// A second process holds the write lock (as a backup or a script would):
// reads must keep answering meanwhile (WAL readers need no lock and the
// server's wait for the lock is an await, not a block), a save must go
// through once the lock is released within the deadline, and past it the
// user must get "busy, try again", not a 500.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { signUp } from "../client";
import { startServer } from "../app-server";
import { check, count, sleep, type Context, type ScenarioResult } from "../scenario";
import { ms, percentile } from "../verify";
import { saveApplication } from "../writes";

const HOLDER = path.join(process.cwd(), "bench", "faults", "hold-write-lock.mjs");
const BUSY_MESSAGE = "The database is busy; try again in a moment. Nothing was changed.";

/** Holds the lock for `seconds`, then commits; resolves once it holds it, with a promise of its release. */
async function holdLock(dbPath: string, seconds: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, [HOLDER, dbPath, String(seconds)], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout });
  const said = (word: string) => new Promise<void>((resolve) => lines.on("line", (line) => line === word && resolve()));
  const released = said("released");
  await said("locked");
  return { released };
}

type HoldResult = { seconds: number; reads: number; readStatuses: Set<number>; p50: number; max: number; save: string; saveMs: number };

export async function lockHeld(ctx: Context): Promise<ScenarioResult> {
  const started = performance.now();
  const holds = ctx.short ? [2, 6.5] : [3, 7];
  const dbPath = path.join(ctx.dir, "lock", "shortlist.db");
  const server = startServer({ port: await ctx.port(), dbPath, logFile: path.join(ctx.dir, "lock.log") });
  const results: HoldResult[] = [];
  try {
    await server.ready;
    const cookie = await signUp(server.url, "lock@bench.shortlist.local", "bench-password-not-secret");
    for (const seconds of holds) {
      const { released } = await holdLock(dbPath, seconds);
      let holding = true;
      void released.then(() => (holding = false));
      const times: number[] = [];
      const statuses = new Set<number>();
      const reader = (async () => {
        while (holding) {
          const t = performance.now();
          const res = await fetch(`${server.url}/`, { headers: { cookie }, redirect: "manual" });
          await res.text();
          if (holding) {
            times.push(performance.now() - t);
            statuses.add(res.status);
          }
        }
      })();
      await sleep(100);
      const t = performance.now();
      const save = await saveApplication(server.url, cookie, `lock-${seconds}`);
      const saveMs = performance.now() - t;
      await released;
      await reader;
      times.sort((a, b) => a - b);
      const outcome = save.outcome === "refused" ? (save.answer?.message === BUSY_MESSAGE ? "busy, try again" : `refused: ${save.answer?.message}`) : save.outcome;
      results.push({ seconds, reads: times.length, readStatuses: statuses, p50: percentile(times, 50), max: times.at(-1) ?? NaN, save: outcome, saveMs });
      ctx.say(`  lock held ${seconds} s: ${times.length} dashboard reads answered meanwhile, the save: ${outcome} after ${ms(saveMs)}`);
    }
  } finally {
    server.kill("SIGTERM");
    await server.exit;
  }
  const [short, long] = results;
  return {
    name: "write lock held by a second process",
    table: [
      ["lock held", "dashboard reads while held", "read p50", "read max", "read statuses", "the save", "its answer after"],
      ...results.map((r) => [`${r.seconds} s`, count(r.reads), ms(r.p50), ms(r.max), [...r.readStatuses].join(" "), r.save, ms(r.saveMs)]),
    ],
    checks: [
      check("lock: reads keep answering while it is held", results.every((r) => r.reads >= 3 && [...r.readStatuses].every((s) => s === 200)), results.map((r) => `${r.reads} reads`).join(", ")),
      check(`lock: a save waits out a ${short.seconds} s hold and is saved`, short.save === "confirmed", short.save),
      check(`lock: a save behind a ${long.seconds} s hold is told the database is busy, no 500`, long.save === "busy, try again", long.save),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
