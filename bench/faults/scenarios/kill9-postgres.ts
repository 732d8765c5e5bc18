// kill -9 on Postgres, as a host runs it: two servers from one build on one
// database, one user saving through both, and one of the two killed in the
// middle of it. Every save either server confirmed must be in the database,
// no round may be half there, the survivor must go on saving for the same
// user (the killed server's transactions, and the per-user advisory locks
// they held, end with its connections), and it must answer no 5xx.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import webpush from "web-push";
import { startCluster } from "../../../tests/unit/support/postgres-cluster";
import { signUp } from "../client";
import { startServer, type AppServer } from "../app-server";
import { check, count, sleep, type Context, type ScenarioResult } from "../scenario";
import { inspectPostgres } from "../verify";
import { saveApplication, saveRound } from "../writes";

const WRITERS_PER_SERVER = 2;
/** How long the survivor's writers go on after the kill. */
const AFTER_KILL_MS = 1_500;

async function noAdvisoryLocksWithin(url: string, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { advisoryLocks } = await inspectPostgres(url);
    if (advisoryLocks === 0 || Date.now() > deadline) return advisoryLocks;
    await sleep(200);
  }
}

export async function kill9Postgres(ctx: Context & { pgPort: number }): Promise<ScenarioResult> {
  const started = performance.now();
  const cycles = ctx.short ? 4 : 30;
  const stopCluster = startCluster(String(ctx.pgPort));
  const admin = `postgres://shortlist@127.0.0.1:${ctx.pgPort}/postgres`;
  const databaseUrl = `postgres://shortlist@127.0.0.1:${ctx.pgPort}/shortlist_faults`;
  const servers: (AppServer | undefined)[] = [undefined, undefined];
  try {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query("CREATE DATABASE shortlist_faults");
    await client.end();

    const vapid = webpush.generateVAPIDKeys();
    const env = {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SHORTLIST_VAPID_PUBLIC_KEY: vapid.publicKey,
      SHORTLIST_VAPID_PRIVATE_KEY: vapid.privateKey,
    };
    const ports = [await ctx.port(), await ctx.port()];
    const start = (i: number) =>
      (servers[i] = startServer({ port: ports[i], dbPath: path.join(ctx.dir, "kill9-postgres", "unused.db"), logFile: path.join(ctx.dir, `kill9-postgres-${i}.log`), env }));
    // Both at once, as after a deploy: the migration's advisory lock lets one migrate.
    await Promise.all([start(0).ready, start(1).ready]);
    const cookie = await signUp(servers[0]!.url, "kill9-postgres@bench.shortlist.local", "bench-password-not-secret");

    const confirmedApps = new Set<string>();
    const confirmedRounds = new Set<string>();
    let cutOff = 0;
    let fiveHundreds = 0;
    let lost = 0;
    let partial = 0;
    let leftLocks = 0;
    let cyclesSurvivorSaved = 0;

    for (let cycle = 1; cycle <= cycles; cycle++) {
      const victim = cycle % 2;
      const survivor = 1 - victim;
      let killedAt = Infinity;
      let savedAfterKill = 0;
      const running = [true, true];
      const writers = [0, 1].flatMap((i) =>
        Array.from({ length: WRITERS_PER_SERVER }, async (_, w) => {
          const url = servers[i]!.url;
          for (let n = 0; running[i]; n++) {
            const app = await saveApplication(url, cookie, `kill9pg-${cycle}-${i}-${w}-${n}`);
            if (app.outcome === "cut off") cutOff++;
            if (app.outcome === "5xx") fiveHundreds++;
            if (app.outcome !== "confirmed" || !app.id) continue;
            confirmedApps.add(app.id);
            if (i === survivor && performance.now() > killedAt) savedAfterKill++;
            const round = await saveRound(url, cookie, app.id);
            if (round.outcome === "cut off") cutOff++;
            if (round.outcome === "5xx") fiveHundreds++;
            if (round.outcome === "confirmed" && round.roundId) confirmedRounds.add(round.roundId);
          }
        }),
      );
      await sleep(400 + Math.random() * (ctx.short ? 800 : 2000));
      killedAt = performance.now();
      servers[victim]!.kill("SIGKILL");
      await servers[victim]!.exit;
      running[victim] = false;
      await sleep(AFTER_KILL_MS);
      running[survivor] = false;
      await Promise.all(writers);
      if (savedAfterKill > 0) cyclesSurvivorSaved++;

      const state = await inspectPostgres(databaseUrl);
      lost = [...confirmedApps].filter((id) => !state.applicationIds.has(id)).length + [...confirmedRounds].filter((id) => !state.rounds.has(id)).length;
      partial = [...state.rounds.values()].filter((r) => r.signals !== 2 || r.people !== 1).length;
      leftLocks += await noAdvisoryLocksWithin(databaseUrl, 5_000);
      ctx.say(`  kill -9 (Postgres) cycle ${cycle}/${cycles}: server ${victim} killed, ${savedAfterKill} saves on server ${survivor} after it; ${count(confirmedApps.size)} applications and ${count(confirmedRounds.size)} rounds confirmed so far, ${lost} lost`);
      await start(victim).ready;
    }

    return {
      name: `kill -9 of one of two servers on Postgres (${cycles} cycles, ${WRITERS_PER_SERVER * 2} writers, one user)`,
      table: [
        ["confirmed applications", "confirmed rounds (5 rows each)", "lost", "partial", "cycles the survivor kept saving", "advisory locks left", "5xx", "cut off by the kill"],
        [count(confirmedApps.size), count(confirmedRounds.size), count(lost), count(partial), `${cyclesSurvivorSaved} of ${cycles}`, count(leftLocks), count(fiveHundreds), count(cutOff)],
      ],
      checks: [
        check("kill -9 (Postgres): saves were confirmed", confirmedApps.size > 0 && confirmedRounds.size > 0, `${confirmedApps.size} applications, ${confirmedRounds.size} rounds`),
        check("kill -9 (Postgres): nothing confirmed was lost", lost === 0, `${lost} lost`),
        check("kill -9 (Postgres): no half-written round", partial === 0, `${partial} partial`),
        check("kill -9 (Postgres): the other server kept saving for the same user after every kill", cyclesSurvivorSaved === cycles, `${cyclesSurvivorSaved} of ${cycles} cycles`),
        check("kill -9 (Postgres): no advisory lock outlived the killed server", leftLocks === 0, `${leftLocks} left`),
        check("kill -9 (Postgres): no 5xx", fiveHundreds === 0, `${fiveHundreds} 5xx`),
      ],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const server of servers) server?.kill("SIGTERM");
    await Promise.all(servers.map((s) => s?.exit));
    stopCluster();
  }
}
