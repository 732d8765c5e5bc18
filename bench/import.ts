// npm run bench:import: a 20,000-row import's time and peak memory, on a
// throwaway database with the app's own settings (WAL, synchronous=FULL),
// both in one process (as npm run data:import runs it) and through the
// worker thread the import page uses, with how long the main thread was
// blocked meanwhile; then the JSON and CSV export of the 5,000-application
// bench account, and that JSON imported into an empty account. Then, on the
// production build, another client's reads while one account posts ten
// 10 MB previews (import-stall.ts).
//   npm run bench:import [-- --no-build] [--only-stall] [--port 3180]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import type { CommitJob, WorkerMessage } from "../app/(app)/import/run/commit-in-worker";
import { openDatabase } from "../db/open";
import { hashPassword } from "../lib/auth/password";
import { exportDocument, exportJsonChunks } from "../lib/data/account-export";
import { commitImport, duplicateFieldsOf, type ImportOutcome } from "../lib/data/imports";
import { createUser } from "../lib/data/users";
import { applicationsCsvChunks } from "../lib/export/csv";
import { checkRows, prepareImport, analyseImport } from "../lib/import/analyse";
import { knownKeys } from "../lib/import/duplicates";
import { MAX_IMPORT_ROWS } from "../lib/import/limits";
import { fileHash, planFromAnalysis } from "../lib/import/plan";
import { summarise } from "../lib/import/summary";
import { huntrFile } from "./import-file";
import { build } from "./server";
import { importStall } from "./import-stall";
import { seedAccount } from "./seed-db";

const { values: args } = parseArgs({
  options: { "no-build": { type: "boolean", default: false }, "only-stall": { type: "boolean", default: false }, port: { type: "string", default: "3180" } },
});

const ZONE = "Europe/London";
const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

