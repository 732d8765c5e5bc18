import "server-only";
import { createHash } from "node:crypto";
import { documentAttachments, documents, documentVersions } from "@/db/schema";
import type { Tx } from "@/db/write";
import { checkFileType, FILE_TYPES } from "@/lib/documents/file-type";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { MAX_FILE_NAME_CHARS, MAX_NAME_CHARS, nameProblem } from "@/lib/documents/names";
import type { ExportedDocument } from "@/lib/export/document";
import { documentBytesUsed } from "./documents";

type Args = {
  userId: string;
  documents: readonly ExportedDocument[];
  /** The ZIP's files by path; a JSON-only import has none. */
  files: Readonly<Record<string, Uint8Array>>;
  /** The export's application and round ids mapped to the new ones (restoreApplications). */
  ids: ReadonlyMap<string, string>;
  quotaBytes: number;
};

/**
 * The export's document library, inside the import's transaction. A file
 * is kept only when its bytes are there, match the size and SHA-256 the
 * JSON gives, are a type the library takes, and fit the account's quota;
 * a document none of whose files is kept is left out. Attachments follow
 * their application and round to the new ids; one whose application was
 * not imported (a duplicate) is dropped.
 */
export async function restoreLibrary(tx: Tx, { userId, documents: list, files, ids, quotaBytes }: Args): Promise<{ restored: number; leftOut: number }> {
  let used = await documentBytesUsed(tx, { userId });
  let restored = 0;
  let leftOut = 0;
  for (const doc of list) {
    const kept = doc.versions.flatMap((v) => {
      const bytes = files[v.path];
      const fits = bytes && bytes.length === v.size && v.size <= MAX_DOCUMENT_BYTES && used + v.size <= quotaBytes;
      const intact = fits && createHash("sha256").update(bytes).digest("hex") === v.sha256 && !nameProblem(v.fileName, "name", MAX_FILE_NAME_CHARS);
      const type = intact ? checkFileType(bytes, v.fileName) : null;
      if (!type?.ok) {
        leftOut += 1;
        return [];
      }
      used += v.size;
      return [{ ...v, bytes: Buffer.from(bytes), type: type.type }];
    });
    if (kept.length === 0 || nameProblem(doc.name, "name", MAX_NAME_CHARS)) continue;
    const [row] = await tx.insert(documents).values({ userId, kind: doc.kind, name: doc.name, createdAt: doc.createdAt }).returning({ id: documents.id });
    const versionIds = new Map<string, string>();
    for (const v of kept) {
      const [inserted] = await tx
        .insert(documentVersions)
        .values({ userId, documentId: row.id, number: v.number, fileName: v.fileName, mediaType: FILE_TYPES[v.type].mediaType, size: v.size, sha256: v.sha256, content: v.bytes, createdAt: v.createdAt })
        .returning({ id: documentVersions.id });
      versionIds.set(v.id, inserted.id);
      restored += 1;
    }
    const attachments = doc.attachments.flatMap((a) => {
      const versionId = versionIds.get(a.versionId);
      const applicationId = ids.get(a.applicationId);
      const roundId = a.roundId === null ? null : ids.get(a.roundId);
      return versionId && applicationId && roundId !== undefined ? [{ userId, versionId, applicationId, roundId, createdAt: a.createdAt }] : [];
    });
    if (attachments.length) await tx.insert(documentAttachments).values(attachments);
  }
  return { restored, leftOut };
}
