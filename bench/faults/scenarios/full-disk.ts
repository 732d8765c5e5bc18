// A full disk: the database lives on a tiny tmpfs that is then filled up
// (where this machine lets us mount one; elsewhere the browser tests' fault,
// SQLite refusing to grow, stands in). Every save must either be confirmed
// and on disk, or refused with the full-disk message and absent.
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { HEALTH_REUSE_MS } from "@/db/health";
import { signUp } from "../client";
import { startServer } from "../app-server";
import { check, count, type Context, type ScenarioResult } from "../scenario";
import { inspect } from "../verify";
import { saveApplication, type Outcome } from "../writes";

const FULL_MESSAGE = "Couldn't save: the server's disk is full. Nothing was changed.";

function tryMount(dir: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Writes zeros until the filesystem refuses: ENOSPC. */
function fill(dir: string): void {
  const fd = openSync(path.join(dir, "filler"), "w");
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
  // Then whatever single bytes still fit.
  const fd2 = openSync(path.join(dir, "filler-tail"), "w");
  try {
    for (;;) writeSync(fd2, Buffer.alloc(1));
  } catch {
    // full to the byte
  } finally {
    closeSync(fd2);
  }
}

export async function fullDisk(ctx: Context): Promise<ScenarioResult> {
  const started = performance.now();
  const saves = ctx.short ? 20 : 152;
  // ".e2e-" is what the stand-in fault insists on in its path.
  const dir = path.join(ctx.dir, ".e2e-full-disk");
  mkdirSync(dir, { recursive: true });
  const mounted = tryMount(dir);
  const dbPath = path.join(dir, "shortlist.db");
  const switchFile = path.join(ctx.dir, "full-disk-switch");
  const port = await ctx.port();
  const server = startServer({
    port,
    dbPath,
    logFile: path.join(ctx.dir, "full-disk.log"),
    ...(mounted ? {} : { nodeArgs: ["--import", "./tests/e2e/support/full-disk.mjs"], env: { SHORTLIST_FAULT_SWITCH: switchFile } }),
  });
  const outcomes: Record<Outcome, number> = { confirmed: 0, refused: 0, "5xx": 0, "cut off": 0, other: 0 };
  const confirmed = new Set<string>();
  const refusedCompanies: string[] = [];
  let fullMessages = 0;
  let healthWhileFull = "";
  let afterRoom: Outcome = "other";
  try {
    await server.ready;
    const cookie = await signUp(server.url, "full@bench.shortlist.local", "bench-password-not-secret");
    const before = await saveApplication(server.url, cookie, "full-disk-before");
    if (before.outcome !== "confirmed") throw new Error(`a save before the disk filled was ${before.outcome}`);
    if (mounted) fill(dir);
    else writeFileSync(switchFile, "");

    for (let i = 0; i < saves; i++) {
      const company = `full-disk-${i}`;
      const save = await saveApplication(server.url, cookie, company);
      outcomes[save.outcome]++;
      if (save.outcome === "confirmed" && save.id) confirmed.add(save.id);
      if (save.outcome === "refused") refusedCompanies.push(company);
      if (save.answer?.message === FULL_MESSAGE) fullMessages++;
    }
    // The answer from before the disk filled (the readiness probe's) may still be
    // the one /health shares; a fresh one is what an operator's next probe gets.
    await new Promise((resolve) => setTimeout(resolve, HEALTH_REUSE_MS + 100));
    const health = await fetch(`${server.url}/health`);
    healthWhileFull = `${health.status} ${(await health.text()).trim()}`;

    if (mounted) {
      rmSync(path.join(dir, "filler"));
      rmSync(path.join(dir, "filler-tail"), { force: true });
    } else {
      rmSync(switchFile);
    }
    afterRoom = (await saveApplication(server.url, cookie, "full-disk-after")).outcome;
  } finally {
    server.kill("SIGTERM");
    await server.exit;
  }
  const state = inspect(dbPath);
  if (mounted) execFileSync("umount", [dir]);
  const lost = [...confirmed].filter((id) => !state.applicationIds.has(id)).length;
  const phantom = refusedCompanies.filter((c) => state.companies.has(c)).length;

  return {
    name: `full disk (${mounted ? "an 8 MB tmpfs filled to the byte" : "tmpfs not mountable here: SQLite's page limit stands in"}), ${saves} saves`,
    table: [
      ["saves", "confirmed", "refused: disk full", "other answers", "5xx", "lost", "refused but saved", "integrity", "/health while full", "a save once there is room"],
      [
        count(saves),
        count(outcomes.confirmed),
        count(fullMessages),
        count(outcomes.refused - fullMessages + outcomes.other + outcomes["cut off"]),
        count(outcomes["5xx"]),
        count(lost),
        count(phantom),
        state.integrity ? "ok" : "FAILED",
        healthWhileFull,
        afterRoom,
      ],
    ],
    checks: [
      check("full disk: refusals say the disk is full", fullMessages > 0 && fullMessages === outcomes.refused, `${fullMessages} of ${outcomes.refused} refusals`),
      check("full disk: every answer is a confirmation or the message", outcomes.confirmed + fullMessages === saves, `${outcomes.confirmed} + ${fullMessages} of ${saves}`),
      check("full disk: nothing confirmed was lost", lost === 0, `${lost} lost`),
      check("full disk: nothing refused was saved", phantom === 0, `${phantom} refused but saved`),
      check("full disk: no 5xx", outcomes["5xx"] === 0, `${outcomes["5xx"]} 5xx`),
      check("full disk: /health says not ok: full", healthWhileFull === "503 not ok: full", healthWhileFull),
      check("full disk: saves work again once there is room", afterRoom === "confirmed", afterRoom),
      check("full disk: integrity_check ok", state.integrity, state.integrity ? "ok" : "failed"),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
