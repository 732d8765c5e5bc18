import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { accessTokens, applications, documentAttachments, documents, documentVersions, events, interviewers, rounds, sessions, undoRecords } from "@/db/schema";

export type OwnedKind = "application" | "round" | "event" | "session" | "interviewer" | "undo" | "access-token" | "document" | "document-version" | "attachment";

const TABLES = {
  application: { table: applications, id: applications.id, owner: applications.userId },
  round: { table: rounds, id: rounds.id, owner: rounds.userId },
  event: { table: events, id: events.id, owner: events.userId },
  session: { table: sessions, id: sessions.id, owner: sessions.userId },
  interviewer: { table: interviewers, id: interviewers.id, owner: interviewers.userId },
  undo: { table: undoRecords, id: undoRecords.id, owner: undoRecords.userId },
  "access-token": { table: accessTokens, id: accessTokens.id, owner: accessTokens.userId },
  document: { table: documents, id: documents.id, owner: documents.userId },
  "document-version": { table: documentVersions, id: documentVersions.id, owner: documentVersions.userId },
  attachment: { table: documentAttachments, id: documentAttachments.id, owner: documentAttachments.userId },
} as const;

/**
 * Whose a record is, whoever asks: the one query here not scoped by the
 * asking user, on purpose. It only decides whether a 404 that was already
 * given was a reach for someone else's record, for the security log; nothing
 * it reads goes back to the asker.
 */
export async function ownerOf(db: Db, { kind, id }: { kind: OwnedKind; id: string }): Promise<string | undefined> {
  const { table, id: idColumn, owner } = TABLES[kind];
  const [row] = await db.select({ owner }).from(table).where(eq(idColumn, id)).limit(1);
  return row?.owner;
}
