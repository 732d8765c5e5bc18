import "server-only";
import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNull, lte, notInArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { caseInsensitiveOrder, containsText, inList } from "@/db/dialect";
import type { Db } from "@/db/open";
import { applications, events, interviewers, roundInterviewers, rounds } from "@/db/schema";
import { CLOSED_STATUSES, STATUS_GROUPS, type ApplicationStatus, type StatusGroup } from "@/lib/vocabulary";
import { DAY_MS } from "@/lib/time/units";
import { DEFAULT_DIRECTION, type ApplicationSort, type SortDirection } from "@/lib/validation/application-filter";
import { nextStepRanks, nextSteps, todoCounts, type NextStep } from "@/lib/dashboard/next-step";
import { guidanceOverview, guidanceQueue, type QueueItem } from "./guidance";

/** "Interview in the next N days" on the list. */
export const INTERVIEW_SOON_DAYS = 7;

export type ListQuery = {
  query?: string;
  /** One status, or either half of the pipeline. */
  status?: ApplicationStatus | StatusGroup;
  /** Only applications with at least one overdue next step. */
  overdueOnly?: boolean;
  /** Only applications with a round starting in (now, now + 7 days]. */
  interviewSoon?: boolean;
  minExcitement?: number;
  sort: ApplicationSort;
  /** Absent means the sort's natural direction. */
  direction?: SortDirection;
  includeArchived?: boolean;
  /** Only the applications one of the user's imports added. */
  importId?: string;
  /** 1-based; past the last page gives the last page. */
  page: number;
  pageSize: number;
};

/** Only what a list row shows. */
const rowColumns = {
  id: applications.id,
  company: applications.company,
  roleTitle: applications.roleTitle,
  location: applications.location,
  workMode: applications.workMode,
  status: applications.status,
  appliedOn: applications.appliedOn,
  excitement: applications.excitement,
  archivedAt: applications.archivedAt,
  updatedAt: applications.updatedAt,
};

export type ListRow = {
  id: string;
  company: string;
  roleTitle: string;
  location: string | null;
  workMode: "remote" | "hybrid" | "onsite" | null;
  status: ApplicationStatus;
  appliedOn: string | null;
  excitement: number | null;
  archivedAt: Date | null;
  updatedAt: Date;
  /** Its most important to-do as Today orders it, else its next check-in (lib/dashboard/next-step.ts). */
  nextStep: NextStep | null;
  /** How many more to-dos it has after that one. */
  moreSteps: number;
};

export type ListPage = {
  rows: ListRow[];
  /** Rows matching the filters, across all pages. */
  total: number;
  /** The page actually shown: the one asked for, or the last when that was past the end. */
  page: number;
  pageCount: number;
  pageSize: number;
};

type User = { id: string; timeZone: string };

// One parameter however many ids: an overdue filter can name every application.
const idIn = (ids: string[]) => inList(applications.id, ids);

function conditions(userId: string, q: ListQuery, now: Date, overdueIds: string[]): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(applications.userId, userId)];
  if (!q.includeArchived) where.push(isNull(applications.archivedAt));
  if (q.status === "open" || q.status === "closed") where.push(inArray(applications.status, [...STATUS_GROUPS[q.status]]));
  else if (q.status) where.push(eq(applications.status, q.status));
  if (q.minExcitement) where.push(gte(applications.excitement, q.minExcitement));
  if (q.importId) where.push(eq(applications.importId, q.importId));
  if (q.overdueOnly) where.push(idIn(overdueIds));
  if (q.interviewSoon) {
    const end = new Date(now.getTime() + INTERVIEW_SOON_DAYS * DAY_MS);
    // A closed application's rounds are off the dashboard and the feed, so off this filter too.
    where.push(notInArray(applications.status, [...CLOSED_STATUSES]));
    where.push(
      exists(
        sql`(select 1 from ${rounds} where ${and(
          eq(rounds.userId, userId),
          eq(rounds.applicationId, applications.id),
          gt(rounds.scheduledAt, now),
          lte(rounds.scheduledAt, end),
        )})`,
      ),
    );
  }
  const text = q.query?.trim();
  if (text) {
    where.push(
      or(
        containsText(applications.company, text),
        containsText(applications.roleTitle, text),
        containsText(applications.location, text),
        containsText(applications.notes, text),
        // The people met in its rounds, and what was noted on its events.
        exists(
          sql`(select 1 from ${roundInterviewers}
            join ${rounds} on ${rounds.id} = ${roundInterviewers.roundId} and ${rounds.userId} = ${userId}
            join ${interviewers} on ${interviewers.id} = ${roundInterviewers.interviewerId} and ${interviewers.userId} = ${userId}
            where ${roundInterviewers.userId} = ${userId} and ${rounds.applicationId} = ${applications.id}
              and (${containsText(interviewers.name, text)} or ${containsText(interviewers.email, text)}))`,
        ),
        exists(
          sql`(select 1 from ${events} where ${events.userId} = ${userId} and ${events.applicationId} = ${applications.id} and ${containsText(events.note, text)})`,
        ),
      ),
    );
  }
  return and(...where);
}

