import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, notInArray, type SQL } from "drizzle-orm";
import { insertionOrder } from "@/db/dialect";
import type { Db } from "@/db/open";
import { applications, applicationVersions, rounds } from "@/db/schema";
import { snapshot } from "@/db/write";
import { CLOSED_STATUSES, type RoundFormat, type RoundKind } from "@/lib/vocabulary";
import { DAY_MS } from "@/lib/time/units";
import { cachedEntry, dataVersions, type DataVersions } from "./guidance-cache";
import { interviewersOfRounds } from "./interviewers";
import { ownedApplication } from "./ownership";

export type UpcomingInterview = {
  roundId: string;
  applicationId: string;
  company: string;
  roleTitle: string;
  kind: RoundKind;
  format: RoundFormat | null;
  scheduledAt: Date;
};

const interviewColumns = {
  roundId: rounds.id,
  applicationId: rounds.applicationId,
  company: applications.company,
  roleTitle: applications.roleTitle,
  kind: rounds.kind,
  format: rounds.format,
  scheduledAt: rounds.scheduledAt,
};

/** The user's rounds after `after` and within `end`, on applications that are neither archived nor closed. */
const openRounds = (userId: string, after: Date, end: SQL) => ({
  join: ownedApplication(userId, rounds.applicationId),
  where: and(eq(rounds.userId, userId), gt(rounds.scheduledAt, after), end, isNull(applications.archivedAt), notInArray(applications.status, [...CLOSED_STATUSES])),
});

/** The interviews of `window`, soonest first: all of them, or the first `limit`. */
async function interviewList(db: Db, { window, limit }: { window: ReturnType<typeof openRounds>; limit?: number }): Promise<UpcomingInterview[]> {
  const query = db
    .select(interviewColumns)
    .from(rounds)
    .innerJoin(applications, window.join)
    .where(window.where)
    // Ties go by insertion order, which SQLite's (user, time) index already holds in order (the rowid):
    // by id, SQLite read and sorted every round of the window to return ten.
    .orderBy(asc(rounds.scheduledAt), asc(insertionOrder(rounds)));
  return limit === undefined ? await query : await query.limit(limit);
}

/**
 * The user's rounds starting after `now` and at most `days` later, soonest
 * first, on applications that are neither archived nor closed.
 */
export async function upcomingInterviews(db: Db, { userId, now, days }: { userId: string; now: Date; days: number }): Promise<UpcomingInterview[]> {
  return interviewList(db, { window: openRounds(userId, now, lte(rounds.scheduledAt, new Date(now.getTime() + days * DAY_MS))) });
}

/**
 * The first `limit` of the same interviews, those after `after` and up to
 * `through` (inclusive), and how many there are: a page that shows ten of a
 * busy week's hundreds reads ten. Stored times are whole seconds, and both
 * bounds compare exactly as the instants would. `versions`: the user's data
 * versions, when the request has read them already (the count is kept per
 * version).
 */
export async function interviewsBetween(
  db: Db,
  { userId, after, through, limit, versions }: { userId: string; after: Date; through: Date; limit: number; versions?: DataVersions },
): Promise<{ interviews: UpcomingInterview[]; total: number }> {
  const window = openRounds(userId, after, lte(rounds.scheduledAt, through));
  const interviews = await interviewList(db, { window, limit: Math.max(0, limit) });
  // Fewer than asked for: that is all of them, and no count is needed.
  if (interviews.length < limit) return { interviews, total: interviews.length };
  const times = await openRoundTimes(db, { userId, after, through, versions });
  return { interviews, total: countBetween(times, after.getTime(), through.getTime()) };
}

/** How far past the first instant asked about the kept start times reach: Coming up's week and a day. */
const TIMES_REACH_MS = 9 * DAY_MS;

type RoundTimes = DataVersions & { from: number; until: number; times: number[]; byApplication: Map<string, number[]> };

/** Past this many changed applications, one read of the window beats reading each one's rounds. */
const PATCH_MAX = 200;

