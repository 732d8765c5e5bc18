import path from "node:path";
import { touchHealthProbeAtStart } from "./health";
import { storageFailureOf, type StorageFailure } from "./storage-error";
import { openDatabase, type OpenedDatabase } from "./open";

/**
 * The server cannot use its database. The message is the one line an
 * operator reads: what is wrong, with which file, and what to do.
 */
export class DatabaseStartError extends Error {
  override readonly name = "DatabaseStartError";
}

type Step = "folder" | "open" | "check" | "migrate" | "write";

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;
const detailOf = (error: unknown) => {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.startsWith(code) ? `${code}: ${message}` : message;
};

/** SQLite's codes first; then the file system's, for the folder and the open. */
function kindOf(error: unknown): StorageFailure | null {
  const sqlite = storageFailureOf(error);
  if (sqlite) return sqlite;
  const code = codeOf(error);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "read-only";
  if (code === "ENOSPC") return "full";
  // A file where the folder should be.
  if (code === "ENOTDIR" || code === "ENOENT" || code === "EEXIST") return "cant-open";
  return null;
}

const TO_DO: Record<StorageFailure, (file: string) => string> = {
  "read-only": () => "Make the file, its folder and any -wal/-shm files beside it writable by the user running Shortlist",
  full: () => "Free some space on that disk, then start again",
  busy: () => "Stop whatever holds it (a script, a backup, another server on the same file), then start again",
  io: () => "Check the disk and the file, then start again",
  corrupt: () => `Restore it from a backup (see "Your data" in the README), or move it away to start with an empty database`,
  "cant-open": (file) => `Check that ${path.dirname(file)} is a folder this user can write to, or set SHORTLIST_DB_PATH to another place`,
  failed: () => "Check the file and the log above, then start again",
  "connection-lost": () => "Check that the database server is running and reachable at DATABASE_URL, then start again",
  "commit-unknown": () => "Check that the database server is running and reachable at DATABASE_URL, then start again",
};

const WHAT: Record<StorageFailure, string> = {
  "read-only": "is read-only",
  full: "is on a full disk",
  busy: "is locked by another process",
  io: "could not be read or written",
  corrupt: "is damaged or is not a SQLite database",
  "cant-open": "could not be opened",
  failed: "could not be used",
  "connection-lost": "could not be reached",
  "commit-unknown": "could not be reached",
};

function explain(file: string, step: Step, error: unknown): DatabaseStartError {
  const kind = kindOf(error) ?? (step === "migrate" ? null : "failed");
  const why = detailOf(error);
  if (!kind) {
    return new DatabaseStartError(
      `Shortlist can't start: applying the migrations to the database ${file} failed (${why}). Restore the file from a backup, or report the problem with this line.`,
      { cause: error },
    );
  }
  const subject = step === "folder" ? `the folder for the database ${file}` : `the database ${file}`;
  return new DatabaseStartError(`Shortlist can't start: ${subject} ${WHAT[kind]} (${why}). ${TO_DO[kind](file)}.`, { cause: error });
}

/**
 * Opens the server's database and proves it is usable before anyone is
 * served: the file opens, `PRAGMA quick_check` finds it sound, the
 * migrations apply, and a write commits. Any failure is thrown as a
 * DatabaseStartError whose message is the one line to print before exiting.
 */
export function openCheckedDatabase(file: string, now = new Date()): OpenedDatabase {
  let opened: OpenedDatabase | undefined;
  let step: Step = "open";
  try {
    // openDatabase migrates as it opens; a damaged file usually fails there
    // already, and quick_check below catches what reading the schema did not.
    step = "migrate";
    opened = openDatabase(file);
    step = "check";
    const problems = opened.sqlite.pragma("quick_check", { simple: false }) as { quick_check: string }[];
    if (problems.length !== 1 || problems[0].quick_check !== "ok") {
      throw Object.assign(new Error(problems.slice(0, 3).map((p) => p.quick_check).join("; ")), { code: "SQLITE_CORRUPT" });
    }
    step = "write";
    touchHealthProbeAtStart(opened.sqlite, now);
    return opened;
  } catch (error) {
    opened?.close();
    // mkdir in openDatabase fails with a file-system code before SQLite is involved.
    const code = codeOf(error);
    throw explain(file, typeof code === "string" && !code.startsWith("SQLITE_") && step === "migrate" ? "folder" : step, error);
  }
}
