import "server-only";
import { and, asc, desc, eq, gt, isNull, lte, min, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
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
export async function boardColumns(db: Db, { userId, now, limit = BOARD_COLUMN_LIMIT }: BoardQuery): Promise<BoardColumn[]> {
  const open = and(eq(applications.userId, userId), isNull(applications.archivedAt));

  const totals = await countByStatus(db, { userId });

  // A window function keeps the cap per column inside SQLite instead of
  // loading every row and slicing in JavaScript.
  const ranked = db
    .select({
      id: applications.id,
      company: applications.company,
      roleTitle: applications.roleTitle,
      status: applications.status,
      updatedAt: applications.updatedAt,
      nextInterviewAt: sql<Date | null>`${db
        .select({ at: min(rounds.scheduledAt) })
        .from(rounds)
        .where(and(eq(rounds.userId, userId), eq(rounds.applicationId, applications.id), gt(rounds.scheduledAt, now)))}`
        .mapWith(rounds.scheduledAt)
        .as("next_interview_at"),
      rank: sql<number>`row_number() over (partition by ${applications.status} order by ${applications.updatedAt} desc, ${applications.id})`.mapWith(Number).as(
        "rank",
      ),
    })
    .from(applications)
    .where(open)
    .as("ranked");
  const rows = await db
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
    .orderBy(desc(ranked.updatedAt), asc(ranked.id));

  return APPLICATION_STATUSES.map((status) => ({
    status,
    total: totals[status] ?? 0,
    cards: rows.filter((r) => r.status === status),
  }));
}
