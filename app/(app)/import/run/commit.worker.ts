// Runs one import's transaction on a connection of its own, off the
// server's main thread. better-sqlite3 is synchronous: on the main thread a
// 20,000-row import would stop every other request, and the page's
// progress with them, until it committed. Here the main thread stays free
// to stream this worker's progress messages to the browser. "committed" is
// sent only after commitImport has resolved, that is after COMMIT.
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/open";
import { commitImport } from "@/lib/data/imports";
import { installJsonLines } from "@/lib/log/json-lines.mjs";
import type { CommitJob, WorkerMessage } from "./commit-in-worker";

installJsonLines();
const { dbPath, userId, plan, now } = workerData as CommitJob;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function run(): Promise<void> {
  const { db, close } = openDatabase(dbPath);
  try {
    const outcome = await commitImport(db, { userId, plan, now, onProgress: (done, total) => post({ type: "progress", done, total }) });
    post({ type: "committed", outcome });
  } catch (error) {
    console.error("import: the transaction failed and was rolled back:", error);
    post({ type: "failed" });
  } finally {
    close();
  }
}

void run();
