// npm run bench:import: a 20,000-row import's time and peak memory, on a
// throwaway database with the app's own settings (WAL, synchronous=FULL),
// both in one process (as npm run data:import runs it) and through the
// worker thread the import page uses, with how long the main thread was
// blocked meanwhile; then the JSON and CSV export of the 5,000-application
// bench account, and that JSON imported into an empty account. Then, on the
// production build, another client's reads while one account posts ten
// 10 MB previews (import-stall.ts).
//   npm run bench:import [-- --no-build] [--only-stall] [--no-stall] [--port 3180]
//                        [--engine postgres] [--pg-port 55432]
// With --engine postgres the in-process steps run on SQLite and then on a
// throwaway PostgreSQL cluster, and a table compares them (the page's
// worker thread opens the SQLite file, so its row is SQLite's only).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import type { CommitJob, WorkerMessage } from "../app/(app)/import/run/commit-in-worker";
import { openDatabase, type Db } from "../db/open";
import { openPostgres } from "../db/postgres/open";
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
import { createDatabase, postgresBenchDb, startCluster } from "./engine";
import { seedAccount, seedAccountPostgres, type Account } from "./seed-db";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    "only-stall": { type: "boolean", default: false },
    "no-stall": { type: "boolean", default: false },
    port: { type: "string", default: "3180" },
    engine: { type: "string", default: "sqlite" },
    "pg-port": { type: "string", default: "55432" },
    // Internal: the Postgres pass, in a process of its own (db/schema picks its tables from DATABASE_URL once, at load).
    "postgres-pass": { type: "string" },
    // Internal: one timed commit on Postgres, in a process of its own; its time goes to this file.
    "postgres-commit": { type: "string" },
  },
});
if (args.engine !== "sqlite" && args.engine !== "postgres") throw new Error(`--engine is sqlite or postgres, not ${args.engine}`);
/** The issue's bound on the 20,000-row import on Postgres against SQLite's. */
const POSTGRES_TIMES_SQLITE = 2;

const ZONE = "Europe/London";
const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

type Row = [step: string, ms: number | null, notes: string];

/** Runs bench/import.ts again with DATABASE_URL set: db/schema chooses its tables once, at load, so one process is one engine. */
function child(url: string, flag: string, file: string): string {
  execFileSync("npx", ["tsx", "--conditions=react-server", "bench/import.ts", flag, file], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "inherit", "inherit"] });
  return readFileSync(file, "utf8");
}

/** Rounds of the 20,000-row commit, on each engine in turn, after the passes: so both see the same load. */
const TURNS = 3;
type Turns = { sqlite: number[]; postgres: number[] };

/**
 * The in-process steps on Postgres (a child process, which prints its table),
 * then the commit on each engine in turn, each time a new account on a fresh
 * database of each engine; returns Postgres' rows and the turns' times.
 */
async function postgresPass(dir: string): Promise<{ rows: Row[]; turns: Turns }> {
  say(`a throwaway PostgreSQL cluster on 127.0.0.1:${args["pg-port"]}`);
  const cluster = startCluster(Number(args["pg-port"]));
  try {
    const rows = JSON.parse(child(await createDatabase(cluster, "shortlist_bench_import"), "--postgres-pass", path.join(dir, "postgres-rows.json"))) as Row[];
    const url = await createDatabase(cluster, "shortlist_bench_turns");
    const { db, close } = openDatabase(path.join(dir, "turns.db"));
    const turns: Turns = { sqlite: [], postgres: [] };
    try {
      for (let i = 0; i < TURNS; i++) {
        say(`the commit in turn, round ${i + 1} of ${TURNS}: SQLite, then Postgres`);
        turns.sqlite.push(await timedCommit(db, `turn-${i}@bench.local`));
        turns.postgres.push(Number(child(url, "--postgres-commit", path.join(dir, `turn-${i}.txt`))));
      }
    } finally {
      close();
    }
    return { rows, turns };
  } finally {
    cluster.stop();
  }
}

