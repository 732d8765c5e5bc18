import { checkRows, prepareImport } from "@/lib/import/analyse";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { readUpload, refuse } from "../read-upload";
import type { RunMessage } from "../run-message";
import { commitInWorker } from "./commit-in-worker";

export const dynamic = "force-dynamic";

/**
 * Imports the file, streaming newline-delimited JSON: rows are checked here
 * in chunks (yielding between them), then written all or nothing by a
 * worker thread (commit-in-worker.ts) whose progress is passed on as it
 * comes. "done" is sent only after the commit. A file that can't be
 * imported is refused with a 4xx before anything streams.
 */
export async function POST(request: Request) {
  const read = await readUpload(request);
  if (!read.ok) return refuse(read);
  const { user, name, bytes, options } = read.upload;
  const prepared = prepareImport({ bytes, options, timeZone: user.timeZone });
  if (!prepared.ok) return refuse({ status: 422, field: "file", message: prepared.message });
  if (prepared.prepared.kind === "csv" && prepared.prepared.base.mappingProblems.length) {
    return refuse({ status: 422, field: "options", message: prepared.prepared.base.mappingProblems[0].message });
  }
  const now = new Date();
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      // The browser may go away mid-import; the import still finishes (or rolls back) on its own.
      const send = (message: RunMessage) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
        } catch {
          open = false;
        }
      };
      try {
        const analysis = await checkRows(prepared.prepared, { now, onProgress: (phase, done, total) => send({ type: "progress", phase, done, total }) });
        const plan = planFromAnalysis(analysis, { name, hash: fileHash(bytes) });
        send({ type: "progress", phase: "saving", done: 0, total: null });
        const outcome = await commitInWorker({ userId: user.id, plan, now }, (done, total) => send({ type: "progress", phase: "saving", done, total }));
        send({ type: "done", ...outcome, at: outcome.at.toISOString() });
      } catch (error) {
        console.error("import failed:", error);
        send({ type: "error", message: "The import failed, and nothing from this file was saved. Try again; if it fails again, the server's log says why." });
      } finally {
        if (open) controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
