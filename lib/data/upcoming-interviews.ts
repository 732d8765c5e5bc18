import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, notInArray } from "drizzle-orm";
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

/**
 * The user's rounds starting after `now` and at most `days` later, soonest
 * first, on applications that are neither archived nor closed.
 */
export function upcomingInterviews(db: Queryable, { userId, now, days }: { userId: string; now: Date; days: number }): UpcomingInterview[] {
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
    .innerJoin(applications, and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId)))
    .where(
      and(
        eq(rounds.userId, userId),
        gt(rounds.scheduledAt, now),
        lte(rounds.scheduledAt, new Date(now.getTime() + days * DAY)),
        isNull(applications.archivedAt),
        notInArray(applications.status, [...CLOSED_STATUSES]),
      ),
    )
    .orderBy(asc(rounds.scheduledAt), asc(rounds.id))
    .all();
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
