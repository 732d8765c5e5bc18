import type { ImportOptions } from "@/lib/import/analyse";
import type { ImportSummary } from "@/lib/import/summary";
import type { RunMessage } from "../run-message";

export type Refused = { ok: false; field: "file" | "options" | null; message: string };
export type Preview = { ok: true; summary: ImportSummary; earlier: { at: string; added: number } | null };

const LOST = "The connection to Shortlist was lost. Check that it is still running, then try again.";

function form(file: File, options: ImportOptions): FormData {
  const body = new FormData();
  body.set("file", file);
  body.set("options", JSON.stringify(options));
  return body;
}

async function refusal(response: Response): Promise<Refused> {
  const body = (await response.json().catch(() => null)) as { field?: Refused["field"]; message?: string } | null;
  return { ok: false, field: body?.field ?? "file", message: body?.message ?? `Shortlist couldn't read this file (error ${response.status}).` };
}

/** Asks the server what importing `file` with `options` would save; nothing is written. */
export async function previewFile(file: File, options: ImportOptions, signal?: AbortSignal): Promise<Preview | Refused> {
  let response: Response;
  try {
    response = await fetch("/import/preview", { method: "POST", body: form(file, options), signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return { ok: false, field: "file", message: LOST };
  }
  if (!response.ok) return refusal(response);
  return { ok: true, ...((await response.json()) as Omit<Preview, "ok">) };
}

/**
 * Imports `file`, calling `onMessage` for each line the server streams
 * (progress, then the outcome). Resolves with the last message; a stream
 * that ends without an outcome is reported as such, because the import may
 * or may not have committed.
 */
export async function runImport(file: File, options: ImportOptions, onMessage: (message: RunMessage) => void): Promise<RunMessage | Refused> {
  let response: Response;
  try {
    response = await fetch("/import/run", { method: "POST", body: form(file, options) });
  } catch {
    return { ok: false, field: "file", message: LOST };
  }
  if (!response.ok || !response.body) return refusal(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let last: RunMessage | null = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        last = JSON.parse(line) as RunMessage;
        onMessage(last);
      }
      if (done) break;
    }
  } catch {
    // Falls through to the check below.
  }
  if (last?.type === "done" || last?.type === "error") return last;
  return {
    ok: false,
    field: null,
    message: "The connection was lost before the import finished. Look at your applications: if they are there, it finished. Importing the file again adds only what is missing.",
  };
}
