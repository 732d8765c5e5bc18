// The one vocabulary for storage failures: what went wrong with the database
// file itself (full, read-only, locked, damaged...), as opposed to what the
// user asked for. The user is told in plain words that nothing was saved; the
// operator gets one tagged log line with SQLite's code.
import { postgresFailureOf } from "./postgres/errors";

export const STORAGE_FAILURES = ["full", "read-only", "busy", "io", "corrupt", "cant-open", "failed", "connection-lost", "commit-unknown"] as const;
export type StorageFailure = (typeof STORAGE_FAILURES)[number];

/**
 * SQLite's result codes (better-sqlite3 puts the extended one on `code`,
 * such as SQLITE_IOERR_WRITE), by the prefix that decides the kind.
 */
const KIND_BY_CODE: [prefix: string, kind: StorageFailure][] = [
  ["SQLITE_FULL", "full"],
  ["SQLITE_READONLY", "read-only"],
  ["SQLITE_PERM", "read-only"],
  ["SQLITE_BUSY", "busy"],
  ["SQLITE_LOCKED", "busy"],
  ["SQLITE_IOERR", "io"],
  ["SQLITE_NOMEM", "io"],
  ["SQLITE_CORRUPT", "corrupt"],
  ["SQLITE_NOTADB", "corrupt"],
  ["SQLITE_CANTOPEN", "cant-open"],
];

/**
 * Why, in the user's words; every message built on these says that nothing
 * was saved, because nothing was. Not so when a database server's connection
 * was lost during COMMIT ("commit-unknown"): the server may have committed.
 */
const REASONS: Record<Exclude<StorageFailure, "busy" | "commit-unknown">, string> = {
  full: "the server's disk is full",
  "read-only": "the server can't write to its database right now",
  io: "the server couldn't write to its disk",
  corrupt: "the server's database is damaged",
  "cant-open": "the server can't open its database",
  failed: "the server could not finish the save",
  "connection-lost": "the server lost its connection to the database",
};
const UNKNOWN =
  "The server lost its connection to the database while saving, so it can't tell whether your change was saved. Reload to check before trying again.";
const BUSY = "The database is busy; try again in a moment.";

/** What the user reads next to a form whose save was refused. */
export function storageMessage(kind: StorageFailure): string {
  if (kind === "commit-unknown") return UNKNOWN;
  return kind === "busy" ? `${BUSY} Nothing was changed.` : `Couldn't save: ${REASONS[kind]}. Nothing was changed.`;
}

/** The same for a sign-in, which writes too (it counts the attempt). */
export function signInStorageMessage(kind: StorageFailure): string {
  if (kind === "commit-unknown") return `Couldn't sign you in: ${REASONS["connection-lost"]}. Please try again.`;
  return kind === "busy" ? BUSY : `Couldn't sign you in: ${REASONS[kind]}. Please try again later.`;
}

/** A write that did not happen, for a reason in the storage rather than in the request. */
export class StorageError extends Error {
  override readonly name = "StorageError";

  constructor(
    readonly kind: StorageFailure,
    /** SQLite's code (SQLITE_FULL...), Postgres' SQLSTATE or the driver's, or "COMMIT" for a commit that failed with a code of no known kind. */
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`${kind} (${code}): ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }

  /** The plain words for the user. */
  get userMessage(): string {
    return storageMessage(this.kind);
  }
}

function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : null;
}

/** The kind of a SQLite error that is about the storage; null for anything else (a constraint, a bug). */
export function storageFailureOf(error: unknown): StorageFailure | null {
  const code = sqliteCode(error);
  if (!code) return null;
  return KIND_BY_CODE.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1] ?? null;
}

/**
 * The error as a StorageError when it is one: a storage code anywhere, or
 * any failure of the commit itself (whatever its code, nothing was saved).
 * Other errors (a constraint broken mid-write, a bug) are not storage errors
 * and are returned as null, to be thrown on as they are.
 */
export function toStorageError(error: unknown, { atCommit = false }: { atCommit?: boolean } = {}): StorageError | null {
  if (error instanceof StorageError) return error;
  const postgres = postgresFailureOf(error);
  if (postgres) return new StorageError(postgres.kind, postgres.code, { cause: error });
  const kind = storageFailureOf(error);
  if (kind) return new StorageError(kind, sqliteCode(error) ?? kind, { cause: error });
  if (atCommit) return new StorageError("failed", sqliteCode(error) ?? "COMMIT", { cause: error });
  return null;
}

/** A StorageError wrapped by a library (next-auth files the error thrown in authorize under `cause.err`). */
export function storageErrorIn(error: unknown): StorageError | null {
  for (let at = error, depth = 0; at && typeof at === "object" && depth < 5; depth++) {
    if (at instanceof StorageError) return at;
    const cause: unknown = (at as { cause?: unknown }).cause;
    at = cause instanceof Error ? cause : (cause as { err?: unknown } | undefined)?.err;
  }
  return null;
}

/** The one log line for a storage failure: tagged, with SQLite's code, no stack. */
export function logStorageError(error: StorageError, where: string): void {
  const outcome = error.kind === "commit-unknown" ? "the commit's outcome is unknown" : "nothing was saved";
  console.error(`[storage] ${where}: ${outcome}: ${error.message}`);
}
