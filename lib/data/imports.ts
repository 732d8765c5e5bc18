import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications, imports, type ImportRecord } from "@/db/schema";
import { write, type Tx } from "@/db/write";
import { knownKeys, splitDuplicates, type DuplicateFields } from "@/lib/import/duplicates";
import type { Candidate } from "@/lib/import/normalise";
import type { ImportPlan } from "@/lib/import/plan";
import { toRow } from "./applications";
import { insertImportedEvents } from "./events";
import { restoreApplications } from "./account-restore";
import { restoreLibrary } from "./library-restore";
import { documentQuotaBytes } from "@/lib/documents/limits";
import { insertRound } from "./rounds";

export type ImportProgress = (done: number, total: number) => void;

export type ImportOutcome = {
  /** Null when everything in the file was already there: nothing is written, not even a record of the import. */
  importId: string | null;
  added: number;
  duplicates: number;
  problems: number;
  at: Date;
  /** For a Shortlist export: whether its next-step timings were taken (only into an account with none of its own). */
  settingsRestored: boolean;
  /** For a ZIP export: document files restored, and those left out (missing, damaged, or past the quota). */
  filesRestored?: number;
  filesLeftOut?: number;
};

export type ImportView = Pick<ImportRecord, "id" | "format" | "fileName" | "added" | "duplicates" | "problems" | "createdAt">;

const importColumns = {
  id: imports.id,
  format: imports.format,
  fileName: imports.fileName,
  added: imports.added,
  duplicates: imports.duplicates,
  problems: imports.problems,
  createdAt: imports.createdAt,
};

/** What the user's applications are known by, for finding duplicates. */
export async function duplicateFieldsOf(db: Db, { userId }: { userId: string }): Promise<DuplicateFields[]> {
  return db
    .select({ company: applications.company, roleTitle: applications.roleTitle, appliedOn: applications.appliedOn, postingUrl: applications.postingUrl })
    .from(applications)
    .where(eq(applications.userId, userId));
}

const BATCH = 200;

/**
 * Writes an import all or nothing, in one transaction: duplicates are found
 * again inside it (so two imports of one file at once add it once), then
 * the record of the import, then every new application with its rounds,
 * people and events. A failure anywhere, the progress callback's included,
 * leaves the database as it was. `db` may be a worker's own connection.
 *
 * write() begins IMMEDIATE, which matters here: the page's worker and the
 * command line write on a connection of their own beside the server's. A deferred transaction that
 * reads first would fail with SQLITE_BUSY (no waiting) if another
 * connection wrote before its first insert; taking the write lock at the
 * start makes it wait its turn instead, then read what that write saved.
 */
export async function commitImport(
  db: Db,
  { userId, plan, now, onProgress }: { userId: string; plan: ImportPlan; now: Date; onProgress?: ImportProgress },
): Promise<ImportOutcome> {
  return write(db, { userId }, async (tx) => {
    const known = knownKeys(await duplicateFieldsOf(tx, { userId }));
    const outcome: ImportOutcome = { importId: null, added: 0, duplicates: 0, problems: plan.problems, at: now, settingsRestored: false };
    // The record of the import first: each new application names it.
    const record = async (added: number, duplicates: number) => {
      Object.assign(outcome, { added, duplicates });
      if (added === 0) return null;
      const [{ id }] = await tx
        .insert(imports)
        .values({ userId, format: plan.format, fileName: plan.fileName, fileHash: plan.fileHash, added, duplicates, problems: plan.problems, createdAt: now })
        .returning({ id: imports.id });
      outcome.importId = id;
      return id;
    };
    if (plan.kind === "rows") {
      const { fresh, duplicates } = splitDuplicates(plan.candidates, (c) => c.application, known);
      const importId = await record(fresh.length, duplicates.length);
      if (importId) await insertCandidates(tx, { userId, importId, candidates: fresh, now, onProgress });
    } else {
      const { fresh, duplicates } = splitDuplicates(plan.document.applications, (a) => a, known, { withinFile: false });
      const importId = await record(fresh.length, duplicates.length);
      if (importId) {
        const restored = await restoreApplications(tx, { userId, importId, importedAt: now, document: plan.document, applications: fresh, onProgress });
        outcome.settingsRestored = restored.settingsRestored;
        const library = await restoreLibrary(tx, { userId, documents: plan.document.documents ?? [], files: plan.files ?? {}, ids: restored.ids, quotaBytes: documentQuotaBytes() });
        outcome.filesRestored = library.restored;
        outcome.filesLeftOut = library.leftOut;
      }
    }
    return outcome;
  });
}

async function insertCandidates(
  tx: Tx,
  { userId, importId, candidates, now, onProgress }: { userId: string; importId: string; candidates: Candidate[]; now: Date; onProgress?: ImportProgress },
): Promise<void> {
  for (let start = 0; start < candidates.length; start += BATCH) {
    const batch = candidates.slice(start, start + BATCH).map((c) => ({ candidate: c, id: crypto.randomUUID() }));
    await tx
      .insert(applications)
      .values(
        batch.map(({ candidate: { application, archived, createdAt }, id }) => ({
          ...toRow(application),
          id,
          userId,
          importId,
          importedAt: now,
          archivedAt: archived ? now : null,
          createdAt: createdAt ?? now,
          updatedAt: now,
        })),
      );
    for (const { candidate, id } of batch) {
      for (const round of candidate.rounds) await insertRound(tx, { userId, application: { id, company: candidate.application.company }, input: round });
      await insertImportedEvents(tx, { userId, applicationId: id, list: candidate.events });
    }
    onProgress?.(Math.min(candidates.length, start + BATCH), candidates.length);
  }
}

/** The user's imports, newest first. */
export async function listImports(db: Db, { userId, limit = 20 }: { userId: string; limit?: number }): Promise<ImportView[]> {
  return db.select(importColumns).from(imports).where(eq(imports.userId, userId)).orderBy(desc(imports.createdAt), asc(imports.id)).limit(limit);
}

/** One of the user's imports; another user's id finds nothing. */
export async function getImport(db: Db, { userId, importId }: { userId: string; importId: string }): Promise<ImportView | undefined> {
  const [row] = await db.select(importColumns).from(imports).where(and(eq(imports.id, importId), eq(imports.userId, userId))).limit(1);
  return row;
}

/** The last time the user imported a file with these exact bytes, if ever. */
export async function findImportOfFile(db: Db, { userId, fileHash }: { userId: string; fileHash: string }): Promise<ImportView | undefined> {
  const [row] = await db
    .select(importColumns)
    .from(imports)
    .where(and(eq(imports.userId, userId), eq(imports.fileHash, fileHash)))
    .orderBy(desc(imports.createdAt), asc(imports.id))
    .limit(1);
  return row;
}