/** Spelled out: by default SQLite sorts nulls first going up, Postgres last. */
const nullsLast = (column: AnyColumn, direction: SortDirection): SQL => direction === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;

function orderBy(sort: Exclude<ApplicationSort, "next-step">, direction: SortDirection): SQL[] {
  const by = direction === "asc" ? asc : desc;
  const tiebreak = [desc(applications.updatedAt), asc(applications.id)];
  switch (sort) {
    case "company":
      return [by(caseInsensitiveOrder(applications.company)), ...tiebreak];
    case "applied":
      // Undated applications sort after dated ones, whichever way round.
      return [nullsLast(applications.appliedOn, direction), ...tiebreak];
    case "excitement":
      return [nullsLast(applications.excitement, direction), ...tiebreak];
    case "updated":
      return [by(applications.updatedAt), asc(applications.id)];
  }
}

const overdueIdsOf = (queue: readonly QueueItem[]) => [...new Set(queue.filter((s) => s.overdue).map((s) => s.applicationId))];

/** The ids of every application of the user that the list's filters match, across all pages: "select all N matching". */
export async function matchingApplicationIds(db: Db, { user, q, now }: { user: User; q: ListQuery; now: Date }): Promise<string[]> {
  const overdueIds = q.overdueOnly ? overdueIdsOf(await guidanceQueue(db, { user, now })) : [];
  const rows = await db.select({ id: applications.id }).from(applications).where(conditions(user.id, q, now, overdueIds));
  return rows.map((r) => r.id);
}

/**
 * One page of the user's applications, filtered and sorted in SQL, with each
 * row's next step from the same queue the dashboard shows. A page past the
 * end gives the last page.
 */
export async function applicationListPage(db: Db, { user, q, now }: { user: User; q: ListQuery; now: Date }): Promise<ListPage> {
  const overview = await guidanceOverview(db, { user, now });
  const queue = overview.queue;
  const next = nextSteps(overview, now, user.timeZone);
  const todos = todoCounts(overview, now, user.timeZone);
  const overdueIds = q.overdueOnly ? overdueIdsOf(queue) : [];
  const where = conditions(user.id, q, now, overdueIds);
  const direction = q.direction ?? DEFAULT_DIRECTION[q.sort];

  const [counted] = await db.select({ n: count() }).from(applications).where(where);
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / q.pageSize));
  const page = Math.min(Math.max(1, q.page), pageCount);
  const offset = (page - 1) * q.pageSize;

  let rows: Omit<ListRow, "nextStep" | "moreSteps">[];
  if (q.sort === "next-step") {
    // The order lives in the next steps, not in a column: sort the matching ids
    // (cheap, a few bytes each) by their next step's place, then read one page of rows.
    // Reversed, the latest step comes first; applications with no next step stay last either way.
    const ranked = nextStepRanks(overview, now, user.timeZone);
    const rank = direction === "asc" ? ranked : new Map([...ranked].map(([id, i]) => [id, ranked.size - 1 - i]));
    const ids = (
      await db
        .select({ id: applications.id })
        .from(applications)
        .where(where)
        .orderBy(...orderBy("updated", "desc"))
    ).map((r) => r.id);
    const ordered = ids
      .map((id, i) => ({ id, key: rank.get(id) ?? rank.size + i }))
      .sort((a, b) => a.key - b.key)
      .slice(offset, offset + q.pageSize)
      .map((r) => r.id);
    const pageRows = await db.select(rowColumns).from(applications).where(and(eq(applications.userId, user.id), idIn(ordered)));
    const byId = new Map(pageRows.map((r) => [r.id, r]));
    rows = ordered.flatMap((id) => byId.get(id) ?? []);
  } else {
    rows = await db
      .select(rowColumns)
      .from(applications)
      .where(where)
      .orderBy(...orderBy(q.sort, direction))
      .limit(q.pageSize)
      .offset(offset);
  }

  return {
    rows: rows.map((r) => {
      const own = next.get(r.id) ?? null;
      return { ...r, nextStep: own, moreSteps: Math.max(0, (todos.get(r.id) ?? 0) - (own?.type === "step" ? 1 : 0)) };
    }),
    total,
    page,
    pageCount,
    pageSize: q.pageSize,
  };
}
