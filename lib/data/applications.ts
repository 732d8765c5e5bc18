import "server-only";
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import { insertionOrder } from "@/db/dialect";
import type { Db } from "@/db/open";
import { applications, events, rounds, type Application, type ApplicationStatus, type EventKind } from "@/db/schema";
import type { ApplicationInput } from "@/lib/validation/application";
import type { RoundInput } from "@/lib/validation/round";
import { pruneContacts } from "./interviewers";
import { insertRound } from "./rounds";
import { write } from "@/db/write";
import { ownedApplication } from "./ownership";

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
export async function listApplications(db: Db, { userId, filter = {} }: { userId: string; filter?: ApplicationFilter }): Promise<ApplicationView[]> {
  const query = db
    .select(publicColumns)
    .from(applications)
    .where(and(eq(applications.userId, userId), filter.includeArchived ? undefined : isNull(applications.archivedAt)))
    .orderBy(desc(applications.updatedAt), asc(applications.id))
    .$dynamic();
  return filter.limit === undefined ? await query : await query.limit(filter.limit);
}

export async function getApplication(db: Db, { userId, id }: { userId: string; id: string }): Promise<ApplicationView | undefined> {
  const [row] = await db.select(publicColumns).from(applications).where(ownedApplication(userId, id)).limit(1);
  return row;
}

export async function createApplication(db: Db, { userId, input }: { userId: string; input: ApplicationInput }): Promise<ApplicationView> {
  return write(db, { userId }, async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({ ...toRow(input), userId })
      .returning(publicColumns);
    return row;
  });
}

/** Returns false when no application with that id belongs to the user. */
export async function updateApplication(db: Db, { userId, id, input }: { userId: string; id: string; input: ApplicationInput }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const updated = await tx
      .update(applications)
      .set({ ...toRow(input), updatedAt: new Date() })
      .where(ownedApplication(userId, id))
      .returning({ id: applications.id });
    return updated.length === 1;
  });
}

export async function setArchived(db: Db, { userId, id, archived }: { userId: string; id: string; archived: boolean }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const updated = await tx
      .update(applications)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(ownedApplication(userId, id))
      .returning({ id: applications.id });
    return updated.length === 1;
  });
}

/** Deletes the application with everything logged on it, and the contacts only it mentioned. Returns false when it is not the user's. */
export async function deleteApplication(db: Db, { userId, id }: { userId: string; id: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const deleted = (await tx.delete(applications).where(ownedApplication(userId, id)).returning({ id: applications.id })).length === 1;
    if (deleted) await pruneContacts(tx, { userId });
    return deleted;
  });
}

export async function countApplications(db: Db, { userId }: { userId: string }): Promise<{ total: number; archived: number }> {
  const [row] = await db
    // count(column) counts the rows where it is not null: the archived ones.
    .select({ total: count(), archived: count(applications.archivedAt) })
    .from(applications)
    .where(eq(applications.userId, userId));
  return { total: row?.total ?? 0, archived: row?.archived ?? 0 };
}

/** Active (not archived) applications per status. */
export async function countByStatus(db: Db, { userId }: { userId: string }): Promise<Partial<Record<ApplicationStatus, number>>> {
  const rows = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNull(applications.archivedAt)))
    .groupBy(applications.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export type ApplicationCounts = { total: number; archived: number; byStatus: Partial<Record<ApplicationStatus, number>> };

/**
 * countApplications and countByStatus in one pass over the user's rows, read
 * from the (user, status, archived) index alone: the dashboard needs both.
 */
export async function applicationCounts(db: Db, { userId }: { userId: string }): Promise<ApplicationCounts> {
  const rows = await db
    .select({ status: applications.status, n: count(), archived: count(applications.archivedAt) })
    .from(applications)
    .where(eq(applications.userId, userId))
    .groupBy(applications.status);
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
 * last. That tie-break is the insertion order (SQLite's rowid, which the
 * (user, updated) index holds in order), so five are read, not all of them sorted.
 */
export async function recentApplications(db: Db, { userId, limit }: { userId: string; limit: number }) {
  return await db
    .select({ id: applications.id, company: applications.company, roleTitle: applications.roleTitle, status: applications.status })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNull(applications.archivedAt)))
    .orderBy(desc(applications.updatedAt), desc(insertionOrder(applications)))
    .limit(limit);
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
export async function insertApplications(
  db: Db,
  {
    userId,
    rows,
    onProgress,
  }: {
    userId: string;
    rows: ApplicationWithHistory[];
    onProgress?: (done: number, total: number) => void;
  },
): Promise<number> {
  await write(db, { userId }, async (tx) => {
    for (const [i, row] of rows.entries()) {
      const [application] = await tx
        .insert(applications)
        .values({
          ...toRow(row),
          userId,
          archivedAt: row.archived ? new Date() : null,
          ...(row.createdAt ? { createdAt: row.createdAt } : {}),
          ...(row.updatedAt ? { updatedAt: row.updatedAt } : {}),
        })
        .returning({ id: applications.id, company: applications.company });
      for (const round of row.rounds ?? []) {
        const id = await insertRound(tx, { userId, application, input: round });
        if (round.loggedAt) await tx.update(rounds).set({ createdAt: round.loggedAt }).where(and(eq(rounds.id, id), eq(rounds.userId, userId)));
      }
      for (const event of row.events ?? []) {
        await tx.insert(events).values({
          userId,
          applicationId: application.id,
          kind: event.kind,
          occurredAt: event.occurredAt,
          note: event.note ?? null,
          ...(event.loggedAt ? { createdAt: event.loggedAt } : {}),
        });
      }
      onProgress?.(i + 1, rows.length);
    }
  });
  return rows.length;
}
