import { Column, getTableName, is, SQL, Table } from "drizzle-orm";
import { getTableConfig as pgConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig, getTableConfig as sqliteConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as postgres from "@/db/schema/postgres";
import * as sqlite from "@/db/schema/sqlite";

// The two schemas define the same database: tables, columns, the kind of
// value each holds, nullability, defaults, keys, indexes, checks and foreign
// keys (the composite (id, user_id) ownership keys included). Read from
// drizzle's own description of each table, engine words put in common terms.

type AnyColumn = SQLiteColumn | PgColumn;

/**
 * What Postgres has and SQLite has not, on purpose: the insertion order that
 * stands in for SQLite's rowid in tie-breaks (db/dialect.ts), and the indexes
 * that end with it (SQLite's own indexes hold the rowid already).
 */
const POSTGRES_ONLY = {
  columns: ["applications.insertion_order", "rounds.insertion_order"],
  indexes: ["applications_user_updated_order_idx", "rounds_user_scheduled_order_idx"],
};

/** The kind of value, in words both engines share. */
function kindOf(column: AnyColumn): string {
  const type = column.getSQLType();
  const mode = (column as unknown as { config?: { mode?: string } }).config?.mode;
  if (column.columnType === "SQLiteTimestamp") return mode === "timestamp_ms" ? "time (ms)" : "time (s)";
  if (type.startsWith("timestamp(0)")) return "time (s)";
  if (type.startsWith("timestamp(3)")) return "time (ms)";
  if (column.columnType === "SQLiteBoolean" || type === "boolean") return "boolean";
  if (type === "blob" || type === "bytea") return "bytes";
  if (type === "text" || type === 'text collate "C"') return "text";
  // SQLite's integer holds 64 bits: a Postgres bigint (milliseconds since the epoch) is the same kind.
  if (type === "integer" || type === "bigint") return "integer";
  return `unknown: ${column.columnType} ${type}`;
}

/** A default as both engines mean it: "now" for the time defaults, else the value. */
function defaultOf(column: AnyColumn): unknown {
  const value: unknown = column.default;
  if (!is(value, SQL)) return value;
  const text = value.queryChunks.map((c) => (c as { value?: string[] }).value?.join("") ?? "?").join("");
  const NOW: Record<string, string> = {
    "(unixepoch())": "now (s)",
    "date_trunc('second', now())": "now (s)",
    "(cast(unixepoch('subsec') * 1000 as integer))": "now (ms)",
    "date_trunc('milliseconds', now())": "now (ms)",
  };
  return NOW[text] ?? `sql: ${text}`;
}

function describeColumn(column: AnyColumn) {
  return {
    kind: kindOf(column),
    notNull: column.notNull,
    primary: column.primary,
    unique: column.isUnique,
    default: defaultOf(column),
    setByApp: column.defaultFn !== undefined,
  };
}

/** An index's part: a column's name, or an expression written with its columns' names ("lower(company)"). */
function indexPart(part: unknown): string {
  if (!is(part, SQL)) return (part as { name: string }).name;
  return part.queryChunks
    .map((c) => (is(c, Column) ? c.name : ((c as { value?: string[] }).value?.join("") ?? "?")))
    .join("");
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function describeTable(config: Config) {
  const names = (columns: { name: string }[]) => columns.map((c) => c.name);
  const shared = config.columns.filter((c) => !POSTGRES_ONLY.columns.includes(`${config.name}.${c.name}`));
  return {
    columns: Object.fromEntries(shared.map((c) => [c.name, describeColumn(c)])),
    primaryKeys: config.primaryKeys.map((k) => names(k.columns)),
    // A named unique constraint is a unique index by another name (see db/schema/postgres.ts).
    indexes: [
      ...config.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique ?? false, on: i.config.columns.map(indexPart) })),
      ...config.uniqueConstraints.map((u) => ({ name: u.name, unique: true, on: names(u.columns) })),
    ]
      .filter((i) => !POSTGRES_ONLY.indexes.includes(String(i.name)))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return { columns: names(ref.columns), table: getTableName(ref.foreignTable), foreignColumns: names(ref.foreignColumns), onDelete: fk.onDelete };
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

function tablesOf<T>(module: Record<string, unknown>, read: (table: T) => Config): Record<string, ReturnType<typeof describeTable>> {
  return Object.fromEntries(
    Object.entries(module)
      .filter(([, value]) => is(value, Table))
      .map(([key, value]) => [`${key} (${getTableName(value as Table)})`, describeTable(read(value as T))]),
  );
}

const sqliteTables = tablesOf<SQLiteTable>(sqlite, sqliteConfig);
const postgresTables = tablesOf<PgTable>(postgres, pgConfig);

describe("the SQLite and Postgres schemas", () => {
  it("have the same tables", () => {
    expect(Object.keys(postgresTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(25);
  });

  it.each(Object.keys(sqliteTables))("agree on %s", (name) => {
    expect(postgresTables[name]).toEqual(sqliteTables[name]);
  });

  it("cover what matters: ownership keys, kinds of value and defaults are read", () => {
    const rounds = sqliteTables["rounds (rounds)"];
    expect(rounds.foreignKeys).toContainEqual({ columns: ["application_id", "user_id"], table: "applications", foreignColumns: ["id", "user_id"], onDelete: "cascade" });
    expect(rounds.columns.no_next_steps).toMatchObject({ kind: "boolean", notNull: true, default: false });
    expect(rounds.columns.created_at).toMatchObject({ kind: "time (s)", default: "now (s)", setByApp: true });
    expect(postgresTables["rounds (rounds)"].columns.updated_at).toMatchObject({ kind: "time (ms)", default: "now (ms)", setByApp: true });
    expect(postgresTables["documentVersions (document_versions)"].columns.content.kind).toBe("bytes");
    expect(sqliteTables["applications (applications)"].indexes).toContainEqual({ name: "applications_user_company_id_idx", unique: false, on: ["user_id", "lower(company)", "id"] });
  });

  it("would notice a difference: a column dropped from one side", () => {
    const changed = structuredClone(sqliteTables["users (users)"]);
    delete (changed.columns as Record<string, unknown>).locale;
    expect(changed).not.toEqual(postgresTables["users (users)"]);
  });
});

it("lists only what Postgres really has beyond SQLite", () => {
  const pgNames = Object.values(postgres)
    .filter((v) => is(v, Table))
    .flatMap((t) => {
      const c = pgConfig(t as PgTable);
      return [...c.columns.map((col) => `${c.name}.${col.name}`), ...c.indexes.map((i) => String(i.config.name))];
    });
  expect(pgNames).toEqual(expect.arrayContaining([...POSTGRES_ONLY.columns, ...POSTGRES_ONLY.indexes]));
  expect(getTableConfig(sqlite.applications).columns.map((c) => c.name)).not.toContain("insertion_order");
});

it("ids and names sort in byte order on Postgres, as on SQLite", () => {
  const id = pgConfig(postgres.applications).columns.find((c) => c.name === "id");
  expect(id?.getSQLType()).toBe('text collate "C"');
});
