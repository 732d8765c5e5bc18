import type Database from "better-sqlite3";
import { openDatabase, type Db } from "@/db/open";
import type { EventKind } from "@/db/schema";
import { logEvent } from "@/lib/data/events";
import type { EventInput } from "@/lib/validation/event";
import type { RoundInput } from "@/lib/validation/round";
import { makeUser } from "./db";

/** Like testDb(), but also hands back the raw SQLite handle for counting rows. */
export function testDbWithSqlite() {
  return openDatabase(":memory:");
}

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
export function countRows(sqlite: Database.Database, table: ChildTable | "applications", userId?: string): number {
  const sql = `select count(*) as n from ${table}${userId ? " where user_id = ?" : ""}`;
  const row = (userId ? sqlite.prepare(sql).get(userId) : sqlite.prepare(sql).get()) as { n: number };
  return row.n;
}

/** Row counts of every round- and event-related table for one user. */
export function countsFor(sqlite: Database.Database, userId: string): Record<ChildTable, number> {
  return Object.fromEntries(CHILD_TABLES.map((t) => [t, countRows(sqlite, t, userId)])) as Record<ChildTable, number>;
}

/** Every column of one row, straight from SQLite, for "left unchanged" checks. */
export function rawRow(sqlite: Database.Database, table: "rounds" | "events" | "applications", id: string): unknown {
  return sqlite.prepare(`select * from ${table} where id = ?`).get(id);
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

/** A fresh database with two accounts, Ana and Ben, and the raw handle. */
export async function twoUsers() {
  const { db, sqlite } = testDbWithSqlite();
  const ana = await makeUser(db, "ana@example.com");
  const ben = await makeUser(db, "ben@example.com");
  return { db, sqlite, ana, ben };
}

/** Logs an event that must be accepted, and returns its id. */
export async function logOk(db: Db, userId: string, applicationId: string, input: EventInput): Promise<string> {
  const result = await logEvent(db, { userId, applicationId, input });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.id;
}

/** What the application's status was before the event moved it, straight from SQLite. */
export function statusBeforeOf(sqlite: Database.Database, eventId: string): string | null | undefined {
  const row = sqlite.prepare("select status_before as s from events where id = ?").get(eventId) as { s: string | null } | undefined;
  return row?.s;
}
