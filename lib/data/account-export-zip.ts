import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { Db } from "@/db/open";
import { ZIP_JSON_ENTRY, type ExportDocumentJson } from "@/lib/export/document";
import { exportJsonChunks } from "./account-export";
import { versionBytes } from "./library-export";

/**
 * "Download everything" as a ZIP: the JSON export, then each file of the
 * document library under the path the JSON names. Files are stored as they
 * are (PDF and DOCX are compressed already); the JSON is deflated. One file
 * is read from the database per pull, so the server holds one file at a
 * time however large the library, and a slow download slows the reads.
 */
export function zipExportStream(db: Db, { userId, document }: { userId: string; document: ExportDocumentJson }): ReadableStream<Uint8Array> {
  const files = (document.documents ?? []).flatMap((d) => d.versions.map((v) => ({ id: v.id, path: v.path })));
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      const json = new ZipDeflate(ZIP_JSON_ENTRY, { level: 6 });
      zip.add(json);
      const encoder = new TextEncoder();
      for (const piece of exportJsonChunks(document)) json.push(encoder.encode(piece));
      json.push(new Uint8Array(0), true);
    },
    async pull() {
      if (next >= files.length) {
        zip.end();
        return;
      }
      const file = files[next++];
      const bytes = await versionBytes(db, { userId, versionId: file.id });
      // A version deleted since the export was read is left out; the import skips what it lacks.
      if (!bytes) return;
      const entry = new ZipPassThrough(file.path);
      zip.add(entry);
      entry.push(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), true);
    },
  });
}
