import { is, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/*
 * The few pieces of SQL whose spelling differs between SQLite and PostgreSQL,
 * behind engine-neutral names, so lib/ never names an engine. Each chooses its
 * form from the column (or table) it is given: a query built on the Postgres
 * schema's tables gets the Postgres form. Both forms give the same answers;
 * tests/unit/dialect.test.ts pins them.
 */

type Engine = "sqlite" | "postgres";

function engineOf(target: AnyColumn | SQLiteTable | PgTable): Engine {
  if (is(target, SQLiteColumn) || is(target, SQLiteTable)) return "sqlite";
  if (is(target, PgColumn) || is(target, PgTable)) return "postgres";
  throw new Error("db/dialect: a column or table of neither schema");
}

/** A-Z to a-z and nothing else, as constants in the statement (the same text every time, fit for an expression index). */
const foldAscii = (column: AnyColumn): SQL => sql`translate(${column}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;

/** LIKE treats % and _ as wildcards: a search for "100%" means the characters. */
function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The column contains `needle`, ignoring the case of ASCII letters only
 * (SQLite's LIKE): "é" does not find "É" on either engine. A null column
 * matches nothing.
 */
export function containsText(column: AnyColumn, needle: string): SQL {
  if (engineOf(column) === "sqlite") return sql`${column} like ${likePattern(needle)} escape '\\'`;
  // Postgres: LIKE is case-sensitive and lower() folds every letter of the
  // locale, so fold A-Z alone, on both sides.
  const folded = needle.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return sql`${foldAscii(column)} like ${likePattern(folded)} escape '\\'`;
}

/**
 * An ORDER BY term that ignores the case of ASCII letters and otherwise
 * compares bytes (SQLite's NOCASE): "apple" and "Apple" tie, "É" sorts after
 * every ASCII letter. Ties need a tie-break after it.
 */
export function caseInsensitiveOrder(column: AnyColumn): SQL {
  if (engineOf(column) === "sqlite") return sql`${column} collate nocase`;
  return sql`${foldAscii(column)} collate "C"`;
}

/**
 * `column in (values)` with one bound parameter however many values there
 * are: no statement grows with the list, and none meets SQLite's limit of
 * 32,766 variables (an overdue filter or a bulk action can name every
 * application of an account).
 */
export function inList(column: AnyColumn, values: readonly string[]): SQL {
  if (engineOf(column) === "sqlite") return sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
  return sql`${column} = any(${sql.param([...values])}::text[])`;
}

/**
 * The order rows were added in, for a tie-break of "the one added last".
 * SQLite has it as the rowid, which every index of the table ends with;
 * Postgres has no such thing, so its tables carry an identity column,
 * `insertion_order`, for it.
 */
export function insertionOrder(table: SQLiteTable | PgTable): SQL {
  if (engineOf(table) === "sqlite") return sql`${table}.rowid`;
  return sql`${table}.${sql.identifier("insertion_order")}`;
}

/**
 * A select that takes its rows for the transaction it runs in, passing over
 * rows another transaction holds: `FOR UPDATE SKIP LOCKED` on Postgres, so
 * claimers on several servers take different rows at the same moment, and a
 * row being claimed is never waited for nor taken twice. SQLite runs one
 * write at a time, so there the query stays as it is.
 */
export function skippingLockedRows<Q extends object>(query: Q, table: SQLiteTable | PgTable): Q {
  if (engineOf(table) === "sqlite") return query;
  return (query as unknown as { for(strength: "update", config: { skipLocked: true }): Q }).for("update", { skipLocked: true });
}
