import { EXPORT_FORMAT, EXPORT_VERSION, exportDocumentSchema, type ExportDocument } from "@/lib/export/document";

export type JsonResult = { ok: true; document: ExportDocument } | { ok: false; message: string };

/** A file that starts like JSON is read as JSON, never as a one-column CSV. */
export const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

/** Reads a Shortlist JSON export, or says plainly why the file is not one this version can read. */
export function readShortlistJson(text: string): JsonResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: "This file starts like JSON but isn't valid JSON, so it may be cut short. Export it again and choose the new file." };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== "object" || head === null || head.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      message: "This JSON file isn't a Shortlist export. Shortlist reads its own JSON exports, and CSV files from other trackers.",
    };
  }
  if (typeof head.version === "number" && head.version > EXPORT_VERSION) {
    return { ok: false, message: `This export was made by a newer Shortlist (format version ${head.version}). Update this Shortlist, then import it.` };
  }
  const parsed = exportDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `This Shortlist export has been changed or damaged: ${issue.path.join(".") || "the file"}: ${issue.message}` };
  }
  const document = parsed.data;
  const people = new Set(document.people.map((p) => p.id));
  const ids = new Set<string>();
  for (const a of document.applications) {
    for (const rowId of [a.id, ...a.rounds.map((r) => r.id), ...a.events.map((e) => e.id)]) {
      if (ids.has(rowId)) return { ok: false, message: `This Shortlist export has been changed or damaged: the id ${rowId} is used twice.` };
      ids.add(rowId);
    }
    const missing = a.rounds.flatMap((r) => r.people).find((p) => !people.has(p));
    if (missing) return { ok: false, message: `This Shortlist export has been changed or damaged: a round names a person (${missing}) the file doesn't list.` };
    // Shortlist keeps one of each per round and per application; a repeat would fail the import's insert after the preview said yes.
    const repeated = a.rounds.find((r) => new Set(r.signals.map((x) => x.signal)).size !== r.signals.length);
    if (repeated) return { ok: false, message: `This Shortlist export has been changed or damaged: round ${repeated.id} lists a signal twice.` };
    if (new Set(a.steps.map((x) => x.key)).size !== a.steps.length) {
      return { ok: false, message: `This Shortlist export has been changed or damaged: application ${a.id} lists a next step twice.` };
    }
  }
  return { ok: true, document };
}
