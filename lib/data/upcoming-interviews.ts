import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, lte, notInArray } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { applications, interviewers, roundInterviewers, rounds } from "@/db/schema";
import { CLOSED_STATUSES, type RoundFormat, type RoundKind } from "@/lib/vocabulary";
import { DAY } from "@/lib/guidance/facts";
import { groupBy } from "@/lib/group-by";

export type UpcomingInterview = {
  roundId: string;
  applicationId: string;
  company: string;
  roleTitle: string;
  kind: RoundKind;
  format: RoundFormat | null;
  scheduledAt: Date;
};

function upcomingConditions(userId: string, now: Date, end: Date) {
  return and(
    eq(rounds.userId, userId),
    gt(rounds.scheduledAt, now),
    lte(rounds.scheduledAt, end),
    isNull(applications.archivedAt),
    notInArray(applications.status, [...CLOSED_STATUSES]),
  );
}

const upcomingJoin = (userId: string) => and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId));
const endOf = (now: Date, days: number | Date) => (days instanceof Date ? days : new Date(now.getTime() + days * DAY));

/**
 * The user's rounds starting after now and up to `until` (a number of days,
 * or an instant), soonest first, on applications still open; the first
 * `limit` of them.
 */
export function upcomingInterviews(db: Queryable, userId: string, now: Date, until: number | Date, limit = -1): UpcomingInterview[] {
  return db
    .select({
      roundId: rounds.id,
      applicationId: rounds.applicationId,
      company: applications.company,
      roleTitle: applications.roleTitle,
      kind: rounds.kind,
      format: rounds.format,
      scheduledAt: rounds.scheduledAt,
    })
    .from(rounds)
    .innerJoin(applications, upcomingJoin(userId))
    .where(upcomingConditions(userId, now, endOf(now, until)))
    .orderBy(asc(rounds.scheduledAt), asc(rounds.id))
    .limit(limit) // SQLite: -1 is no limit
    .all();
}

/** How many rounds upcomingInterviews would give without a limit. */
export function countUpcomingInterviews(db: Queryable, userId: string, now: Date, until: number | Date): number {
  return (
    db
      .select({ n: count() })
      .from(rounds)
      .innerJoin(applications, upcomingJoin(userId))
      .where(upcomingConditions(userId, now, endOf(now, until)))
      .get()?.n ?? 0
  );
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