async function main() {
  if (!args["only-stall"]) await inProcess();
  if (!args["no-build"]) {
    say("building (next build) ...");
    await build({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }
  const load = os.loadavg();
  const stall = await importStall(Number(args.port), say);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const statuses = new Map<number, number>();
  for (const p of stall.previews) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
  console.log("");
  console.log(`Another client's GET /sign-in while one account posts ${stall.previews.length} previews of a ${mb(stall.fileBytes)} CSV back to back (load average ${load.map((l) => l.toFixed(2)).join(" / ")} at the start):`);
  console.log("");
  console.log("| phase | reads | p50 | p99 | max |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const [phase, s] of [["idle", stall.idle], ["during the previews", stall.loaded]] as const) console.log(`| ${phase} | ${s.n} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`);
  console.log("");
  console.log(`p99 during / idle: ${(stall.loaded.p99 / stall.idle.p99).toFixed(2)}× (target: at most 2×). Previews: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(", ")}; ${ms(stall.previews.reduce((t, p) => t + p.ms, 0))} in all.`);
}

async function inProcess() {
  const load = os.loadavg();
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-import-"));
  const file = path.join(dir, "shortlist.db");
  process.env.SHORTLIST_DB_PATH = file;
  const { db, sqlite, close } = openDatabase(file);
  const hash = await hashPassword("bench-password-not-secret");
  const user = async (email: string) => {
    const made = await createUser(db, { name: email, email, passwordHash: hash, timeZone: ZONE });
    if (!made) throw new Error(`could not create ${email}`);
    return made;
  };
  const rows: string[][] = [];
  try {
    const bytes = huntrFile(MAX_IMPORT_ROWS, 13);
    const rssBefore = process.memoryUsage().rss;
    say(`a ${MAX_IMPORT_ROWS.toLocaleString("en-US")}-row Huntr file of ${mb(bytes.length)}; database in ${dir}`);

    // One process, as npm run data:import runs it.
    const ana = await user("ana@bench.local");
    const now = new Date();
    const prepared = await timed(() => prepareImport({ bytes, options: {}, timeZone: ZONE }));
    if (!prepared.value.ok) throw new Error(prepared.value.message);
    const checked = await timed(() => checkRows(prepared.value.ok ? prepared.value.prepared : (null as never), { now }));
    const preview = await timed(async () => summarise(checked.value, knownKeys(await duplicateFieldsOf(db, { userId: ana.id }))));
    const plan = planFromAnalysis(checked.value, { name: "huntr.csv", hash: fileHash(bytes) });
    const committed = await timed(() => commitImport(db, { userId: ana.id, plan, now }));
    const rssAfterImport = peakRss();
    const again = await timed(async () => {
      const result = await analyseImport({ bytes, options: {}, timeZone: ZONE, now });
      if (!result.ok) throw new Error(result.message);
      return commitImport(db, { userId: ana.id, plan: planFromAnalysis(result.analysis, { name: "huntr.csv", hash: fileHash(bytes) }), now });
    });
    rows.push(
      ["read and recognise (decode, csv-parse)", `${prepared.ms.toFixed(0)} ms`, ""],
      ["check 20,000 rows", `${checked.ms.toFixed(0)} ms`, `${checked.value.kind === "csv" ? checked.value.candidates.length : 0} valid, ${checked.value.problems.length} with problems`],
      ["preview counts (duplicates against the account)", `${preview.ms.toFixed(0)} ms`, `${preview.value.counts.fresh} new`],
      ["commit in one transaction, in process", `${committed.ms.toFixed(0)} ms`, `${committed.value.added} added; the main thread is blocked this long`],
      ["the same file again (all duplicates)", `${again.ms.toFixed(0)} ms`, `${again.value.added} added, ${again.value.duplicates} duplicates`],
    );

    // The import page's path: the same worker file, the main thread free. (The page
    // starts it through commit-in-worker.ts; here tsx must be loaded into the worker too.)
    const ben = await user("ben@bench.local");
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let messages = 0;
    const inWorker = await timed(
      () =>
        new Promise<ImportOutcome>((resolve, reject) => {
          const entry = path.resolve("app/(app)/import/run/commit.worker.ts");
          const boot = `require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`;
          const worker = new Worker(boot, { eval: true, workerData: { dbPath: file, userId: ben.id, plan, now } satisfies CommitJob });
          worker.on("message", (m: WorkerMessage) => (m.type === "progress" ? messages++ : m.type === "committed" ? resolve(m.outcome) : reject(new Error("failed"))));
          worker.on("error", reject);
        }),
    );
    lag.disable();
    rows.push([
      "commit through the page's worker thread",
      `${inWorker.ms.toFixed(0)} ms`,
      `${inWorker.value.added} added; ${messages} progress messages; main thread's longest stall ${(lag.max / 1e6).toFixed(0)} ms`,
    ]);

    // The 5,000-application bench account (as npm run bench seeds it).
    const heavy = seedAccount(sqlite, { label: "heavy", email: "heavy@bench.local", name: "Heavy", applications: 5_000, seed: 20_261_125, customSettings: true }, hash, new Date(), () => {});
    const exported = await timed(() => exportDocument(db, { userId: heavy.userId, now }));
    const json = await timed(() => [...exportJsonChunks(exported.value)].join(""));
    const csv = await timed(() => [...applicationsCsvChunks(exported.value.applications, now)].join(""));
    const rounds = exported.value.applications.reduce((n, a) => n + a.rounds.length, 0);
    rows.push(
      ["export 5,000 applications: read", `${exported.ms.toFixed(0)} ms`, `${rounds.toLocaleString("en-US")} rounds, ${exported.value.people.length.toLocaleString("en-US")} people`],
      ["export 5,000 applications: JSON text", `${json.ms.toFixed(0)} ms`, mb(Buffer.byteLength(json.value))],
      ["export 5,000 applications: CSV text", `${csv.ms.toFixed(0)} ms`, mb(Buffer.byteLength(csv.value))],
    );
    const mover = await user("mover@bench.local");
    const restore = await timed(async () => {
      const result = await analyseImport({ bytes: Buffer.from(json.value), options: {}, timeZone: ZONE, now });
      if (!result.ok) throw new Error(result.message);
      return commitImport(db, { userId: mover.id, plan: planFromAnalysis(result.analysis, { name: "export.json", hash: "h" }), now });
    });
    rows.push(["that JSON into an empty account (read, check, commit)", `${restore.ms.toFixed(0)} ms`, `${restore.value.added.toLocaleString("en-US")} added`]);

    console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}`);
    console.log(`Load average (1/5/15 min) at start ${load.map((l) => l.toFixed(2)).join(" / ")}, at end ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
    console.log("");
    console.log("| step | time | notes |");
    console.log("| --- | ---: | --- |");
    for (const [step, time, notes] of rows) console.log(`| ${step} | ${time} | ${notes} |`);
    console.log("");
    console.log(`Memory: ${mb(rssBefore)} resident before the import, peak ${mb(rssAfterImport)} after it (${mb(rssAfterImport - rssBefore)} for a ${mb(bytes.length)} file), peak ${mb(peakRss())} by the end.`);
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
