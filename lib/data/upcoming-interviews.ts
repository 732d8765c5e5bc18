import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, notInArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { applications, applicationVersions, interviewers, roundInterviewers, rounds } from "@/db/schema";
import { CLOSED_STATUSES, type RoundFormat, type RoundKind } from "@/lib/vocabulary";
import { DAY } from "@/lib/guidance/facts";
import { groupBy } from "@/lib/group-by";
import { cacheFor, dataVersions, inSnapshot, type DataVersions } from "./guidance-cache";

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
  join: and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId)),
  where: and(eq(rounds.userId, userId), gt(rounds.scheduledAt, after), end, isNull(applications.archivedAt), notInArray(applications.status, [...CLOSED_STATUSES])),
});

function interviewList(db: Queryable, { join, where }: ReturnType<typeof openRounds>, limit = -1): UpcomingInterview[] {
  return db
    .select(interviewColumns)
    .from(rounds)
    .innerJoin(applications, join)
    .where(where)
    // Ties go by rowid, which the (user, time) index already holds in order:
    // by id, SQLite read and sorted every round of the window to return ten.
    .orderBy(asc(rounds.scheduledAt), sql`${rounds}.rowid`)
    .limit(limit) // SQLite: -1 is no limit
    .all();
}

/**
 * The user's rounds starting after `now` and at most `days` later, soonest
 * first, on applications that are neither archived nor closed.
 */
export function upcomingInterviews(db: Queryable, { userId, now, days }: { userId: string; now: Date; days: number }): UpcomingInterview[] {
  return interviewList(db, openRounds(userId, now, lte(rounds.scheduledAt, new Date(now.getTime() + days * DAY))));
}

/**
 * The first `limit` of the same interviews, those after `after` and up to
 * `through` (inclusive), and how many there are: a page that shows ten of a
 * busy week's hundreds reads ten. Stored times are whole seconds, and both
 * bounds compare exactly as the instants would.
 */
export function interviewsBetween(
  db: Queryable,
  { userId, after, through, limit }: { userId: string; after: Date; through: Date; limit: number },
): { interviews: UpcomingInterview[]; total: number } {
  const window = openRounds(userId, after, lte(rounds.scheduledAt, through));
  const interviews = interviewList(db, window, Math.max(0, limit));
  // Fewer than asked for: that is all of them, and no count is needed.
  if (interviews.length < limit) return { interviews, total: interviews.length };
  const times = openRoundTimes(db, userId, after, through);
  return { interviews, total: countBetween(times, after.getTime(), through.getTime()) };
}

/** How far past the first instant asked about the kept start times reach: Coming up's week and a day. */
const TIMES_REACH_MS = 9 * DAY;

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

function readTimes(tx: Queryable, userId: string, from: number, until: number, applicationIds?: string[]) {
  const { join, where } = openRounds(userId, new Date(from), lte(rounds.scheduledAt, new Date(until)));
  return tx
    .select({ applicationId: rounds.applicationId, at: rounds.scheduledAt })
    .from(rounds)
    .innerJoin(applications, join)
    .where(applicationIds ? and(where, inArray(rounds.applicationId, applicationIds)) : where)
    .all();
}

function freshTimes(tx: Queryable, userId: string, versions: DataVersions, from: number, until: number): RoundTimes {
  const byApplication = new Map<string, number[]>();
  const times: number[] = [];
  for (const { applicationId, at } of readTimes(tx, userId, from, until)) {
    times.push(at.getTime());
    const list = byApplication.get(applicationId);
    if (list) list.push(at.getTime());
    else byApplication.set(applicationId, [at.getTime()]);
  }
  return { ...versions, from, until, times: times.sort((x, y) => x - y), byApplication };
}

/** `kept` with the changed applications' times read again (in place); false when a fresh read is the better answer. */
function patchTimes(tx: Queryable, userId: string, kept: RoundTimes, versions: DataVersions): boolean {
  if (versions.removedVersion !== kept.removedVersion) return false;
  const changed = tx
    .select({ id: applicationVersions.applicationId })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.userId, userId), gt(applicationVersions.version, kept.version)))
    .all()
    .map((r) => r.id);
  if (changed.length > PATCH_MAX) return false;
  for (const id of changed) {
    for (const t of kept.byApplication.get(id) ?? []) kept.times.splice(firstAbove(kept.times, t) - 1, 1);
    kept.byApplication.delete(id);
  }
  if (changed.length > 0) {
    for (const { applicationId, at } of readTimes(tx, userId, kept.from, kept.until, changed)) {
      const t = at.getTime();
      kept.times.splice(firstAbove(kept.times, t), 0, t);
      const list = kept.byApplication.get(applicationId);
      if (list) list.push(t);
      else kept.byApplication.set(applicationId, [t]);
    }
  }
  Object.assign(kept, versions);
  return true;
}

/**
 * When each of the user's rounds in (from, until] on open applications
 * starts (ms, ascending): counting a busy week's rounds joined to their
 * applications cost a heavy dashboard 3 ms a request, a binary search
 * costs nothing. Kept per application version: after a write only the
 * changed applications' rounds are read again (application_versions, set
 * by triggers, so another process's writes count too). Any later window
 * inside the reach is answered from them: rounds that have started simply
 * fall before it.
 */
function openRoundTimes(db: Queryable, userId: string, after: Date, through: Date): readonly number[] {
  return inSnapshot(db, (tx) => {
    const versions = dataVersions(tx, userId);
    const cache = cacheFor(db);
    const key = `round-times:${userId}`;
    const hit = cache.get(key) as RoundTimes | undefined;
    const inReach = hit && after.getTime() >= hit.from && through.getTime() <= hit.until;
    if (inReach && hit.version === versions.version) return hit.times;
    // Taken out first, so a patch that fails half-way never leaves mixed times behind.
    cache.delete(key);
    let entry = inReach ? hit : undefined;
    if (!entry || !patchTimes(tx, userId, entry, versions)) {
      entry = freshTimes(tx, userId, versions, after.getTime(), Math.max(through.getTime(), after.getTime() + TIMES_REACH_MS));
    }
    cache.set(key, entry);
    return entry.times;
  });
}

/** How many of the sorted `times` are after `after` and at most `through`. */
function countBetween(times: readonly number[], after: number, through: number): number {
  return Math.max(0, firstAbove(times, through) - firstAbove(times, after));
}

/** Who the user meets in each of these rounds, in the order they were logged; one query, scoped by the user. */
export function peopleMet(db: Queryable, { userId, roundIds }: { userId: string; roundIds: string[] }): Map<string, string[]> {
  if (roundIds.length === 0) return new Map();
  const rows = db
    .select({ roundId: roundInterviewers.roundId, name: interviewers.name })
    .from(roundInterviewers)
    .innerJoin(interviewers, and(eq(interviewers.id, roundInterviewers.interviewerId), eq(interviewers.userId, userId)))
    .where(and(eq(roundInterviewers.userId, userId), inArray(roundInterviewers.roundId, roundIds)))
    .orderBy(asc(roundInterviewers.roundId), asc(roundInterviewers.position))
    .all();
  return new Map([...groupBy(rows, (r) => r.roundId)].map(([id, list]) => [id, list.map((r) => r.name)]));
}
