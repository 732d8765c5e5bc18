import { sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import type { EventKind } from "@/db/schema";
import { logEvent } from "@/lib/data/events";
import type { EventInput } from "@/lib/validation/event";
import type { RoundInput } from "@/lib/validation/round";
import { makeUser, testDb } from "./db";
import { rawCount, rawGet } from "./raw-sql";

export const CHILD_TABLES = [
  "rounds",
  "round_signals",
  "custom_signals",
  "round_interviewers",
  "interviewers",
  "events",
] as const;
export type ChildTable = (typeof CHILD_TABLES)[number];

/** Rows in `table`, optionally only those owned by `userId`. */
export function countRows(db: Db, table: ChildTable | "applications", userId?: string): Promise<number> {
  return rawCount(db, table, userId ? sql`user_id = ${userId}` : undefined);
}

/** Row counts of every round- and event-related table for one user. */
export async function countsFor(db: Db, userId: string): Promise<Record<ChildTable, number>> {
  const counts = await Promise.all(CHILD_TABLES.map(async (t) => [t, await countRows(db, t, userId)]));
  return Object.fromEntries(counts) as Record<ChildTable, number>;
}

/** Every column of one row, straight from the database, for "left unchanged" checks. */
export function rawRow(db: Db, table: "rounds" | "events" | "applications", id: string): Promise<unknown> {
  return rawGet(db, sql`select * from ${sql.identifier(table)} where id = ${id}`);
}

/** A round already through validation: what the data layer receives. */
export const roundInput = (over: Partial<RoundInput> = {}): RoundInput => ({
  kind: "first",
  scheduledAt: new Date("2026-11-20T10:00:00Z"),
  outcome: "pending",
  noNextSteps: false,
  signals: [],
  customSignals: [],
  interviewerIds: [],
  newInterviewers: [],
  ...over,
});

export const eventInput = (kind: EventKind, occurredAt = "2026-11-21T09:00:00Z", note?: string): EventInput => ({
  kind,
  occurredAt: new Date(occurredAt),
  ...(note === undefined ? {} : { note }),
});

/** A fresh database with two accounts, Ana and Ben. */
export async function twoUsers() {
  const db = testDb();
  const ana = await makeUser(db, "ana@example.com");
  const ben = await makeUser(db, "ben@example.com");
  return { db, ana, ben };
}

/** Logs an event that must be accepted, and returns its id. */
export async function logOk(db: Db, userId: string, applicationId: string, input: EventInput): Promise<string> {
  const result = await logEvent(db, { userId, applicationId, input });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.id;
}

/** What the application's status was before the event moved it, straight from the database. */
export async function statusBeforeOf(db: Db, eventId: string): Promise<string | null | undefined> {
  const row = await rawGet<{ s: string | null }>(db, sql`select status_before as s from events where id = ${eventId}`);
  return row?.s;
}
