import "server-only";
import { Worker } from "node:worker_threads";
import type { ImportOptions } from "@/lib/import/analyse";
import type { ImportPlan } from "@/lib/import/plan";
import type { ImportSummary } from "@/lib/import/summary";

// What the import routes ask of file.worker.ts, and what it answers. Reading
// a 10 MB file (decoding, parsing, checking every row) takes a second or more
// of a core: done on the server's main thread it would hold up every other
// request meanwhile, so it runs in a worker.

type FileJob = { bytes: Uint8Array; options: ImportOptions; timeZone: string; now: Date };
export type FileWork =
  /** The preview's summary; `known` holds the account's duplicate keys, read by the route. */
  | (FileJob & { job: "preview"; known: Set<string> })
  /** The checked plan the commit worker saves. */
  | (FileJob & { job: "plan"; name: string });

export type FileWorkMessage =
  | { type: "refused"; field: "file" | "options"; message: string }
  | { type: "preview"; summary: ImportSummary; hash: string }
  /** Sent by a plan job once the file has been read and its columns are known: the route may start streaming. */
  | { type: "readable" }
  | { type: "progress"; phase: "checking"; done: number; total: number }
  | { type: "plan"; plan: ImportPlan };

/**
 * Runs one job in a worker thread, handing each of its messages to
 * `onMessage`; resolves when the worker has ended cleanly, rejects on
 * anything else (an exception in it, a crash).
 */
export function fileWorker(work: FileWork, onMessage: (message: FileWorkMessage) => void): Promise<void> {
  const worker = new Worker(new URL("./file.worker.ts", import.meta.url), { workerData: work });
  return new Promise((resolve, reject) => {
    worker.on("message", onMessage);
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the file worker stopped (exit code ${code})`))));
  });
}