/** A new account, and the 20,000-row file analysed (not timed), then committed (timed). */
async function timedCommit(db: Db, email: string): Promise<number> {
  const bytes = huntrFile(MAX_IMPORT_ROWS, 13);
  const made = await createUser(db, { name: email, email, passwordHash: "x", timeZone: ZONE });
  if (!made) throw new Error(`could not create ${email}`);
  const now = new Date();
  const result = await analyseImport({ bytes, options: {}, timeZone: ZONE, now });
  if (!result.ok) throw new Error(result.message);
  const plan = planFromAnalysis(result.analysis, { name: "huntr.csv", hash: fileHash(bytes) });
  const { value, ms } = await timed(() => commitImport(db, { userId: made.id, plan, now }));
  if (value.added !== MAX_IMPORT_ROWS) throw new Error(`${value.added} added, not ${MAX_IMPORT_ROWS}`);
  return ms;
}

async function main() {
  const rowsFile = args["postgres-pass"];
  const commitFile = args["postgres-commit"];
  if (rowsFile || commitFile) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("--postgres-pass and --postgres-commit need DATABASE_URL");
    if (rowsFile) writeFileSync(rowsFile, JSON.stringify(await inProcess({ engine: "postgres", url })));
    if (commitFile) {
      const { db, close } = await openPostgres(url);
      try {
        writeFileSync(commitFile, String(await timedCommit(db, `turn-${path.basename(commitFile, ".txt")}-pg@bench.local`)));
      } finally {
        await close();
      }
    }
    return;
  }
  if (!args["only-stall"]) {
    const sqlite = await inProcess({ engine: "sqlite" });
    if (args.engine === "postgres") {
      const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-import-pg-"));
      try {
        const { rows, turns } = await postgresPass(dir);
        compare(sqlite, rows, turns);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (args["no-stall"]) return;
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

/** Postgres against SQLite, step by step, and the issue's target on the commit. */
function compare(sqlite: Row[], postgres: Row[], turns: Turns) {
  console.log("");
  console.log("PostgreSQL against SQLite, in this run:");
  console.log("");
  console.log("| step | SQLite | PostgreSQL | Postgres × SQLite |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [step, a] of sqlite) {
    const b = postgres.find(([s]) => s === step)?.[1];
    if (a === null || b === null || b === undefined) continue;
    console.log(`| ${step} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(b / a).toFixed(2)} |`);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const [a, b] = [median(turns.sqlite), median(turns.postgres)];
  const times = b / a;
  const list = (l: number[]) => l.map((x) => x.toFixed(0)).join(", ");
  console.log("");
  console.log(`The ${MAX_IMPORT_ROWS.toLocaleString("en-US")}-row commit on each engine in turn (${TURNS} rounds, a new account on a fresh database each): SQLite ${list(turns.sqlite)} ms, Postgres ${list(turns.postgres)} ms.`);
  console.log(
    `Target: the ${MAX_IMPORT_ROWS.toLocaleString("en-US")}-row import's commit on Postgres ≤ ${POSTGRES_TIMES_SQLITE}× SQLite's: medians ${b.toFixed(0)} against ${a.toFixed(0)} ms, ${times.toFixed(2)}×, ${times <= POSTGRES_TIMES_SQLITE ? "met" : "**not met**"}.`,
  );
}

const COMMIT_STEP = "commit in one transaction, in process";

type Engine = { engine: "sqlite" } | { engine: "postgres"; url: string };

/** The database a pass runs on: a SQLite file in `dir`, or the Postgres database, migrated as a server would. */
async function openBench(on: Engine, dir: string) {
  if (on.engine === "sqlite") {
    const file = path.join(dir, "shortlist.db");
    process.env.SHORTLIST_DB_PATH = file;
    const { db, sqlite, close } = openDatabase(file);
    return { db, file, where: dir, seed: (account: Account, hash: string) => Promise.resolve(seedAccount(sqlite, account, hash, new Date(), () => {})), close: async () => close() };
  }
  const { db, close } = await openPostgres(on.url);
  const client = await postgresBenchDb(on.url);
  return {
    db,
    file: null,
    where: on.url,
    seed: (account: Account, hash: string) => seedAccountPostgres(client.client, account, hash, new Date(), () => {}),
    close: async () => {
      await client.close();
      await close();
    },
  };
}

async function inProcess(on: Engine): Promise<Row[]> {
  const load = os.loadavg();
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-import-"));
  const { db, file, where, seed, close } = await openBench(on, dir);
  const hash = await hashPassword("bench-password-not-secret");
  const user = async (email: string) => {
    const made = await createUser(db, { name: email, email, passwordHash: hash, timeZone: ZONE });
    if (!made) throw new Error(`could not create ${email}`);
    return made;
  };
  const rows: Row[] = [];
  try {
    const bytes = huntrFile(MAX_IMPORT_ROWS, 13);
    const rssBefore = process.memoryUsage().rss;
    say(`a ${MAX_IMPORT_ROWS.toLocaleString("en-US")}-row Huntr file of ${mb(bytes.length)}; database in ${where}`);

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
      ["read and recognise (decode, csv-parse)", prepared.ms, ""],
      ["check 20,000 rows", checked.ms, `${checked.value.kind === "csv" ? checked.value.candidates.length : 0} valid, ${checked.value.problems.length} with problems`],
      ["preview counts (duplicates against the account)", preview.ms, `${preview.value.counts.fresh} new`],
      [COMMIT_STEP, committed.ms, `${committed.value.added} added; ${on.engine === "sqlite" ? "the main thread is blocked this long" : "the main thread is free between statements"}`],
      ["the same file again (all duplicates)", again.ms, `${again.value.added} added, ${again.value.duplicates} duplicates`],
    );

    // The import page's path: the same worker file, the main thread free. (The page
    // starts it through commit-in-worker.ts; here tsx must be loaded into the worker too.)
    if (file) {
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
        inWorker.ms,
        `${inWorker.value.added} added; ${messages} progress messages; main thread's longest stall ${(lag.max / 1e6).toFixed(0)} ms`,
      ]);
    }

    // The 5,000-application bench account (as npm run bench seeds it).
    const heavy = await seed({ label: "heavy", email: "heavy@bench.local", name: "Heavy", applications: 5_000, seed: 20_261_125, customSettings: true }, hash);
    const exported = await timed(() => exportDocument(db, { userId: heavy.userId, now }));
    const json = await timed(() => [...exportJsonChunks(exported.value)].join(""));
    const csv = await timed(() => [...applicationsCsvChunks(exported.value.applications, now)].join(""));
    const rounds = exported.value.applications.reduce((n, a) => n + a.rounds.length, 0);
    rows.push(
      ["export 5,000 applications: read", exported.ms, `${rounds.toLocaleString("en-US")} rounds, ${exported.value.people.length.toLocaleString("en-US")} people`],
      ["export 5,000 applications: JSON text", json.ms, mb(Buffer.byteLength(json.value))],
      ["export 5,000 applications: CSV text", csv.ms, mb(Buffer.byteLength(csv.value))],
    );
    const mover = await user("mover@bench.local");
    const restore = await timed(async () => {
      const result = await analyseImport({ bytes: Buffer.from(json.value), options: {}, timeZone: ZONE, now });
      if (!result.ok) throw new Error(result.message);
      return commitImport(db, { userId: mover.id, plan: planFromAnalysis(result.analysis, { name: "export.json", hash: "h" }), now });
    });
    rows.push(["that JSON into an empty account (read, check, commit)", restore.ms, `${restore.value.added.toLocaleString("en-US")} added`]);

    if (on.engine === "postgres") console.log("\nPostgreSQL (a throwaway cluster, durable settings):");
    console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}`);
    console.log(`Load average (1/5/15 min) at start ${load.map((l) => l.toFixed(2)).join(" / ")}, at end ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
    console.log("");
    console.log("| step | time | notes |");
    console.log("| --- | ---: | --- |");
    for (const [step, ms, notes] of rows) console.log(`| ${step} | ${ms === null ? "—" : `${ms.toFixed(0)} ms`} | ${notes} |`);
    console.log("");
    console.log(`Memory: ${mb(rssBefore)} resident before the import, peak ${mb(rssAfterImport)} after it (${mb(rssAfterImport - rssBefore)} for a ${mb(bytes.length)} file), peak ${mb(peakRss())} by the end.`);
    return rows;
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
