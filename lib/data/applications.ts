import "server-only";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications, events, rounds, type Application, type ApplicationStatus, type EventKind } from "@/db/schema";
import type { ApplicationInput } from "@/lib/validation/application";
import type { RoundInput } from "@/lib/validation/round";
import { pruneContacts } from "./interviewers";
import { insertRound } from "./rounds";
import { write } from "./write";

/** The plain list: the dashboard's "recently updated" and the tests. Search, filters and pages live in application-list.ts. */
export type ApplicationFilter = {
  includeArchived?: boolean;
  limit?: number;
};

/** Columns as the user wrote them; the owner's id stays in the database. */
const publicColumns = {
  id: applications.id,
  company: applications.company,
  roleTitle: applications.roleTitle,
  location: applications.location,
  workMode: applications.workMode,
  postingUrl: applications.postingUrl,
  source: applications.source,
  salaryMin: applications.salaryMin,
  salaryMax: applications.salaryMax,
  salaryCurrency: applications.salaryCurrency,
  salaryPeriod: applications.salaryPeriod,
  status: applications.status,
  appliedOn: applications.appliedOn,
  excitement: applications.excitement,
  notes: applications.notes,
  archivedAt: applications.archivedAt,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
};
export type ApplicationView = Omit<Application, "userId" | "importId" | "importedAt">;

const owned = (userId: string, id: string) => and(eq(applications.id, id), eq(applications.userId, userId));

/** The columns a validated application fills; imports write the same ones. */
export function toRow(input: ApplicationInput) {
  // Absent optional fields are written as NULL so that clearing a field in
  // the edit form really clears it.
  return {
    company: input.company,
    roleTitle: input.roleTitle,
    location: input.location ?? null,
    workMode: input.workMode ?? null,
    postingUrl: input.postingUrl ?? null,
    source: input.source ?? null,
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    salaryCurrency: input.salaryCurrency ?? null,
    salaryPeriod: input.salaryPeriod ?? null,
    status: input.status,
    appliedOn: input.appliedOn ?? null,
    excitement: input.excitement ?? null,
    notes: input.notes ?? null,
  };
}

/** The user's applications, most recently updated first. */
export function listApplications(db: Db, userId: string, filter: ApplicationFilter = {}): ApplicationView[] {
  return db
    .select(publicColumns)
    .from(applications)
    .where(and(eq(applications.userId, userId), filter.includeArchived ? undefined : isNull(applications.archivedAt)))
    .orderBy(desc(applications.updatedAt), asc(applications.id))
    .limit(filter.limit ?? -1) // SQLite: -1 is no limit
    .all();
}

export function getApplication(db: Db, userId: string, id: string): ApplicationView | undefined {
  return db.select(publicColumns).from(applications).where(owned(userId, id)).get();
}

export function createApplication(db: Db, userId: string, input: ApplicationInput): ApplicationView {
  return write(db, (tx) =>
    tx
      .insert(applications)
      .values({ ...toRow(input), userId })
      .returning(publicColumns)
      .get(),
  );
}

/** Returns false when no application with that id belongs to the user. */
export function updateApplication(db: Db, userId: string, id: string, input: ApplicationInput): boolean {
  return write(db, (tx) => {
    const result = tx
      .update(applications)
      .set({ ...toRow(input), updatedAt: new Date() })
      .where(owned(userId, id))
      .run();
    return result.changes === 1;
  });
}

export function setArchived(db: Db, userId: string, id: string, archived: boolean): boolean {
  return write(db, (tx) => {
    const result = tx
      .update(applications)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(owned(userId, id))
      .run();
    return result.changes === 1;
  });
}

/** Deletes the application with everything logged on it, and the contacts only it mentioned. */
export function deleteApplication(db: Db, userId: string, id: string): boolean {
  return write(db, (tx) => {
    const deleted = tx.delete(applications).where(owned(userId, id)).run().changes === 1;
    if (deleted) pruneContacts(tx, userId);
    return deleted;
  });
}

