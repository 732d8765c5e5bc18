import "server-only";
import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNull, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { containsText, inList } from "@/db/dialect";
import type { Db } from "@/db/open";
import { applications, events, interviewers, roundInterviewers, rounds } from "@/db/schema";
import { encodeListCursor, type ListCursor } from "@/lib/applications/list-cursor";
import { CLOSED_STATUSES, STATUS_GROUPS, type ApplicationStatus, type StatusGroup } from "@/lib/vocabulary";
import { DAY_MS } from "@/lib/time/units";
import { DEFAULT_DIRECTION, type ApplicationSort, type SortDirection } from "@/lib/validation/application-filter";
import { nextStepRanks, nextSteps, todoCounts, type NextStep } from "@/lib/dashboard/next-step";
import { guidanceOverview, guidanceQueue, type QueueItem } from "./guidance";
import { keysetRows, rowColumns, type ColumnSort, type KeyedRow } from "./application-list-keyset";

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
  /** Where the page starts (or, going back, ends); none is the first page. Decoded for this sort and direction. */
  cursor?: ListCursor | null;
  pageSize: number;
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
  /**
   * How many matching rows come before this page's first, as the cursors
   * counted: for "Showing 26–50". Rows added or removed since the first page
   * can make it a little off; it never steers what is read.
   */
  from: number;
  /** Opaque cursors for the pages either side; null at either end. */
  nextCursor: string | null;
  previousCursor: string | null;
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

const overdueIdsOf = (queue: readonly QueueItem[]) => [...new Set(queue.filter((s) => s.overdue).map((s) => s.applicationId))];

/** The ids of every application of the user that the list's filters match, across all pages: "select all N matching". */
export async function matchingApplicationIds(db: Db, { user, q, now }: { user: User; q: ListQuery; now: Date }): Promise<string[]> {
  const overdueIds = q.overdueOnly ? overdueIdsOf(await guidanceQueue(db, { user, now })) : [];
  const rows = await db.select({ id: applications.id }).from(applications).where(conditions(user.id, q, now, overdueIds));
  return rows.map((r) => r.id);
}


type Window = { rows: Omit<ListRow, "nextStep" | "moreSteps">[]; from: number; next: ListCursor | null; previous: ListCursor | null };

/**
 * A page of a column sort: only its rows, plus one to know whether another
 * follows, read from the index past the cursor. Going back past the start
 * (rows were removed) gives the first page, full.
 */
async function columnWindow(db: Db, where: SQL | undefined, q: ListQuery, sort: ColumnSort, direction: SortDirection): Promise<Window> {
  const size = q.pageSize;
  const cursor = q.cursor ?? null;
  const read = (c: ListCursor | null) =>
    keysetRows(db, { where, sort, direction, anchor: c, toward: c?.toward ?? "after", limit: size + 1 });
  const place = ({ row, key }: KeyedRow, toward: ListCursor["toward"], at: number): ListCursor => ({ sort, direction, key, id: row.id, toward, at });

  let found = await read(cursor);
  const restart = cursor?.toward === "before" && found.length < size;
  if (restart) found = await read(null);
  const back = cursor?.toward === "before" && !restart;
  const more = found.length > size;
  const shown = found.slice(0, size);
  if (back) shown.reverse();
  // Going back, rows past the one read are the ones before this page.
  let from = 0;
  if (cursor && !restart) from = back ? (more ? Math.max(1, cursor.at - size) : 0) : cursor.at;
  const hasNext = back || more;
  const hasPrevious = back ? more : Boolean(cursor && !restart);
  const first = shown[0];
  const last = shown.at(-1);
  return {
    rows: shown.map((k) => k.row),
    from,
    next: hasNext && last ? place(last, "after", from + shown.length) : null,
    previous: hasPrevious && first ? place(first, "before", from) : null,
  };
}

