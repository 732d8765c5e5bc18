import type { ImportPlan } from "@/lib/import/plan";
import { fileWorker, type FileWorkMessage } from "../file-work";
import { readUpload, refuse } from "../read-upload";
import type { RunMessage } from "../run-message";
import { commitInWorker } from "./commit-in-worker";

export const dynamic = "force-dynamic";

const UNREADABLE = "Shortlist couldn't read this file. Check that it is the CSV or JSON your tracker exported, then try again.";

/**
 * Imports the file, streaming newline-delimited JSON: rows are read and
 * checked by one worker thread (file-work.ts), then written all or nothing
 * by another (commit-in-worker.ts), each one's progress passed on as it
 * comes. "done" is sent only after the commit. A file that can't be
 * imported is refused with a 4xx before anything streams. The import holds
 * its slot (one per account, a few per server) until it has ended.
 */
export async function POST(request: Request) {
  const read = await readUpload(request, "run");
  if (!read.ok) return refuse(read);
  const { user, name, bytes, files, options, release } = read.upload;
  const now = new Date();
  let forward: (message: RunMessage) => void = () => {};
  let plan: ImportPlan | null = null;
  let readable!: (message: FileWorkMessage | null) => void;
  const first = new Promise<FileWorkMessage | null>((resolve) => (readable = resolve));
  const checked = fileWorker({ job: "plan", bytes, options, timeZone: user.timeZone, now, name }, (message) => {
    if (message.type === "readable" || message.type === "refused") readable(message);
    else if (message.type === "plan") plan = message.plan;
    else if (message.type === "progress") forward(message);
  });
  checked.then(
    () => readable(null),
    () => readable(null),
  );
  const answer = await first;
  if (answer?.type !== "readable") {
    release();
    if (answer?.type === "refused") return refuse({ status: 422, field: answer.field, message: answer.message });
    await checked.catch((error: unknown) => console.error("import: reading the file failed:", error));
    return refuse({ status: 422, field: "file", message: UNREADABLE });
  }
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
      forward = send;
      try {
        await checked;
        if (!plan) throw new Error("the file worker ended without a plan");
        // A ZIP export's files go with its JSON's plan: they are restored in the same transaction.
        const full: ImportPlan = plan.kind === "account" ? { ...plan, files } : plan;
        send({ type: "progress", phase: "saving", done: 0, total: null });
        const outcome = await commitInWorker({ userId: user.id, plan: full, now }, (done, total) => send({ type: "progress", phase: "saving", done, total }));
        send({ type: "done", ...outcome, at: outcome.at.toISOString() });
      } catch (error) {
        console.error("import failed:", error);
        send({ type: "error", message: "The import failed, and nothing from this file was saved. Try again; if it fails again, the server's log says why." });
      } finally {
        release();
        if (open) controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
