// Reads, checks and previews an uploaded file off the server's main thread
// (see file-work.ts); posts its answer and ends.
import { parentPort, workerData } from "node:worker_threads";
import { installJsonLines } from "@/lib/log/json-lines.mjs";
import { analyseImport, checkRows, prepareImport } from "@/lib/import/analyse";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { summarise } from "@/lib/import/summary";
import type { FileWork, FileWorkMessage } from "./file-work";

installJsonLines();
const work = workerData as FileWork;
const post = (message: FileWorkMessage) => parentPort?.postMessage(message);

async function preview(job: Extract<FileWork, { job: "preview" }>) {
  const result = await analyseImport(job);
  if (!result.ok) return post({ type: "refused", field: "file", message: result.message });
  post({ type: "preview", summary: summarise(result.analysis, job.known), hash: fileHash(job.bytes) });
}

async function plan(job: Extract<FileWork, { job: "plan" }>) {
  const prepared = prepareImport(job);
  if (!prepared.ok) return post({ type: "refused", field: "file", message: prepared.message });
  if (prepared.prepared.kind === "csv" && prepared.prepared.base.mappingProblems.length) {
    return post({ type: "refused", field: "options", message: prepared.prepared.base.mappingProblems[0].message });
  }
  post({ type: "readable" });
  const analysis = await checkRows(prepared.prepared, { now: job.now, onProgress: (phase, done, total) => post({ type: "progress", phase, done, total }) });
  post({ type: "plan", plan: planFromAnalysis(analysis, { name: job.name, hash: fileHash(job.bytes) }) });
}

void (work.job === "preview" ? preview(work) : plan(work));
