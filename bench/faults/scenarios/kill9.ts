// kill -9 while users save: every save the server confirmed must be on disk
// after the restart, no multi-row save may be half there, and SQLite's
// integrity check must pass.
import path from "node:path";
import { signUp } from "../client";
import { startServer, type AppServer } from "../app-server";
import { check, count, sleep, type Context, type ScenarioResult } from "../scenario";
import { inspect } from "../verify";
import { saveApplication, saveRound } from "../writes";

const WRITERS = 4;

export async function kill9(ctx: Context): Promise<ScenarioResult> {
  const started = performance.now();
  const cycles = ctx.short ? 3 : 40;
  const dbPath = path.join(ctx.dir, "kill9", "shortlist.db");
  const logFile = path.join(ctx.dir, "kill9.log");
  const port = await ctx.port();
  const confirmedApps = new Set<string>();
  const confirmedRounds = new Set<string>();
  let cutOff = 0;
  let fiveHundreds = 0;
  let lost = 0;
  let partial = 0;
  let integrityFailures = 0;
  let cookie = "";

  for (let cycle = 1; cycle <= cycles; cycle++) {
    const server: AppServer = startServer({ port, dbPath, logFile });
    await server.ready;
    if (!cookie) cookie = await signUp(server.url, "kill9@bench.shortlist.local", "bench-password-not-secret");
    let running = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = 0; running; n++) {
        const app = await saveApplication(server.url, cookie, `kill9-${cycle}-${w}-${n}`);
        if (app.outcome === "cut off") cutOff++;
        if (app.outcome === "5xx") fiveHundreds++;
        if (app.outcome !== "confirmed" || !app.id) continue;
        confirmedApps.add(app.id);
        const round = await saveRound(server.url, cookie, app.id);
        if (round.outcome === "cut off") cutOff++;
        if (round.outcome === "5xx") fiveHundreds++;
        if (round.outcome === "confirmed" && round.roundId) confirmedRounds.add(round.roundId);
      }
    });
    await sleep(400 + Math.random() * (ctx.short ? 800 : 2000));
    server.kill("SIGKILL");
    await server.exit;
    running = false;
    await Promise.all(writers);

    const state = inspect(dbPath);
    if (!state.integrity) integrityFailures++;
    lost = [...confirmedApps].filter((id) => !state.applicationIds.has(id)).length + [...confirmedRounds].filter((id) => !state.rounds.has(id)).length;
    partial = [...state.rounds.values()].filter((r) => r.signals !== 2 || r.people !== 1).length;
    ctx.say(`  kill -9 cycle ${cycle}/${cycles}: ${count(confirmedApps.size)} applications and ${count(confirmedRounds.size)} rounds confirmed so far, ${lost} lost`);
  }

  return {
    name: `kill -9 during saves (${cycles} cycles, ${WRITERS} writers)`,
    table: [
      ["confirmed applications", "confirmed rounds (5 rows each)", "lost", "partial", "integrity failures", "5xx", "cut off by the kill"],
      [count(confirmedApps.size), count(confirmedRounds.size), count(lost), count(partial), count(integrityFailures), count(fiveHundreds), count(cutOff)],
    ],
    checks: [
      check("kill -9: saves were confirmed", confirmedApps.size > 0 && confirmedRounds.size > 0, `${confirmedApps.size} applications, ${confirmedRounds.size} rounds`),
      check("kill -9: nothing confirmed was lost", lost === 0, `${lost} lost`),
      check("kill -9: no half-written round", partial === 0, `${partial} partial`),
      check("kill -9: integrity_check ok after every cycle", integrityFailures === 0, `${integrityFailures} failures`),
      check("kill -9: no 5xx", fiveHundreds === 0, `${fiveHundreds} 5xx`),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
