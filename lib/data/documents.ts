import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, max, sum } from "drizzle-orm";
import type { Db } from "@/db/open";
import { documents, documentVersions, type DocumentKind } from "@/db/schema";
import { write, type Tx } from "@/db/write";
import { FILE_TYPES, type FileType } from "@/lib/documents/file-type";

/** A file already checked (type from its bytes, name, size) and ready to keep. */
export type CheckedFile = { fileName: string; type: FileType; bytes: Buffer };

export type VersionView = { id: string; number: number; fileName: string; mediaType: string; size: number; createdAt: Date };
export type DocumentView = { id: string; kind: DocumentKind; name: string; createdAt: Date; versions: VersionView[] };

export type SaveOutcome = { ok: true; documentId: string; versionId: string; number: number } | { ok: false; reason: "quota"; used: number } | { ok: false; reason: "missing" };

const versionColumns = {
  id: documentVersions.id,
  number: documentVersions.number,
  fileName: documentVersions.fileName,
  mediaType: documentVersions.mediaType,
  size: documentVersions.size,
  createdAt: documentVersions.createdAt,
};

/** Bytes the user's files take, summed from the sizes kept beside them (no file is read). */
export async function documentBytesUsed(db: Db, { userId }: { userId: string }): Promise<number> {
  const [row] = await db.select({ used: sum(documentVersions.size) }).from(documentVersions).where(eq(documentVersions.userId, userId));
  return Number(row?.used ?? 0);
}

async function insertVersion(tx: Tx, { userId, documentId, number, file, now }: { userId: string; documentId: string; number: number; file: CheckedFile; now: Date }) {
  const [row] = await tx
    .insert(documentVersions)
    .values({
      userId,
      documentId,
      number,
      fileName: file.fileName,
      mediaType: FILE_TYPES[file.type].mediaType,
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      content: file.bytes,
      createdAt: now,
    })
    .returning({ id: documentVersions.id });
  return row.id;
}

/**
 * A new document with its first version, or a new version of one of the
 * user's documents (`documentId`), in one transaction. The quota is checked
 * inside it, so two uploads at once cannot both squeeze into the last room.
 */
export async function saveDocumentFile(
  db: Db,
  args: { userId: string; file: CheckedFile; quotaBytes: number; now: Date } & ({ documentId: string } | { kind: DocumentKind; name: string }),
): Promise<SaveOutcome> {
  const { userId, file, quotaBytes, now } = args;
  return write(db, { userId }, async (tx) => {
    const used = await documentBytesUsed(tx, { userId });
    if (used + file.bytes.length > quotaBytes) return { ok: false, reason: "quota", used };
    if ("documentId" in args) {
      const [owned] = await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.id, args.documentId), eq(documents.userId, userId))).limit(1);
      if (!owned) return { ok: false, reason: "missing" };
      const [{ last }] = await tx.select({ last: max(documentVersions.number) }).from(documentVersions).where(eq(documentVersions.documentId, owned.id));
      const number = (last ?? 0) + 1;
      const versionId = await insertVersion(tx, { userId, documentId: owned.id, number, file, now });
      return { ok: true, documentId: owned.id, versionId, number };
    }
    const [doc] = await tx.insert(documents).values({ userId, kind: args.kind, name: args.name, createdAt: now }).returning({ id: documents.id });
    const versionId = await insertVersion(tx, { userId, documentId: doc.id, number: 1, file, now });
    return { ok: true, documentId: doc.id, versionId, number: 1 };
  });
}

/** The user's documents, newest first, each with its versions (newest first); no file is read. */
export async function listDocuments(db: Db, { userId }: { userId: string }): Promise<DocumentView[]> {
  const docs = await db
    .select({ id: documents.id, kind: documents.kind, name: documents.name, createdAt: documents.createdAt })
    .from(documents)
    .where(eq(documents.userId, userId))
    .orderBy(desc(documents.createdAt), asc(documents.id));
  const versions = await db
    .select({ ...versionColumns, documentId: documentVersions.documentId })
    .from(documentVersions)
    .where(eq(documentVersions.userId, userId))
    .orderBy(desc(documentVersions.number));
  return docs.map((d) => ({ ...d, versions: versions.filter((v) => v.documentId === d.id).map(({ documentId, ...v }) => (void documentId, v)) }));
}

export type StoredFile = { fileName: string; mediaType: string; size: number; content: Buffer };

/** One of the user's files with its bytes, for a download; undefined for someone else's and a missing one alike. */
export async function readDocumentFile(db: Db, { userId, versionId }: { userId: string; versionId: string }): Promise<StoredFile | undefined> {
  const [row] = await db
    .select({ fileName: documentVersions.fileName, mediaType: documentVersions.mediaType, size: documentVersions.size, content: documentVersions.content })
    .from(documentVersions)
    .where(and(eq(documentVersions.id, versionId), eq(documentVersions.userId, userId)))
    .limit(1);
  return row;
}

/** Deletes one of the user's documents with every version and attachment; false when it isn't theirs. */
export async function deleteDocument(db: Db, { userId, documentId }: { userId: string; documentId: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const gone = await tx.delete(documents).where(and(eq(documents.id, documentId), eq(documents.userId, userId))).returning({ id: documents.id });
    return gone.length > 0;
  });
}
