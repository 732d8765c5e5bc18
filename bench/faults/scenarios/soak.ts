// Memory under a long load: 50 connections for ten minutes across several
// heavy accounts (and light ones), with saves that keep invalidating the
// cached next-step queues. The server's resident memory is read every 30 s;
// it must level off, not grow with the number of requests. The short run
// (`--short`, for CI) is 20 s on four small accounts, sampled every 4 s: it
// reports RSS and checks for 5xx, but is too short to judge a level.
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../../../db/open";
import { hashPassword } from "../../../lib/auth/password";
import { seedAccount, type Account } from "../../seed-db";
import { signIn } from "../../sign-in";
import { startServer } from "../app-server";
import { logLines } from "../log-lines";
import { check, count, sleep, type Context, type ScenarioResult } from "../scenario";
import { saveApplication } from "../writes";

const CONNECTIONS = 50;
/** Runs shorter than this only report memory: caches are still filling. */
const JUDGED_FROM_MINUTES = 3;
const PASSWORD = "bench-password-not-secret";
const PAGES = ["/", "/applications", "/board", "/analytics"];

const account = (label: string, applications: number, seed: number): Account => ({
  label,
  email: `${label}@soak.shortlist.local`,
  name: `Soak ${label}`,
  applications,
  seed,
  customSettings: false,
});

/** The process's resident set, in MB, from /proc. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return line ? Math.round(Number(line.replace(/\D+/g, " ").trim()) / 1024) : NaN;
}

/** `heapMb` caps V8's old space (--max-old-space-size), as an operator would on a small server. */
export async function soak(ctx: Context, minutes: number, heapMb?: number): Promise<ScenarioResult> {
  const started = performance.now();
  const sampleEveryMs = minutes >= JUDGED_FROM_MINUTES ? 30_000 : 4_000;
  const judged = minutes >= JUDGED_FROM_MINUTES;
  // The short run keeps its set-up small: each account costs a password hash to sign in.
  const heavy = [1, 2, 3, 4].slice(0, judged ? 4 : 2).map((i) => account(`heavy-${i}`, judged ? 3_000 : 200, 1_000 + i));
  const light = [1, 2, 3, 4, 5, 6].slice(0, judged ? 6 : 2).map((i) => account(`light-${i}`, 15, 2_000 + i));
  const dbPath = path.join(ctx.dir, "soak", "shortlist.db");
  const { sqlite, close } = openDatabase(dbPath);
  const hash = await hashPassword(PASSWORD);
  for (const a of [...heavy, ...light]) seedAccount(sqlite, a, hash, new Date(), () => undefined);
  close();
  ctx.say(`  soak: seeded ${heavy.length} accounts of ${count(heavy[0].applications)} applications and ${light.length} light ones`);

  const logFile = path.join(ctx.dir, "soak.log");
  const server = startServer({ port: await ctx.port(), dbPath, logFile, nodeArgs: heapMb ? [`--max-old-space-size=${heapMb}`] : [] });
  const samples: { minute: number; rssMb: number }[] = [];
  let requests = 0;
  let fiveHundreds = 0;
  let saves = 0;
  try {
    await server.ready;
    const cookies = new Map<string, string>();
    for (const a of [...heavy, ...light]) cookies.set(a.label, await signIn(server.url, a.email, PASSWORD, a.name));
    const requestsList = [...cookies.values()].flatMap((cookie) => PAGES.map((p) => ({ method: "GET" as const, path: p, headers: { cookie } })));
    const loadStarted = performance.now();
    samples.push({ minute: 0, rssMb: rssMb(server.pid) });
    const load = autocannon({ url: server.url, connections: CONNECTIONS, duration: minutes * 60, requests: requestsList, timeout: 60 });
    let loading = true;
    // A save on every heavy account every few seconds: each one makes that account's queue be computed afresh.
    const writer = (async () => {
      for (let n = 0; loading; n++) {
        for (const a of heavy) {
          if (!loading) break;
          if ((await saveApplication(server.url, cookies.get(a.label)!, `soak-${a.label}-${n}`)).outcome === "confirmed") saves++;
        }
        await sleep(3_000);
      }
    })();
    const sampler = (async () => {
      while (loading) {
        await sleep(sampleEveryMs);
        if (!loading) break;
        const sample = { minute: (performance.now() - loadStarted) / 60_000, rssMb: rssMb(server.pid) };
        samples.push(sample);
        ctx.say(`  soak: ${sample.minute.toFixed(1)} min, next-server RSS ${sample.rssMb} MB`);
      }
    })();
    const result = await load;
    loading = false;
    await Promise.all([writer, sampler]);
    samples.push({ minute: (performance.now() - loadStarted) / 60_000, rssMb: rssMb(server.pid) });
    requests = result.requests.total;
    fiveHundreds = result["5xx"];
  } finally {
    server.kill("SIGTERM");
    await server.exit;
  }

  const log = logLines(logFile);
  // Levelled off: the last third of the run grows less than 10% over the middle third's peak.
  const third = Math.max(1, Math.floor(samples.length / 3));
  const middlePeak = Math.max(...samples.slice(third, 2 * third).map((s) => s.rssMb));
  const lastPeak = Math.max(...samples.slice(2 * third).map((s) => s.rssMb));
  const growth = (lastPeak - middlePeak) / middlePeak;
  return {
    name: `soak: ${Number(minutes.toFixed(2))} min at ${CONNECTIONS} connections, ${heavy.length} accounts of ${count(heavy[0].applications)} applications and ${light.length} light ones${heapMb ? `, heap capped at ${heapMb} MB` : ""}`,
    table: [
      ["minute", ...samples.map((s) => s.minute.toFixed(1))],
      ["RSS (MB)", ...samples.map((s) => String(s.rssMb))],
    ],
    checks: [
      judged
        ? check("soak: memory levels off (last third within 10% of the middle third's peak)", growth < 0.1, `${middlePeak} MB then ${lastPeak} MB (${(growth * 100).toFixed(1)}%)`)
        : check("soak: RSS reported (too short a run to judge a level)", samples.every((s) => Number.isFinite(s.rssMb)), `${samples.map((s) => s.rssMb).join(", ")} MB`),
      check("soak: every line the server wrote is one JSON object", log.notJson.length === 0, `${log.notJson.length} of ${log.lines} not`),
      check("soak: no 5xx", fiveHundreds === 0, `${count(requests)} requests, ${fiveHundreds} 5xx, ${saves} saves`),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
