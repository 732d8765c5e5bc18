// The dashboard's server time right after a write, the request whose cache
// cannot serve it as it is. Two kinds of write: one to a single application
// (a thank-you marked sent, a follow-up logged: what a user's click does),
// which should recompute that application only; and a user-wide one (the
// time zone), which rightly reaches every application and so costs a
// recompute of everything: that one is what the floor is compared with.
import { randomUUID } from "node:crypto";
import { nowExpression, type BenchDb } from "./engine";
import { getText } from "./http";

export type ColdTiming = { medianMs: number; minMs: number; runs: number };

/** A write made just before run `i`: each run must write something, or the cache would rightly serve it. */
export type Write = (i: number) => Promise<unknown> | void;

/** A no-op that still fires the trigger moving the user-wide version: every application's part is stale. */
export function userWideWrite(db: BenchDb, userId: string): Write {
  return () => db.run("update users set time_zone = time_zone where id = ?", [userId]);
}

/**
 * Writes to one application in play, alternating between toggling the
 * thank-you of one of its rounds and logging a follow-up on it, so every
 * run changes that application's answer and no other's.
 */
export async function oneApplicationWrite(db: BenchDb, userId: string): Promise<Write> {
  const [target] = await db.all<{ roundId: string; applicationId: string }>(
    `select r.id as "roundId", r.application_id as "applicationId" from rounds r join applications a on a.id = r.application_id
     where r.user_id = ? and a.archived_at is null and a.status in ('applied', 'screening', 'interviewing') order by r.scheduled_at desc, r.id limit 1`,
    [userId],
  );
  if (!target) throw new Error("no application in play with a round to write to");
  const now = nowExpression(db.engine);
  return (i) =>
    i % 2 === 0
      ? db.run(`update rounds set thank_you_sent_at = case when thank_you_sent_at is null then ${now} else null end where id = ? and user_id = ?`, [target.roundId, userId])
      : db.run(`insert into events (id, user_id, application_id, kind, occurred_at) values (?, ?, ?, 'follow_up_sent', ${now})`, [randomUUID(), userId, target.applicationId]);
}

/** Each run's time, in the order they ran: a write, then the page. */
export async function coldTimes(write: Write, url: string, cookie: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  await getText(url, cookie); // a fresh keep-alive socket, outside the timings
  for (let i = 0; i < runs; i++) {
    await write(i);
    const start = performance.now();
    const { status } = await getText(url, cookie);
    times.push(performance.now() - start);
    if (status !== 200) throw new Error(`${url} answered ${status} after a write`);
  }
  return times;
}

export const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

export async function coldServerTime(write: Write, url: string, cookie: string, runs: number): Promise<ColdTiming> {
  const times = (await coldTimes(write, url, cookie, runs)).sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], runs };
}
