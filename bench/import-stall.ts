// Can one account's imports stall everyone else? The production server
// (node server.mjs, on a throwaway database), another client reading
// /sign-in one request after another, first with the server idle, then
// while one account posts ten ~10 MB previews back to back. Prints that
// client's p50 and p99 in both phases and how the previews were answered.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "./faults/app-server";
import { signUp } from "./faults/client";
import { huntrFile } from "./import-file";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "../lib/import/limits";
import { freePort } from "./server";

const PREVIEWS = 10;
const IDLE_MS = 8_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Sequential GETs until `stop()` says so; each request's time in ms. */
async function reader(url: string, stop: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!stop()) {
    const started = performance.now();
    const res = await fetch(`${url}/sign-in`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

export type StallResult = { idle: ReturnType<typeof summary>; loaded: ReturnType<typeof summary>; previews: { status: number; ms: number }[]; fileBytes: number };

export async function importStall(port: number, say: (line: string) => void): Promise<StallResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-stall-"));
  // Just under the CSV limit, as the ten 10 MB previews were.
  let rows = MAX_IMPORT_ROWS;
  let file = huntrFile(rows, 23);
  while (file.length > MAX_IMPORT_BYTES) file = huntrFile((rows -= 500), 23);
  const server = startServer({ port: await freePort(port), dbPath: path.join(dir, "shortlist.db"), logFile: path.join(dir, "server.log") });
  try {
    await server.ready;
    const cookie = await signUp(server.url, "importer@bench.local", "bench-password-not-secret");
    // Warm the page up, then the idle baseline.
    await reader(server.url, ((n) => () => n-- <= 0)(20));
    let until = performance.now() + IDLE_MS;
    const idle = await reader(server.url, () => performance.now() > until);
    say(`  idle: ${idle.length} reads of /sign-in`);

    let importing = true;
    const loadedReads = reader(server.url, () => !importing);
    const previews: { status: number; ms: number }[] = [];
    for (let i = 0; i < PREVIEWS; i++) {
      const body = new FormData();
      body.set("file", new Blob([new Uint8Array(file)], { type: "text/csv" }), "huntr.csv");
      body.set("options", "{}");
      const started = performance.now();
      const res = await fetch(`${server.url}/import/preview`, { method: "POST", body, headers: { cookie, origin: server.url } });
      await res.arrayBuffer();
      previews.push({ status: res.status, ms: performance.now() - started });
      say(`  preview ${i + 1}: ${res.status} in ${(performance.now() - started).toFixed(0)} ms`);
    }
    importing = false;
    until = 0;
    return { idle: summary(idle), loaded: summary(await loadedReads), previews, fileBytes: file.length };
  } finally {
    server.kill("SIGTERM");
    await server.exit;
    rmSync(dir, { recursive: true, force: true });
  }
}
