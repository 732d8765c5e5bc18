import { customType } from "drizzle-orm/pg-core";

// The column kinds Shortlist's Postgres tables are made of, chosen so that a
// value reads back and sorts as it does on SQLite.

/**
 * Text in byte order (collation "C"), as SQLite's BINARY: ids and names sort
 * and tie-break the same on both engines, whatever the database's locale,
 * and case-folding (lower, ilike) is ASCII-only, as SQLite's nocase and like.
 */
export const text = customType<{ data: string; driverData: string }>({
  dataType: () => 'text collate "C"',
});

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * An instant to the whole second (SQLite's mode "timestamp"). Postgres'
 * timestamp(0) rounds a fraction; SQLite cuts it: the value is cut here
 * first, so a time stored at 12:00:00.9 is 12:00:00 on both.
 */
export const instant = customType<{ data: Date; driverData: string | Date }>({
  dataType: () => "timestamp(0) with time zone",
  toDriver: (value) => new Date(Math.floor(value.getTime() / 1000) * 1000).toISOString(),
  fromDriver: toDate,
});

/** An instant to the millisecond (SQLite's mode "timestamp_ms"). */
export const instantMs = customType<{ data: Date; driverData: string | Date }>({
  dataType: () => "timestamp(3) with time zone",
  toDriver: (value) => value.toISOString(),
  fromDriver: toDate,
});

/** Bytes (SQLite's BLOB in mode "buffer"). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
