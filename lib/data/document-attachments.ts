import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications, documentAttachments, documents, documentVersions, rounds, type DocumentKind } from "@/db/schema";
import { write } from "@/db/write";
import { versionLabel, type VersionChoice } from "@/lib/documents/choices";
import type { ApplicationInput } from "@/lib/validation/application";
import { createApplication, type ApplicationView } from "./applications";
import { ownedApplication } from "./ownership";

export type AttachmentView = {
  id: string;
  roundId: string | null;
  versionId: string;
  documentName: string;
  kind: DocumentKind;
  number: number;
  fileName: string;
  mediaType: string;
  size: number;
};

const attachmentColumns = {
  id: documentAttachments.id,
  roundId: documentAttachments.roundId,
  versionId: documentAttachments.versionId,
  documentName: documents.name,
  kind: documents.kind,
  number: documentVersions.number,
  fileName: documentVersions.fileName,
  mediaType: documentVersions.mediaType,
  size: documentVersions.size,
};

/** What was sent with the application and shown at its rounds, in the order attached. */
export async function attachmentsOf(db: Db, { userId, applicationId }: { userId: string; applicationId: string }): Promise<AttachmentView[]> {
  return db
    .select(attachmentColumns)
    .from(documentAttachments)
    .innerJoin(documentVersions, and(eq(documentVersions.id, documentAttachments.versionId), eq(documentVersions.userId, userId)))
    .innerJoin(documents, and(eq(documents.id, documentVersions.documentId), eq(documents.userId, userId)))
    .where(and(eq(documentAttachments.userId, userId), eq(documentAttachments.applicationId, applicationId)))
    .orderBy(asc(documentAttachments.createdAt), asc(documentAttachments.id));
}

/**
 * Files `versionId` with the user's application, or with one of its rounds.
 * Undefined when the version, the application or the round isn't theirs (or
 * the round isn't that application's). Attaching the same version to the
 * same place twice keeps the one attachment.
 */
export async function attachVersion(
  db: Db,
  { userId, versionId, applicationId, roundId, now }: { userId: string; versionId: string; applicationId: string; roundId: string | null; now: Date },
): Promise<string | undefined> {
  return write(db, { userId }, async (tx) => {
    const [version] = await tx.select({ id: documentVersions.id }).from(documentVersions).where(and(eq(documentVersions.id, versionId), eq(documentVersions.userId, userId))).limit(1);
    const [application] = await tx.select({ id: applications.id }).from(applications).where(ownedApplication(userId, applicationId)).limit(1);
    if (!version || !application) return undefined;
    if (roundId) {
      const [round] = await tx.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.userId, userId), eq(rounds.applicationId, applicationId))).limit(1);
      if (!round) return undefined;
    }
    const place = and(
      eq(documentAttachments.userId, userId),
      eq(documentAttachments.applicationId, applicationId),
      eq(documentAttachments.versionId, versionId),
      roundId ? eq(documentAttachments.roundId, roundId) : isNull(documentAttachments.roundId),
    );
    const [existing] = await tx.select({ id: documentAttachments.id }).from(documentAttachments).where(place).limit(1);
    if (existing) return existing.id;
    const [row] = await tx.insert(documentAttachments).values({ userId, versionId, applicationId, roundId, createdAt: now }).returning({ id: documentAttachments.id });
    return row.id;
  });
}

/** Takes an attachment off its application or round (the file stays in the library); false when it isn't the user's. */
export async function detachDocument(db: Db, { userId, attachmentId }: { userId: string; attachmentId: string }): Promise<{ applicationId: string } | undefined> {
  return write(db, { userId }, async (tx) => {
    const [gone] = await tx
      .delete(documentAttachments)
      .where(and(eq(documentAttachments.id, attachmentId), eq(documentAttachments.userId, userId)))
      .returning({ applicationId: documentAttachments.applicationId });
    return gone;
  });
}

/** Every version the user could attach, by document name and newest version first, named as the page shows them ("CV — v4"). */
export async function versionChoices(db: Db, { userId }: { userId: string }): Promise<VersionChoice[]> {
  const rows = await db
    .select({ versionId: documentVersions.id, name: documents.name, kind: documents.kind, number: documentVersions.number, fileName: documentVersions.fileName })
    .from(documentVersions)
    .innerJoin(documents, and(eq(documents.id, documentVersions.documentId), eq(documents.userId, userId)))
    .where(eq(documentVersions.userId, userId))
    .orderBy(asc(documents.name), asc(documents.id), desc(documentVersions.number));
  return rows.map((r) => ({ versionId: r.versionId, kind: r.kind, label: versionLabel(r) }));
}


/** CV versions attached to applications (not to rounds), for the analytics: one row per application and version. */
export async function cvAttachments(db: Db, { userId }: { userId: string }) {
  return db
    .selectDistinct({ applicationId: documentAttachments.applicationId, versionId: documentVersions.id, name: documents.name, number: documentVersions.number })
    .from(documentAttachments)
    .innerJoin(documentVersions, and(eq(documentVersions.id, documentAttachments.versionId), eq(documentVersions.userId, userId)))
    .innerJoin(documents, and(eq(documents.id, documentVersions.documentId), eq(documents.userId, userId)))
    .where(and(eq(documentAttachments.userId, userId), isNull(documentAttachments.roundId), inArray(documents.kind, ["cv"])))
    // By selected columns only: Postgres refuses a DISTINCT ordered by anything else.
    .orderBy(asc(documentAttachments.applicationId), asc(documentVersions.id));
}

/** Thrown inside the write to roll the new application back when its document isn't the user's. */
class ForeignVersion extends Error {}

/**
 * A new application with the document version sent with it, in one
 * transaction: if the version isn't the user's, nothing is saved and the
 * answer is undefined.
 */
export async function createApplicationWithDocument(
  db: Db,
  { userId, input, versionId, now }: { userId: string; input: ApplicationInput; versionId: string; now: Date },
): Promise<ApplicationView | undefined> {
  try {
    return await write(db, { userId }, async (tx) => {
      const created = await createApplication(tx, { userId, input });
      if (!(await attachVersion(tx, { userId, versionId, applicationId: created.id, roundId: null, now }))) throw new ForeignVersion();
      return created;
    });
  } catch (error) {
    if (error instanceof ForeignVersion) return undefined;
    throw error;
  }
}
