import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { WriteTx } from "../write";

/**
 * Applications with everything stored under them, as the raw rows SQLite
 * holds (integers for times, 0/1 for booleans), so putting them back is
 * exact whatever the column's mode. People are kept too: deleting an
 * application prunes the people only it mentioned.
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

// One JSON parameter whatever the number of ids: clear of SQLite's variable limit.
const among = (ids: readonly string[]) => sql`(select value from json_each(${JSON.stringify(ids)}))`;

function roundsOf(userId: string, ids: readonly string[]): SQL {
  return sql`(select id from rounds where user_id = ${userId} and application_id in ${among(ids)})`;
}

function rowsWhere(tx: Queryable, table: string, where: SQL): Row[] {
  return tx.all<Row>(sql`select * from ${sql.identifier(table)} where ${where}`);
}

/** Every row of these applications of this user; another user's ids find nothing. */
export function takeSnapshot(tx: Queryable, userId: string, ids: readonly string[]): Snapshot {
  const owned = sql`user_id = ${userId} and application_id in ${among(ids)}`;
  const ofRounds = sql`user_id = ${userId} and round_id in ${roundsOf(userId, ids)}`;
  const roundInterviewers = rowsWhere(tx, "round_interviewers", ofRounds);
  const people = [...new Set(roundInterviewers.map((r) => String(r.interviewer_id)))];
  return {
    applications: rowsWhere(tx, "applications", sql`user_id = ${userId} and id in ${among(ids)}`),
    rounds: rowsWhere(tx, "rounds", owned),
    roundSignals: rowsWhere(tx, "round_signals", ofRounds),
    customSignals: rowsWhere(tx, "custom_signals", ofRounds),
    roundInterviewers,
    interviewers: rowsWhere(tx, "interviewers", sql`user_id = ${userId} and id in ${among(people)}`),
    events: rowsWhere(tx, "events", owned),
    guidanceSteps: rowsWhere(tx, "guidance_steps", owned),
  };
}

const COLUMN = /^[a-z_]+$/;

function insertRows(tx: WriteTx, table: string, rows: readonly Row[], onConflict: SQL = sql``): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    // The rows come from our own table, but a column name is never bound: check it.
    if (!columns.every((c) => COLUMN.test(c))) throw new Error(`unexpected column in an undo record for ${table}`);
    tx.run(
      sql`insert into ${sql.identifier(table)} (${sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      )}) values (${sql.join(
        columns.map((c) => sql`${row[c]}`),
        sql`, `,
      )}) ${onConflict}`,
    );
  }
}

/**
 * Puts these applications back exactly as the snapshot holds them: their
 * current rows go (with everything under them) and the snapshot's come back,
 * under this user only. A person met in them who has since gone (a merge) is
 * found again by their match key, or their link is left out.
 */
export function restoreSnapshot(tx: WriteTx, userId: string, snapshot: Snapshot): void {
  const ids = snapshot.applications.map((a) => String(a.id));
  const mine = (rows: readonly Row[]) => rows.filter((r) => r.user_id === userId);
  tx.run(sql`delete from applications where user_id = ${userId} and id in ${among(ids)}`);
  insertRows(tx, "interviewers", mine(snapshot.interviewers), sql`on conflict do nothing`);
  const people = new Map(
    tx
      .all<{ id: string; match_key: string }>(sql`select id, match_key from interviewers where user_id = ${userId}`)
      .flatMap((p) => [
        [p.id, p.id],
        [`key:${p.match_key}`, p.id],
      ]),
  );
  const matchKeys = new Map(snapshot.interviewers.map((p) => [String(p.id), `key:${String(p.match_key)}`]));
  const links = mine(snapshot.roundInterviewers).flatMap((link) => {
    const old = String(link.interviewer_id);
    const now = people.get(old) ?? people.get(matchKeys.get(old) ?? "");
    return now ? [{ ...link, interviewer_id: now }] : [];
  });
  insertRows(tx, "applications", mine(snapshot.applications));
  insertRows(tx, "rounds", mine(snapshot.rounds));
  insertRows(tx, "round_signals", mine(snapshot.roundSignals));
  insertRows(tx, "custom_signals", mine(snapshot.customSignals));
  insertRows(tx, "round_interviewers", links, sql`on conflict do nothing`);
  insertRows(tx, "events", mine(snapshot.events));
  insertRows(tx, "guidance_steps", mine(snapshot.guidanceSteps));
}

/** Each application's version now (null: it no longer exists), to tell whether it changed since. */
export function versionsOf(tx: Queryable, userId: string, ids: readonly string[]): Record<string, number | null> {
  const found = tx.all<{ application_id: string; version: number }>(
    sql`select v.application_id, v.version from application_versions v
        join applications a on a.id = v.application_id and a.user_id = ${userId}
        where v.user_id = ${userId} and v.application_id in ${among(ids)}`,
  );
  const byId = new Map(found.map((v) => [v.application_id, v.version]));
  return Object.fromEntries(ids.map((id) => [id, byId.get(id) ?? null]));
}
