import "server-only";
import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { inList } from "@/db/dialect";
import type { Db } from "@/db/open";
import type { Tx } from "@/db/write";
import {
  applications,
  applicationVersions,
  customSignals,
  events,
  guidanceSteps,
  interviewers,
  roundInterviewers,
  rounds,
  roundSignals,
} from "@/db/schema";
import { ownedApplication } from "../ownership";

/**
 * Applications with everything stored under them, as the raw rows SQLite
 * holds (integers for times, 0/1 for booleans) under their column names, so
 * putting them back is exact whatever the column's mode. People are kept
 * too: deleting an application prunes the people only it mentioned.
 */
export type Row = Record<string, string | number | null>;
export type Snapshot = {
  applications: Row[];
  rounds: Row[];
  roundSignals: Row[];
  customSignals: Row[];
  roundInterviewers: Row[];
  interviewers: Row[];
  events: Row[];
  guidanceSteps: Row[];
};

type SnapshotTable =
  | typeof applications
  | typeof rounds
  | typeof roundSignals
  | typeof customSignals
  | typeof roundInterviewers
  | typeof interviewers
  | typeof events
  | typeof guidanceSteps;

/** Every column under its name in the database, as stored: a bare `sql` value is not mapped to a Date or a boolean. */
function storedColumns(table: SnapshotTable): Record<string, SQL<Row[string]>> {
  return Object.fromEntries(Object.values(getTableColumns(table)).map((column) => [column.name, sql<Row[string]>`${column}`]));
}

async function rowsWhere(tx: Db, { table, where }: { table: SnapshotTable; where: SQL | undefined }): Promise<Row[]> {
  return await tx.select(storedColumns(table)).from(table).where(where);
}

/** Every row of these applications of this user; another user's ids find nothing. */
export async function takeSnapshot(tx: Db, { userId, ids }: { userId: string; ids: readonly string[] }): Promise<Snapshot> {
  const ofApplications = (table: typeof rounds | typeof events | typeof guidanceSteps) =>
    and(eq(table.userId, userId), inList(table.applicationId, ids));
  const theirRounds = tx.select({ id: rounds.id }).from(rounds).where(ofApplications(rounds));
  const ofRounds = (table: typeof roundSignals | typeof customSignals | typeof roundInterviewers) =>
    and(eq(table.userId, userId), inArray(table.roundId, theirRounds));
  // One after another: inside a write they share its connection.
  const links = await rowsWhere(tx, { table: roundInterviewers, where: ofRounds(roundInterviewers) });
  const people = [...new Set(links.map((r) => String(r.interviewer_id)))];
  return {
    applications: await rowsWhere(tx, { table: applications, where: and(eq(applications.userId, userId), inList(applications.id, ids)) }),
    rounds: await rowsWhere(tx, { table: rounds, where: ofApplications(rounds) }),
    roundSignals: await rowsWhere(tx, { table: roundSignals, where: ofRounds(roundSignals) }),
    customSignals: await rowsWhere(tx, { table: customSignals, where: ofRounds(customSignals) }),
    roundInterviewers: links,
    interviewers: await rowsWhere(tx, { table: interviewers, where: and(eq(interviewers.userId, userId), inList(interviewers.id, people)) }),
    events: await rowsWhere(tx, { table: events, where: ofApplications(events) }),
    guidanceSteps: await rowsWhere(tx, { table: guidanceSteps, where: ofApplications(guidanceSteps) }),
  };
}

/**
 * Inserts rows as the snapshot holds them: each value bound as stored,
 * past the column's mapping. Only the table's own columns are written (their
 * names come from the schema, never from the record).
 */
async function insertRows<T extends SnapshotTable>(
  tx: Tx,
  { table, rows, ignoreConflicts = false }: { table: T; rows: readonly Row[]; ignoreConflicts?: boolean },
): Promise<void> {
  // Not a column Postgres takes a value for (insertion_order: GENERATED ALWAYS): the row is added anew, as SQLite gives it a new rowid.
  const columns = Object.entries(getTableColumns(table)).filter(([, c]) => c.generatedIdentity?.type !== "always");
  for (const row of rows) {
    const values = Object.fromEntries(columns.filter(([, c]) => c.name in row).map(([key, c]) => [key, sql`${row[c.name]}`]));
    // Built column by column from the table's own columns, so the compiler cannot see its shape.
    const insert = tx.insert(table).values(values as unknown as T["$inferInsert"]);
    if (ignoreConflicts) await insert.onConflictDoNothing();
    else await insert;
  }
}

/**
 * Puts these applications back exactly as the snapshot holds them: their
 * current rows go (with everything under them) and the snapshot's come back,
 * under this user only. A person met in them who has since gone (a merge) is
 * found again by their match key, or their link is left out.
 */
export async function restoreSnapshot(tx: Tx, { userId, snapshot }: { userId: string; snapshot: Snapshot }): Promise<void> {
  const ids = snapshot.applications.map((a) => String(a.id));
  const mine = (rows: readonly Row[]) => rows.filter((r) => r.user_id === userId);
  await tx.delete(applications).where(and(eq(applications.userId, userId), inList(applications.id, ids)));
  await insertRows(tx, { table: interviewers, rows: mine(snapshot.interviewers), ignoreConflicts: true });
  const current = await tx.select({ id: interviewers.id, matchKey: interviewers.matchKey }).from(interviewers).where(eq(interviewers.userId, userId));
  const people = new Map(
    current.flatMap((p) => [
      [p.id, p.id],
      [`key:${p.matchKey}`, p.id],
    ]),
  );
  const matchKeys = new Map(snapshot.interviewers.map((p) => [String(p.id), `key:${String(p.match_key)}`]));
  const links = mine(snapshot.roundInterviewers).flatMap((link) => {
    const old = String(link.interviewer_id);
    const now = people.get(old) ?? people.get(matchKeys.get(old) ?? "");
    return now ? [{ ...link, interviewer_id: now }] : [];
  });
  await insertRows(tx, { table: applications, rows: mine(snapshot.applications) });
  await insertRows(tx, { table: rounds, rows: mine(snapshot.rounds) });
  await insertRows(tx, { table: roundSignals, rows: mine(snapshot.roundSignals) });
  await insertRows(tx, { table: customSignals, rows: mine(snapshot.customSignals) });
  await insertRows(tx, { table: roundInterviewers, rows: links, ignoreConflicts: true });
  await insertRows(tx, { table: events, rows: mine(snapshot.events) });
  await insertRows(tx, { table: guidanceSteps, rows: mine(snapshot.guidanceSteps) });
}

/** Each application's version now (null: it no longer exists), to tell whether it changed since. */
export async function versionsOf(tx: Db, { userId, ids }: { userId: string; ids: readonly string[] }): Promise<Record<string, number | null>> {
  const found = await tx
    .select({ applicationId: applicationVersions.applicationId, version: applicationVersions.version })
    .from(applicationVersions)
    .innerJoin(applications, ownedApplication(userId, applicationVersions.applicationId))
    .where(and(eq(applicationVersions.userId, userId), inList(applicationVersions.applicationId, ids)));
  const byId = new Map(found.map((v) => [v.applicationId, v.version]));
  return Object.fromEntries(ids.map((id) => [id, byId.get(id) ?? null]));
}
