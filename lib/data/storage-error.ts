// The one vocabulary for storage failures: what went wrong with the database
// file itself (full, read-only, locked, damaged...), as opposed to what the
// user asked for. The user is told in plain words that nothing was saved; the
// operator gets one tagged log line with SQLite's code.

export const STORAGE_FAILURES = ["full", "read-only", "busy", "io", "corrupt", "cant-open", "failed"] as const;
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

/** What the user reads next to the form. Every one says that nothing was saved, because nothing was. */
export const STORAGE_MESSAGES: Record<StorageFailure, string> = {
  full: "Couldn't save: the server's disk is full. Nothing was changed.",
  "read-only": "Couldn't save: the server can't write to its database right now. Nothing was changed.",
  busy: "The database is busy; try again in a moment. Nothing was changed.",
  io: "Couldn't save: the server couldn't write to its disk. Nothing was changed.",
  corrupt: "Couldn't save: the server's database is damaged. Nothing was changed.",
  "cant-open": "Couldn't save: the server can't open its database. Nothing was changed.",
  failed: "Couldn't save: the server could not finish the save. Nothing was changed.",
};

/** A write that did not happen, for a reason in the storage rather than in the request. */
export class StorageError extends Error {
  override readonly name = "StorageError";

  constructor(
    readonly kind: StorageFailure,
    /** SQLite's code (SQLITE_FULL...), or "COMMIT" for a commit that failed with a code of no known kind. */
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`${kind} (${code}): ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }

  /** The plain words for the user. */
  get userMessage(): string {
    return STORAGE_MESSAGES[this.kind];
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
  const kind = storageFailureOf(error);
  if (kind) return new StorageError(kind, sqliteCode(error) ?? kind, { cause: error });
  if (atCommit) return new StorageError("failed", sqliteCode(error) ?? "COMMIT", { cause: error });
  return null;
}

/** The one log line for a storage failure: tagged, with SQLite's code, no stack. */
export function logStorageError(error: StorageError, where: string): void {
  console.error(`[storage] ${where}: nothing was saved: ${error.message}`);
}
