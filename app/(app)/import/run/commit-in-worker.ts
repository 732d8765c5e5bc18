import "server-only";
import { Worker } from "node:worker_threads";
import { databasePath } from "@/db/location";
import { configuredDatabase } from "@/db/open-configured";
import type { ImportOutcome, ImportProgress } from "@/lib/data/imports";
import type { ImportPlan } from "@/lib/import/plan";

/** `databaseUrl` is Postgres' (DATABASE_URL); without it the worker opens SQLite's file at `dbPath`. */
export type CommitJob = { dbPath: string; databaseUrl?: string; userId: string; plan: ImportPlan; now: Date };
export type WorkerMessage = { type: "progress"; done: number; total: number } | { type: "committed"; outcome: ImportOutcome } | { type: "failed" };

/**
 * commitImport in a worker thread with its own connection (see
 * commit.worker.ts), reporting progress as the worker writes. Resolves only
 * once the worker says the transaction committed; any other end (an error,
 * a crash, an exit) rejects, and the transaction was rolled back.
 */
export function commitInWorker(job: Omit<CommitJob, "dbPath" | "databaseUrl">, onProgress: ImportProgress): Promise<ImportOutcome> {
  const database = configuredDatabase();
  const where = { dbPath: databasePath(), databaseUrl: database.kind === "postgres" ? database.url : undefined };
  const worker = new Worker(new URL("./commit.worker.ts", import.meta.url), { workerData: { ...job, ...where } satisfies CommitJob });
  return watchCommit(worker, onProgress);
}

/** The outcome a commit worker reports, or a rejection for every other way it can end. Apart so a test can start the worker itself. */
export function watchCommit(worker: Worker, onProgress: ImportProgress): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress(message.done, message.total);
      else if (message.type === "committed") settle(() => resolve(message.outcome));
      else settle(() => reject(new Error("the import transaction failed")));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) => settle(() => reject(new Error(`the import worker stopped (exit code ${code}) before committing`))));
  });
}
