import { createHash } from "node:crypto";
import type { ExportDocument } from "@/lib/export/document";
import type { Analysis } from "./analyse";
import type { Candidate } from "./normalise";

/** What an import will write, once the page or the command line has checked the file. */
export type ImportPlan = { format: string; fileName: string; fileHash: string; problems: number } & (
  | { kind: "rows"; candidates: Candidate[] }
  | { kind: "account"; document: ExportDocument; files?: Record<string, Uint8Array> }
);

export const fileHash = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A file name as shown back to the user: no folders, no control characters, not endless. */
export const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || "file";

export function planFromAnalysis(analysis: Analysis, file: { name: string; hash: string }): ImportPlan {
  const head = { fileName: cleanFileName(file.name), fileHash: file.hash, problems: analysis.problems.length };
  if (analysis.kind === "shortlist-json") return { ...head, format: analysis.format.id, kind: "account", document: analysis.document };
  return { ...head, format: analysis.format?.id ?? "csv", kind: "rows", candidates: analysis.candidates };
}