/** The first index of sorted `times` whose value is above `t`. */
function firstAbove(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type TimeRow = { applicationId: string; at: Date };

async function readTimes(
  db: Db,
  { userId, from, until, applicationIds }: { userId: string; from: number; until: number; applicationIds?: string[] },
): Promise<TimeRow[]> {
  const { join, where } = openRounds(userId, new Date(from), lte(rounds.scheduledAt, new Date(until)));
  return db
    .select({ applicationId: rounds.applicationId, at: rounds.scheduledAt })
    .from(rounds)
    .innerJoin(applications, join)
    .where(applicationIds ? and(where, inArray(rounds.applicationId, applicationIds)) : where);
}

function freshTimes(rows: readonly TimeRow[], { versions, from, until }: { versions: DataVersions; from: number; until: number }): RoundTimes {
  const byApplication = new Map<string, number[]>();
  const times: number[] = [];
  for (const { applicationId, at } of rows) {
    times.push(at.getTime());
    const list = byApplication.get(applicationId);
    if (list) list.push(at.getTime());
    else byApplication.set(applicationId, [at.getTime()]);
  }
  return { ...versions, from, until, times: times.sort((x, y) => x - y), byApplication };
}

/** The applications changed since `kept` and their rounds in its window; null when a fresh read is the better answer. */
async function readPatch(db: Db, { userId, kept, versions }: { userId: string; kept: RoundTimes; versions: DataVersions }) {
  if (versions.removedVersion !== kept.removedVersion) return null;
  const rows = await db
    .select({ id: applicationVersions.applicationId })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.userId, userId), gt(applicationVersions.version, kept.version)));
  const changed = rows.map((r) => r.id);
  if (changed.length > PATCH_MAX) return null;
  return { changed, times: changed.length > 0 ? await readTimes(db, { userId, from: kept.from, until: kept.until, applicationIds: changed }) : [] };
}

/** `kept` with the changed applications' times replaced by `rows` (in place). */
function patchTimes(kept: RoundTimes, { changed, rows, versions }: { changed: readonly string[]; rows: readonly TimeRow[]; versions: DataVersions }): RoundTimes {
  for (const id of changed) {
    for (const t of kept.byApplication.get(id) ?? []) kept.times.splice(firstAbove(kept.times, t) - 1, 1);
    kept.byApplication.delete(id);
  }
  for (const { applicationId, at } of rows) {
    const t = at.getTime();
    kept.times.splice(firstAbove(kept.times, t), 0, t);
    const list = kept.byApplication.get(applicationId);
    if (list) list.push(t);
    else kept.byApplication.set(applicationId, [t]);
  }
  return Object.assign(kept, versions);
}

/**
 * When each of the user's rounds in (from, until] on open applications
 * starts (ms, ascending): counting a busy week's rounds joined to their
 * applications cost a heavy dashboard 3 ms a request, a binary search
 * costs nothing. Kept per application version: after a write only the
 * changed applications' rounds are read again (application_versions, set
 * by triggers, so another process's writes count too). Any later window
 * inside the reach is answered from them: rounds that have started simply
 * fall before it. One read at a time per user; others asking meanwhile
 * wait for it.
 */
async function openRoundTimes(
  db: Db,
  { userId, after, through, versions }: { userId: string; after: Date; through: Date; versions?: DataVersions },
): Promise<readonly number[]> {
  const known = versions ?? (await dataVersions(db, { userId }));
  const inReach = (entry: RoundTimes) => after.getTime() >= entry.from && through.getTime() <= entry.until;
  const entry = await cachedEntry<RoundTimes>(db, {
    key: `round-times:${userId}`,
    fits: (kept) => inReach(kept) && kept.version === known.version,
    rebuild: async (old) => {
      const kept = old && inReach(old) ? old : undefined;
      const from = after.getTime();
      const until = Math.max(through.getTime(), from + TIMES_REACH_MS);
      const read = await snapshot(db, async (tx) => {
        const patch = kept ? await readPatch(tx, { userId, kept, versions: known }) : null;
        return { patch, rows: patch ? [] : await readTimes(tx, { userId, from, until }) };
      });
      if (kept && read.patch) return patchTimes(kept, { changed: read.patch.changed, rows: read.patch.times, versions: known });
      return freshTimes(read.rows, { versions: known, from, until });
    },
  });
  return entry.times;
}

/** How many of the sorted `times` are after `after` and at most `through`. */
function countBetween(times: readonly number[], after: number, through: number): number {
  return Math.max(0, firstAbove(times, through) - firstAbove(times, after));
}

/** Who the user meets in each of these rounds, by name, in the order they were logged; one query, scoped by the user. */
export async function peopleMet(db: Db, { userId, roundIds }: { userId: string; roundIds: string[] }): Promise<Map<string, string[]>> {
  const byRound = await interviewersOfRounds(db, { userId, roundIds });
  return new Map([...byRound].map(([id, people]) => [id, people.map((p) => p.name)]));
}
