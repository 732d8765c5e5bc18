import { unzipSync } from "fflate";
import { ZIP_JSON_ENTRY } from "@/lib/export/document";
import { MAX_ZIP_IMPORT_BYTES } from "./limits";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/** `ours: false`: not a ZIP export at all (a workbook, any other archive, a damaged file), for the usual checks to name. */
export type OpenedZip = { ok: true; json: Uint8Array; files: Record<string, Uint8Array> } | { ok: false; ours: boolean; message: string };

const NOT_OURS = "This ZIP isn't a Shortlist export: it has no shortlist-export.json.";

/**
 * The JSON and the files of a ZIP made by "Download everything". Only its
 * own entries are inflated, and only while their declared sizes stay within
 * what an export may hold, so a ZIP bomb is refused before it expands.
 */
export function openExportZip(bytes: Uint8Array): OpenedZip {
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== ZIP_JSON_ENTRY && !f.name.startsWith("files/")) return false;
        declared += f.originalSize;
        return declared <= MAX_ZIP_IMPORT_BYTES;
      },
    });
  } catch {
    return { ok: false, ours: false, message: "This ZIP file is damaged or incomplete." };
  }
  if (declared > MAX_ZIP_IMPORT_BYTES) return { ok: false, ours: true, message: "This ZIP expands to more than a Shortlist export can hold. Download everything again and choose the new file." };
  const json = entries[ZIP_JSON_ENTRY];
  if (!json) return { ok: false, ours: false, message: NOT_OURS };
  const files = Object.fromEntries(Object.entries(entries).filter(([name]) => name !== ZIP_JSON_ENTRY));
  return { ok: true, json, files };
}
