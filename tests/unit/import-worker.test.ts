// On SQLite in either run: this file is about the worker on the SQLite file it is handed (CommitJob.dbPath).
import "./support/on-sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchCommit, type CommitJob } from "@/app/(app)/import/run/commit-in-worker";
import { openDatabase } from "@/db/open";
import { commitImport } from "@/lib/data/imports";
import { fileHash, planFromAnalysis, type ImportPlan } from "@/lib/import/plan";
import { makeUser } from "./support/db";
import { analysed, fixture, NOW, ownedRows } from "./support/imports";

// The import page's commit path for real: the worker file itself, on its own
// connection to a database file, as the server starts it (tsx stands in for
// the bundler, and react-server for the server's import conditions).
const WORKER = path.resolve("app/(app)/import/run/commit.worker.ts");
const BOOT = `require("tsx/cjs/api").register(); require(${JSON.stringify(WORKER)});`;

let dir: string;
let file: string;
let opened: ReturnType<typeof openDatabase>;
let userId: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-import-worker-"));
  file = path.join(dir, "shortlist.db");
  opened = openDatabase(file);
  userId = (await makeUser(opened.db, "ana@example.com")).id;
});
afterEach(() => {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const startWorker = (plan: ImportPlan) =>
  new Worker(BOOT, { eval: true, execArgv: ["--conditions=react-server"], workerData: { dbPath: file, userId, plan, now: NOW } satisfies CommitJob });
const applications = () => (opened.sqlite.prepare("select count(*) n from applications where user_id = ?").get(userId) as { n: number }).n;

/** A LinkedIn file of `n` distinct rows: enough batches for the worker to be stopped between two of them. */
async function bigPlan(n: number): Promise<ImportPlan> {
  const lines = ["Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers"];
  for (let i = 0; i < n; i++) lines.push(`"3/7/24, 2:22 PM",,,Company ${i},Engineer,https://www.linkedin.com/jobs/view/${i}/,,`);
  const bytes = Buffer.from(lines.join("\n"));
  return planFromAnalysis(await analysed(bytes), { name: "Job Applications.csv", hash: fileHash(bytes) });
}

describe("the import page's worker-thread commit", () => {
  it("reports progress as it writes, shows another connection all or nothing, and resolves only once committed", async () => {
    const plan = await bigPlan(1000);
    const seenDuringProgress: number[] = [];
    const outcome = await watchCommit(startWorker(plan), () => seenDuringProgress.push(applications()));
    expect(seenDuringProgress.length).toBeGreaterThan(1);
    // Never part of the file: before COMMIT nothing, after it everything (messages may be read late).
    for (const seen of seenDuringProgress) expect([0, 1000]).toContain(seen);
    expect(outcome).toMatchObject({ added: 1000, duplicates: 0 });
    expect(applications()).toBe(1000);
  });

  it("a worker that dies mid-import rejects, saves nothing and leaves the database writable", async () => {
    const plan = await bigPlan(5000);
    const worker = startWorker(plan);
    const before = await ownedRows(opened.db, userId);
    let stopped = false;
    const result = watchCommit(worker, () => {
      if (stopped) return;
      stopped = true;
      void worker.terminate();
    });
    await expect(result).rejects.toThrow(/stopped \(exit code 1\) before committing/);
    expect(await ownedRows(opened.db, userId)).toEqual(before);
    // The dead worker's write lock went with it: the same plan commits at once on another connection, whole.
    opened.sqlite.pragma("busy_timeout = 0");
    expect(await commitImport(opened.db, { userId, plan, now: NOW })).toMatchObject({ added: 5000, duplicates: 0 });
  });

  it("a fault inside the worker's transaction rejects and saves nothing", async () => {
    const analysis = await analysed(fixture("reactive-resume-tracker.csv"));
    const plan = planFromAnalysis(analysis, { name: "rr.csv", hash: "h" });
    opened.sqlite.exec(`create trigger fail_round before insert on rounds when (select count(*) from rounds) >= 2
      begin select raise(abort, 'disk I/O error'); end`);
    const before = await ownedRows(opened.db, userId);
    await expect(watchCommit(startWorker(plan), () => {})).rejects.toThrow("the import transaction failed");
    expect(await ownedRows(opened.db, userId)).toEqual(before);
  });

});