/**
 * A page in next-step order. That order is computed, not stored, so the
 * matching ids are ordered in memory (a few bytes each) and only the page's
 * rows are read. The cursor names the row the page follows; gone from the
 * list, its counted place stands in.
 */
async function nextStepWindow(db: Db, where: SQL | undefined, q: ListQuery, userId: string, rank: ReadonlyMap<string, number>): Promise<Window & { total: number }> {
  const size = q.pageSize;
  const cursor = q.cursor ?? null;
  const ids = (
    await db
      .select({ id: applications.id })
      .from(applications)
      .where(where)
      .orderBy(desc(applications.updatedAt), asc(applications.id))
  ).map((r) => r.id);
  const ordered = ids
    .map((id, i) => ({ id, key: rank.get(id) ?? rank.size + i }))
    .sort((a, b) => a.key - b.key)
    .map((r) => r.id);
  const index = cursor ? ordered.indexOf(cursor.id) : -1;
  let start = 0;
  if (cursor?.toward === "after") start = index >= 0 ? index + 1 : Math.min(cursor.at, ordered.length);
  else if (cursor?.toward === "before") start = Math.max(0, (index >= 0 ? index : cursor.at) - size);
  if (cursor?.toward === "before" && start < size && start + size > ordered.length) start = 0;
  const pageIds = ordered.slice(start, start + size);
  const pageRows = await db.select(rowColumns).from(applications).where(and(eq(applications.userId, userId), idIn(pageIds)));
  const byId = new Map(pageRows.map((r) => [r.id, r]));
  const place = (id: string, toward: ListCursor["toward"], at: number): ListCursor => ({ sort: "next-step", direction: q.direction ?? DEFAULT_DIRECTION["next-step"], key: null, id, toward, at });
  return {
    rows: pageIds.flatMap((id) => byId.get(id) ?? []),
    from: start,
    total: ordered.length,
    next: start + size < ordered.length ? place(pageIds[pageIds.length - 1], "after", start + size) : null,
    previous: start > 0 && pageIds.length ? place(pageIds[0], "before", start) : null,
  };
}

/**
 * One page of the user's applications, filtered and sorted in SQL, with each
 * row's next step from the same queue the dashboard shows.
 */
export async function applicationListPage(db: Db, { user, q, now }: { user: User; q: ListQuery; now: Date }): Promise<ListPage> {
  const overview = await guidanceOverview(db, { user, now });
  const next = nextSteps(overview, now, user.timeZone);
  const todos = todoCounts(overview, now, user.timeZone);
  const overdueIds = q.overdueOnly ? overdueIdsOf(overview.queue) : [];
  const where = conditions(user.id, q, now, overdueIds);
  const direction = q.direction ?? DEFAULT_DIRECTION[q.sort];

  let window: Window;
  let total: number;
  if (q.sort === "next-step") {
    // Reversed, the latest step comes first; applications with no next step stay last either way.
    const ranked = nextStepRanks(overview, now, user.timeZone);
    const rank = direction === "asc" ? ranked : new Map([...ranked].map(([id, i]) => [id, ranked.size - 1 - i]));
    ({ total, ...window } = await nextStepWindow(db, where, q, user.id, rank));
  } else {
    // The count reads the user's index entries, not their rows; the bulk bar's "select all N" needs it.
    const [[counted], page] = await Promise.all([db.select({ n: count() }).from(applications).where(where), columnWindow(db, where, q, q.sort, direction)]);
    total = counted?.n ?? 0;
    window = page;
  }

  return {
    rows: window.rows.map((r) => {
      const own = next.get(r.id) ?? null;
      return { ...r, nextStep: own, moreSteps: Math.max(0, (todos.get(r.id) ?? 0) - (own?.type === "step" ? 1 : 0)) };
    }),
    total,
    from: window.from,
    nextCursor: window.next ? encodeListCursor(window.next) : null,
    previousCursor: window.previous ? encodeListCursor(window.previous) : null,
    pageSize: q.pageSize,
  };
}
