import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { documentAttachments, documents, documentVersions } from "@/db/schema";
import { zipFilePath, type ExportDocumentJson } from "@/lib/export/document";
import { groupBy } from "@/lib/group-by";

type LibraryJson = NonNullable<ExportDocumentJson["documents"]>;

/** The document library as the export lists it: documents, their versions (no bytes) and where each was sent. */
export async function readLibrary(db: Db, { userId }: { userId: string }): Promise<LibraryJson> {
  const docs = await db.select({ id: documents.id, kind: documents.kind, name: documents.name, createdAt: documents.createdAt }).from(documents).where(eq(documents.userId, userId)).orderBy(asc(documents.createdAt), asc(documents.id));
  const versions = await db
    .select({
      id: documentVersions.id,
      documentId: documentVersions.documentId,
      number: documentVersions.number,
      fileName: documentVersions.fileName,
      mediaType: documentVersions.mediaType,
      size: documentVersions.size,
      sha256: documentVersions.sha256,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .where(eq(documentVersions.userId, userId))
    .orderBy(asc(documentVersions.number), asc(documentVersions.id));
  const attached = await db
    .select({ versionId: documentAttachments.versionId, applicationId: documentAttachments.applicationId, roundId: documentAttachments.roundId, createdAt: documentAttachments.createdAt, documentId: documentVersions.documentId })
    .from(documentAttachments)
    .innerJoin(documentVersions, and(eq(documentVersions.id, documentAttachments.versionId), eq(documentVersions.userId, userId)))
    .where(eq(documentAttachments.userId, userId))
    .orderBy(asc(documentAttachments.createdAt), asc(documentAttachments.id));
  const versionsOf = groupBy(versions, (v) => v.documentId);
  const attachedTo = groupBy(attached, (a) => a.documentId);
  return docs.map((d) => ({
    id: d.id,
    kind: d.kind,
    name: d.name,
    createdAt: d.createdAt.toISOString(),
    versions: (versionsOf.get(d.id) ?? []).map((v) => ({
      id: v.id,
      number: v.number,
      fileName: v.fileName,
      mediaType: v.mediaType,
      size: v.size,
      sha256: v.sha256,
      path: zipFilePath(v.id, v.fileName),
      createdAt: v.createdAt.toISOString(),
    })),
    attachments: (attachedTo.get(d.id) ?? []).map((a) => ({ versionId: a.versionId, applicationId: a.applicationId, roundId: a.roundId, createdAt: a.createdAt.toISOString() })),
  }));
}

/** The bytes of one of the user's versions, for a ZIP export; undefined if it was deleted meanwhile. */
export async function versionBytes(db: Db, { userId, versionId }: { userId: string; versionId: string }): Promise<Buffer | undefined> {
  const [row] = await db.select({ content: documentVersions.content }).from(documentVersions).where(and(eq(documentVersions.id, versionId), eq(documentVersions.userId, userId))).limit(1);
  return row?.content;
}
