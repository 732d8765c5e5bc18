import "server-only";
import { and, asc, Column, desc, eq, gt, gte, is, isNotNull, isNull, lt, lte, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications } from "@/db/schema";
import type { ListCursor } from "@/lib/applications/list-cursor";
import type { ApplicationSort, SortDirection } from "@/lib/validation/application-filter";

/** The sorts whose order is in the table's columns (next step's is computed, see application-list.ts). */
export type ColumnSort = Exclude<ApplicationSort, "next-step">;

/** Only what a list row shows. */
export const rowColumns = {
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

const lowerCompany = sql<string>`lower(${applications.company})`;
const keyedColumns = { ...rowColumns, companyKey: lowerCompany };
export type RowColumns = Pick<typeof applications.$inferSelect, keyof typeof rowColumns>;
/** A row, and its sort key as a cursor carries it. */
export type KeyedRow = { row: RowColumns; key: string | number | null };

type Order = {
  /** What the rows are ordered by, then by id; each has an index (user_id, it, id) so a page is one range read. */
  expr: AnyColumn | SQL;
  /** Rows with no value come after all the others, whichever way round: a second, id-ordered run. */
  nullable: boolean;
  /** The row's key as the cursor carries it. */
  keyOf: (r: RowColumns, companyKey: string) => string | number | null;
  /** The cursor's key as the query compares it. */
  valueOf: (key: string | number) => unknown;
};

// Ties break on id in the sort's own direction, so each order is a single
// index scan either way round (an index walks one way or the other, not both
// at once). Ids are UUIDs: their byte order is the same under any collation.
const ORDERS: Record<ColumnSort, Order> = {
  updated: { expr: applications.updatedAt, nullable: false, keyOf: (r) => r.updatedAt.getTime(), valueOf: (k) => new Date(k) },
  applied: { expr: applications.appliedOn, nullable: true, keyOf: (r) => r.appliedOn, valueOf: (k) => k },
  // lower() rather than a case-blind collation: both engines have it, and an index on it.
  company: { expr: lowerCompany, nullable: false, keyOf: (_, companyKey) => companyKey, valueOf: (k) => k },
  excitement: { expr: applications.excitement, nullable: true, keyOf: (r) => r.excitement, valueOf: (k) => k },
};

export type Run = "valued" | "null";
type Anchor = { key: string | number | null; id: string };

/**
 * The rows strictly past `anchor` in one run, walking `ascending` or not.
 * "key <= K and (key < K or id < I)" rather than a row value: both engines
 * read it as a range of the index, and it says the same thing.
 */
function past(order: Order, run: Run, anchor: Anchor | null, ascending: boolean): SQL | undefined {
  const present = run === "valued" ? isNotNull(order.expr) : isNull(order.expr);
  if (!anchor) return present;
  const [strict, loose] = ascending ? [gt, gte] : [lt, lte];
  if (run === "null") return and(present, strict(applications.id, anchor.id));
  const k = order.valueOf(anchor.key as string | number);
  // A column encodes the value as it stores it (a Date as its milliseconds); an expression takes it as is.
  const on = (op: typeof eq) => (is(order.expr, Column) ? op(order.expr, k) : op(order.expr, k));
  return and(on(loose), or(on(strict), and(on(eq), strict(applications.id, anchor.id))));
}

type Walk = { where: SQL | undefined; sort: ColumnSort; direction: SortDirection; toward: ListCursor["toward"]; limit: number };

/** Which way the index is read: the list's own order, or back from the cursor. */
const ascendingFor = ({ direction, toward }: Pick<Walk, "direction" | "toward">) => (direction === "asc") !== (toward === "before");

/** The statement for one run past the anchor (exported for the test that reads its query plan). */
export function keysetQuery(db: Db, walk: Walk & { run: Run; anchor: Anchor | null }) {
  const order = ORDERS[walk.sort];
  const ascending = ascendingFor(walk);
  const by = ascending ? asc : desc;
  return db
    .select(keyedColumns)
    .from(applications)
    .where(and(walk.where, past(order, walk.run, walk.anchor, ascending)))
    // By the key in the null run too, where it is null throughout: Postgres does not take "key is null"
    // as fixing the key, so only this order is the index's own (by id alone it walks the primary key).
    .orderBy(by(order.expr), by(applications.id))
    .limit(walk.limit);
}

/**
 * Up to `limit` rows matching `where` past the anchor, nearest first: forward
 * in the list's order ("after"), or backward from it ("before").
 */
export async function keysetRows(db: Db, walk: Walk & { anchor: Anchor | null }): Promise<KeyedRow[]> {
  const runs: Run[] = ORDERS[walk.sort].nullable ? ["valued", "null"] : ["valued"];
  if (walk.toward === "before") runs.reverse();
  const first = walk.anchor ? runs.indexOf(walk.anchor.key === null ? "null" : "valued") : 0;
  const rows: KeyedRow[] = [];
  for (let i = Math.max(0, first); i < runs.length && rows.length < walk.limit; i++) {
    const found = await keysetQuery(db, { ...walk, run: runs[i], anchor: i === first ? walk.anchor : null, limit: walk.limit - rows.length });
    rows.push(...found.map(({ companyKey, ...row }) => ({ row, key: ORDERS[walk.sort].keyOf(row, companyKey) })));
  }
  return rows;
}
