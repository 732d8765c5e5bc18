import { E2E_ENGINE } from "../../../playwright.config";

// Raw SQL from a browser test, written once for both engines the suite runs
// on. Values in ${…} become bound parameters; the few spellings that differ
// (times, the order rows were added in) are fragments made below, chosen by
// the engine of this run.

export type Sql = { readonly parts: readonly string[]; readonly values: readonly unknown[] };

const isSql = (value: unknown): value is Sql =>
  typeof value === "object" && value !== null && "parts" in value && "values" in value && Array.isArray((value as Sql).parts);

/** A statement: `sql\`select id from users where email = ${email}\``. A nested sql`…` is spliced in. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: string[] = [strings[0]];
  const bound: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      parts[parts.length - 1] += value.parts[0];
      value.values.forEach((v, j) => {
        bound.push(v);
        parts.push(value.parts[j + 1]);
      });
      parts[parts.length - 1] += strings[i + 1];
    } else {
      bound.push(value);
      parts.push(strings[i + 1]);
    }
  });
  return { parts, values: bound };
}

/** Text put into the statement as it is: table and column names, never a value. */
export const raw = (text: string): Sql => ({ parts: [text], values: [] });

const onPostgres = () => E2E_ENGINE === "postgres";

/** The statement in the engine's placeholders: ? for SQLite, $1… for Postgres. */
export function compile(statement: Sql): { text: string; values: unknown[] } {
  const text = statement.parts.reduce((all, part, i) => (i === 0 ? part : `${all}${onPostgres() ? `$${i}` : "?"}${part}`), "");
  return { text, values: [...statement.values] };
}

const secondsOf = (at: Date | number) => (typeof at === "number" ? at : Math.floor(at.getTime() / 1000));

/**
 * A time for a whole-second column (SQLite stores seconds, Postgres a
 * timestamptz): a Date, or seconds since 1970.
 */
export const instant = (at: Date | number | null): Sql =>
  at === null ? sql`null` : onPostgres() ? sql`to_timestamp(${secondsOf(at)})` : sql`${secondsOf(at)}`;

/** A time for a millisecond column (sessions, throttles, applications.updated_at): a Date, or milliseconds since 1970. */
export const instantMs = (at: Date | number): Sql => {
  const ms = typeof at === "number" ? at : at.getTime();
  return onPostgres() ? sql`to_timestamp(${ms / 1000})` : sql`${ms}`;
};

/** A whole-second column moved by `seconds` (negative: earlier). */
export const shifted = (column: string, seconds: number): Sql =>
  onPostgres() ? sql`${raw(column)} + make_interval(secs => ${seconds})` : sql`${raw(column)} + ${seconds}`;

/** Now, to the second. */
export const now = (): Sql => (onPostgres() ? raw("date_trunc('second', now())") : raw("unixepoch()"));

/** The order a table's rows were added in (SQLite's rowid; Postgres has a column for it). */
export const insertionOrder = (table = ""): Sql => raw(`${table ? `${table}.` : ""}${onPostgres() ? "insertion_order" : "rowid"}`);

/** `(select <column>, comma-separated in its order, <from …>)`. */
export const commaList = (column: string, from: string): Sql =>
  onPostgres()
    ? raw(`(select string_agg(${column}, ',' order by ${column}) ${from})`)
    : raw(`(select group_concat(v) from (select ${column} v ${from} order by ${column}))`);
