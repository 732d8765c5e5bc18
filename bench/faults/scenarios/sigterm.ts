// SIGTERM under load: 50 keep-alive connections read the dashboard while
// writers save; the server must stop accepting, finish what is in flight,
// close the keep-alive connections, checkpoint the WAL so that the .db file
// alone holds every confirmed save, and exit 0 promptly. Then the same
// through `npm start`: a SIGTERM to npm must stop the server behind it.
import { copyFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { signUp } from "../client";
import { portOpen, startServer } from "../app-server";
import { check, count, sleep, type Context, type ScenarioResult } from "../scenario";
import { inspect, ms } from "../verify";
import { saveApplication } from "../writes";

const CONNECTIONS = 50;

async function untilClosed(port: number, deadlineMs: number): Promise<number> {
  const t = performance.now();
  while (performance.now() - t < deadlineMs) {
    if (!(await portOpen(port))) return performance.now() - t;
    await sleep(50);
  }
  return Infinity;
}

export async function sigtermUnderLoad(ctx: Context): Promise<ScenarioResult> {
  const started = performance.now();
  const dbPath = path.join(ctx.dir, "sigterm", "shortlist.db");
  const port = await ctx.port();
  const server = startServer({ port, dbPath, logFile: path.join(ctx.dir, "sigterm.log") });
  await server.ready;
  const cookie = await signUp(server.url, "sigterm@bench.shortlist.local", "bench-password-not-secret");

  const confirmed = new Set<string>();
  let writing = true;
  let writeFailures = 0;
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let n = 0; writing; n++) {
      const save = await saveApplication(server.url, cookie, `sigterm-${w}-${n}`);
      if (save.outcome === "confirmed" && save.id) confirmed.add(save.id);
      else if (save.outcome === "5xx") writeFailures++;
    }
  });
  let finished!: (result: autocannon.Result) => void;
  const loaded = new Promise<autocannon.Result>((resolve) => (finished = resolve));
  const load = autocannon({ url: `${server.url}/`, connections: CONNECTIONS, duration: 30, headers: { cookie }, timeout: 20 }, (_error, result) => finished(result));
  await sleep(3_000);
  const signalledAt = performance.now();
  server.kill("SIGTERM");
  const exit = await Promise.race([server.exit, sleep(30_000).then(() => null)]);
  const exitMs = exit ? exit.at - signalledAt : Infinity;
  const portMs = await untilClosed(port, 1_000);
  writing = false;
  await Promise.all(writers);
  load.stop();
  const result = await loaded;
  if (!exit) server.kill("SIGKILL");

  // Without its WAL, the .db file alone must hold every confirmed save.
  const wal = `${dbPath}-wal`;
  const walBytes = existsSync(wal) ? statSync(wal).size : 0;
  const alone = path.join(ctx.dir, "sigterm-copy.db");
  copyFileSync(dbPath, alone);
  const copy = inspect(alone);
  const missingFromCopy = [...confirmed].filter((id) => !copy.applicationIds.has(id)).length;
  const fiveHundreds = result["5xx"] + writeFailures;

  // The same signal, sent to the npm wrapper.
  const npmPort = await ctx.port();
  const viaNpm = startServer({ port: npmPort, dbPath, logFile: path.join(ctx.dir, "sigterm-npm.log"), via: "npm" });
  await viaNpm.ready;
  const npmSignalledAt = performance.now();
  viaNpm.kill("SIGTERM");
  const npmExit = await Promise.race([viaNpm.exit, sleep(30_000).then(() => null)]);
  const npmClosedMs = await untilClosed(npmPort, 15_000);
  const npmMs = npmClosedMs === Infinity ? Infinity : performance.now() - npmSignalledAt;

  return {
    name: `SIGTERM under load (${CONNECTIONS} keep-alive connections and 4 writers)`,
    table: [
      ["exit code", "exit after SIGTERM", "port still open after exit", "responses", "5xx", "connections refused once stopped", "saves confirmed", "missing from the .db alone", "WAL left", "npm start: server gone after"],
      [
        exit ? String(exit.code ?? exit.signal) : "still running",
        ms(exitMs),
        portMs === 0 || portMs < 1_000 ? "no" : "YES",
        count(result.requests.total),
        count(fiveHundreds),
        count(result.errors),
        count(confirmed.size),
        count(missingFromCopy),
        `${walBytes} bytes`,
        ms(npmMs),
      ],
    ],
    checks: [
      check("SIGTERM: exits 0 within the 10 s deadline and a margin", exit?.code === 0 && exitMs < 15_000, `${exit?.code ?? "no exit"} after ${ms(exitMs)}`),
      check("SIGTERM: no 5xx while stopping", fiveHundreds === 0, `${fiveHundreds} 5xx`),
      check("SIGTERM: the WAL was checkpointed into the .db file", walBytes === 0 && missingFromCopy === 0 && copy.integrity, `${walBytes} WAL bytes, ${missingFromCopy} of ${confirmed.size} missing`),
      check("SIGTERM: saves were confirmed during the run", confirmed.size > 0, `${confirmed.size}`),
      check("npm start: a SIGTERM to npm stops the server", npmExit !== null && npmMs < 15_000, ms(npmMs)),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
