// Runs one import's transaction on a connection of its own (to the server's
// database, SQLite's file or Postgres' DATABASE_URL), off the
// server's main thread. better-sqlite3 is synchronous: on the main thread a
// 20,000-row import would stop every other request, and the page's
// progress with them, until it committed. Here the main thread stays free
// to stream this worker's progress messages to the browser. "committed" is
// sent only after commitImport has resolved, that is after COMMIT.
import { parentPort, workerData } from "node:worker_threads";
import { openConfigured } from "@/db/open-configured";
import { commitImport } from "@/lib/data/imports";
import { installJsonLines } from "@/lib/log/json-lines.mjs";
import type { CommitJob, WorkerMessage } from "./commit-in-worker";

installJsonLines();
const { dbPath, databaseUrl, userId, plan, now } = workerData as CommitJob;
const database = databaseUrl ? ({ kind: "postgres", url: databaseUrl } as const) : ({ kind: "sqlite", file: dbPath } as const);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

// One transaction needs one connection; a second lets a read wait on nothing.
// The server migrated at its start: here the schema is only checked.
const OPTIONS = { pool: { max: 2 }, migrate: "manual" } as const;

async function run(): Promise<void> {
  let opened: Awaited<ReturnType<typeof openConfigured>>;
  try {
    opened = await openConfigured(database, OPTIONS);
  } catch (error) {
    console.error("import: the database could not be opened:", error);
    post({ type: "failed" });
    return;
  }
  const { db, close } = opened;
  try {
    const outcome = await commitImport(db, { userId, plan, now, onProgress: (done, total) => post({ type: "progress", done, total }) });
    post({ type: "committed", outcome });
  } catch (error) {
    console.error("import: the transaction failed and was rolled back:", error);
    post({ type: "failed" });
  } finally {
    await close();
  }
}

void run();