export function countApplications(db: Db, userId: string): { total: number; archived: number } {
  const row = db
    .select({
      total: count(),
      archived: sql<number>`coalesce(sum(${applications.archivedAt} is not null), 0)`,
    })
    .from(applications)
    .where(eq(applications.userId, userId))
    .get();
  return { total: row?.total ?? 0, archived: Number(row?.archived ?? 0) };
}

/** Active (not archived) applications per status. */
export function countByStatus(db: Db, userId: string): Partial<Record<ApplicationStatus, number>> {
  const rows = db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNull(applications.archivedAt)))
    .groupBy(applications.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export type ApplicationCounts = { total: number; archived: number; byStatus: Partial<Record<ApplicationStatus, number>> };

/**
 * countApplications and countByStatus in one pass over the user's rows, read
 * from the (user, status, archived) index alone: the dashboard needs both.
 */
export function applicationCounts(db: Db, { userId }: { userId: string }): ApplicationCounts {
  const rows = db
    .select({ status: applications.status, n: count(), archived: count(applications.archivedAt) })
    .from(applications)
    .where(eq(applications.userId, userId))
    .groupBy(applications.status)
    .all();
  const counts: ApplicationCounts = { total: 0, archived: 0, byStatus: {} };
  for (const r of rows) {
    counts.total += r.n;
    counts.archived += r.archived;
    if (r.n > r.archived) counts.byStatus[r.status] = r.n - r.archived;
  }
  return counts;
}

/**
 * The few columns a short list of applications shows: the dashboard's
 * "recently updated", and of two updated in the same second the one added
 * last. That tie-break is the rowid, which the (user, updated) index holds
 * in order, so five are read, not all of them sorted.
 */
export function recentApplications(db: Db, { userId, limit }: { userId: string; limit: number }) {
  return db
    .select({ id: applications.id, company: applications.company, roleTitle: applications.roleTitle, status: applications.status })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNull(applications.archivedAt)))
    .orderBy(desc(applications.updatedAt), sql`${applications}.rowid desc`)
    .limit(limit)
    .all();
}

export type ApplicationWithHistory = ApplicationInput & {
  archived?: boolean;
  createdAt?: Date;
  updatedAt?: Date;
  /** `loggedAt`: when the fact reached Shortlist, if not now (a history kept up to date as it happened). */
  rounds?: (RoundInput & { loggedAt?: Date })[];
  events?: { kind: EventKind; occurredAt: Date; note?: string; loggedAt?: Date }[];
};

/**
 * Inserts many applications for one user, with their rounds and events, all
 * or none. The statuses are taken as given: history loaded in bulk already
 * says where each application stands.
 */
export function insertApplications(
  db: Db,
  userId: string,
  rows: ApplicationWithHistory[],
  onProgress?: (done: number, total: number) => void,
): number {
  write(db, (tx) => {
    rows.forEach((row, i) => {
      const application = tx
        .insert(applications)
        .values({
          ...toRow(row),
          userId,
          archivedAt: row.archived ? new Date() : null,
          ...(row.createdAt ? { createdAt: row.createdAt } : {}),
          ...(row.updatedAt ? { updatedAt: row.updatedAt } : {}),
        })
        .returning({ id: applications.id, company: applications.company })
        .get();
      for (const round of row.rounds ?? []) {
        const id = insertRound(tx, userId, application, round);
        if (round.loggedAt) tx.update(rounds).set({ createdAt: round.loggedAt }).where(eq(rounds.id, id)).run();
      }
      for (const event of row.events ?? []) {
        tx.insert(events)
          .values({ userId, applicationId: application.id, kind: event.kind, occurredAt: event.occurredAt, note: event.note ?? null, ...(event.loggedAt ? { createdAt: event.loggedAt } : {}) })
          .run();
      }
      onProgress?.(i + 1, rows.length);
    });
  });
  return rows.length;
}

