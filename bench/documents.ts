// npm run bench:documents: the document library on the production server
// (node server.mjs, a throwaway database), in one run:
//  - uploading a 10 MB PDF and downloading it back, three times each: the
//    time, and the server's resident memory (RSS) before, after and at its peak;
//  - an application's page with 20 documents attached beside the same kind
//    of page with none: p50 and p95 of 30 loads each, interleaved.
//   npm run bench:documents [-- --no-build] [--port 3190]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/open";
import { createApplication } from "../lib/data/applications";
import { attachVersion } from "../lib/data/document-attachments";
import { saveDocumentFile } from "../lib/data/documents";
import { MAX_DOCUMENT_BYTES } from "../lib/documents/limits";
import { startServer } from "./faults/app-server";
import { signUp } from "./faults/client";
import { build, freePort } from "./server";

const { values: args } = parseArgs({ options: { "no-build": { type: "boolean", default: false }, port: { type: "string", default: "3190" } } });

const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The server's resident memory now and its peak so far, from /proc (Linux). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

function pdf(tag: string, size: number): Uint8Array {
  const head = Buffer.from(`%PDF-1.7\n% ${tag}\n`);
  const bytes = Buffer.alloc(size, 0x20);
  head.copy(bytes);
  return new Uint8Array(bytes);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

async function main() {
  if (!args["no-build"]) {
    say("building (next build) ...");
    await build({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-documents-"));
  const dbPath = path.join(dir, "shortlist.db");
  const server = startServer({ port: await freePort(Number(args.port)), dbPath, logFile: path.join(dir, "server.log") });
  const load = os.loadavg();
  try {
    await server.ready;
    const cookie = await signUp(server.url, "docs@bench.local", "bench-password-not-secret");
    const headers = { cookie, origin: server.url };
    await (await fetch(`${server.url}/documents`, { headers })).text();
    const idle = memory(server.pid);
    say(`server up, RSS ${mb(idle.rss)}`);

    const rows: string[][] = [];
    const file = pdf("bench", MAX_DOCUMENT_BYTES);
    let versionId = "";
    for (let i = 1; i <= 3; i++) {
      const body = new FormData();
      body.set("kind", "cv");
      body.set("name", `CV ${i}`);
      body.set("file", new Blob([new Uint8Array(file)], { type: "application/pdf" }), `cv-${i}.pdf`);
      const up = await timed(async () => {
        const res = await fetch(`${server.url}/documents/upload`, { method: "POST", body, headers });
        return { status: res.status, json: (await res.json()) as { versionId?: string } };
      });
      if (up.value.status !== 201 || !up.value.json.versionId) throw new Error(`upload answered ${up.value.status}`);
      versionId = up.value.json.versionId;
      const after = memory(server.pid);
      rows.push([`upload ${i} (${mb(file.length)} PDF)`, ms(up.ms), mb(after.rss), mb(after.peak)]);
    }
    for (let i = 1; i <= 3; i++) {
      const down = await timed(async () => {
        const res = await fetch(`${server.url}/documents/files/${versionId}`, { headers });
        return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
      });
      if (down.value.status !== 200 || Buffer.compare(down.value.bytes, file) !== 0) throw new Error(`download ${i} was not the file (status ${down.value.status})`);
      const after = memory(server.pid);
      rows.push([`download ${i}, byte-identical`, ms(down.ms), mb(after.rss), mb(after.peak)]);
    }

    // Two applications of the same account: one with 20 documents attached, one with none.
    const userId = await userIdOf(dbPath);
    const { db, close } = openDatabase(dbPath);
    const now = new Date();
    const withDocs = await createApplication(db, { userId, input: { company: "Acme", roleTitle: "Twenty documents", status: "applied" } });
    const without = await createApplication(db, { userId, input: { company: "Acme", roleTitle: "No documents", status: "applied" } });
    for (let i = 0; i < 20; i++) {
      const saved = await saveDocumentFile(db, { userId, kind: "other", name: `Document ${i + 1}`, file: { fileName: `doc-${i + 1}.pdf`, type: "pdf", bytes: Buffer.from(pdf(`d${i}`, 100_000)) }, quotaBytes: 1e9, now });
      if (!saved.ok) throw new Error("not saved");
      await attachVersion(db, { userId, versionId: saved.versionId, applicationId: withDocs.id, roundId: null, now });
    }
    close();
    const page = async (id: string) => {
      const started = performance.now();
      const res = await fetch(`${server.url}/applications/${id}`, { headers });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`page answered ${res.status}`);
      return { ms: performance.now() - started, bytes: html.length };
    };
    for (let i = 0; i < 5; i++) await Promise.all([page(withDocs.id), page(without.id)]);
    const times = { with: [] as number[], without: [] as number[] };
    let sizes = { with: 0, without: 0 };
    for (let i = 0; i < 30; i++) {
      const a = await page(withDocs.id);
      const b = await page(without.id);
      times.with.push(a.ms);
      times.without.push(b.ms);
      sizes = { with: a.bytes, without: b.bytes };
    }
    const final = memory(server.pid);

    console.log("");
    console.log(`Documents on the production server (load average ${load.map((l) => l.toFixed(2)).join(" / ")} at the start; RSS idle ${mb(idle.rss)}):`);
    console.log("");
    console.log("| step | time | server RSS after | server peak RSS |");
    console.log("| --- | ---: | ---: | ---: |");
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log("");
    console.log("| application page (30 loads each, interleaved) | p50 | p95 | HTML |");
    console.log("| --- | ---: | ---: | ---: |");
    for (const [label, list, size] of [["20 documents attached", times.with, sizes.with], ["no documents", times.without, sizes.without]] as const) {
      const sorted = [...list].sort((x, y) => x - y);
      console.log(`| ${label} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${(size / 1024).toFixed(0)} KB |`);
    }
    console.log("");
    console.log(`Server RSS at the end: ${mb(final.rss)} (peak ${mb(final.peak)}).`);
  } finally {
    server.kill("SIGTERM");
    await server.exit;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function userIdOf(dbPath: string): Promise<string> {
  const { sqlite, close } = openDatabase(dbPath);
  try {
    return (sqlite.prepare("select id from users where email = ?").get("docs@bench.local") as { id: string }).id;
  } finally {
    close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
