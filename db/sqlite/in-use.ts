import { existsSync } from "node:fs";
import Database from "better-sqlite3";

/**
 * Throws when another connection has the SQLite file open (the app, a script).
 * The app keeps its connection open while it runs, and SQLite refuses to
 * leave WAL mode while any other connection has the file open: that refusal
 * is how a running app is detected, whatever its process or port. The file
 * is left in rollback-journal mode; the app turns WAL back on at start.
 */
export function refuseIfInUse(file: string, todo: string): void {
  if (!existsSync(file)) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("journal_mode = DELETE");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new Error(`${file} is in use: the app (or another program) has it open. Stop the app, then ${todo}.`);
    }
    throw error;
  } finally {
    db.close();
  }
}
