import "server-only";
import { and, asc, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { applications, rounds } from "@/db/schema";
import { countByStatus } from "./applications";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";

/**
 * How many cards a column shows; the rest are a link to the filtered list.
 * Twenty fill a column on any screen; fifty made a busy board 1.2 MB of HTML.
 */
export const BOARD_COLUMN_LIMIT = 20;

export type BoardCard = {
  id: string;
  company: string;
  roleTitle: string;
  status: ApplicationStatus;
  updatedAt: Date;
  /** When its next interview starts (the soonest round after `now`), or null when none is booked. */
  nextInterviewAt: Date | null;
};

export type BoardColumn = { status: ApplicationStatus; total: number; cards: BoardCard[] };

type BoardQuery = { userId: string; now: Date; limit?: number };

/**
 * The user's open (not archived) applications as board columns, in pipeline
 * order: each column's total and its most recently updated cards, each with
 * its next interview. Two queries whatever the number of applications, so a
 * board of 5,000 costs about what a board of 50 does: the next interview is
 * a subquery on the rounds index, scoped by the same user id.
 */
export function boardColumns(db: Queryable, { userId, now, limit = BOARD_COLUMN_LIMIT }: BoardQuery): BoardColumn[] {
  const open = and(eq(applications.userId, userId), isNull(applications.archivedAt));

  const totals = countByStatus(db, userId);

  // A window function keeps the cap per column inside SQLite instead of
  // loading every row and slicing in JavaScript.
  const ranked = db
    .select({
      id: applications.id,
      company: applications.company,
      roleTitle: applications.roleTitle,
      status: applications.status,
      updatedAt: applications.updatedAt,
      // Written out: inside a subquery Drizzle drops table names, and "id" alone would be the round's.
      nextInterviewAt: sql<Date | null>`(select min(r.scheduled_at) from rounds r where r.user_id = ${userId} and r.application_id = "applications"."id" and r.scheduled_at > ${Math.floor(now.getTime() / 1000)})`
        .mapWith(rounds.scheduledAt)
        .as("next_interview_at"),
      rank: sql<number>`row_number() over (partition by ${applications.status} order by ${applications.updatedAt} desc, ${applications.id})`.as(
        "rank",
      ),
    })
    .from(applications)
    .where(open)
    .as("ranked");
  const rows = db
    .select({
      id: ranked.id,
      company: ranked.company,
      roleTitle: ranked.roleTitle,
      status: ranked.status,
      updatedAt: ranked.updatedAt,
      nextInterviewAt: ranked.nextInterviewAt,
    })
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(desc(ranked.updatedAt), asc(ranked.id))
    .all();

  return APPLICATION_STATUSES.map((status) => ({
    status,
    total: totals[status] ?? 0,
    cards: rows.filter((r) => r.status === status),
  }));
}
