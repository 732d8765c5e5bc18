// Puts a backup in place of the database, with the app stopped.
//   npm run db:restore -- <backup file>
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../db/location";
import { MIGRATIONS_FOLDER } from "../db/open";
import { refuseIfInUse } from "../db/sqlite/in-use";

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/:/g, "-");
const SQLITE_HEADER = "SQLite format 3\u0000";

/** How many migrations this copy of Shortlist has: a backup that has applied more comes from a newer version. */
function knownMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/** Checks a candidate copy: a sound SQLite file, a Shortlist database, not from a newer Shortlist. Throws with the reason. */
function check(file: string, original: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${original} is damaged (integrity check: ${integrity}). Try an older backup.`);
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (!tables.has("users") || !tables.has("applications") || !tables.has("__drizzle_migrations")) {
      throw new Error(`${original} is an SQLite file but not a Shortlist database.`);
    }
    const applied = (db.prepare("select count(*) n from __drizzle_migrations").get() as { n: number }).n;
    if (applied > knownMigrations()) {
      throw new Error(`${original} comes from a newer Shortlist (${applied} migrations; this one knows ${knownMigrations()}). Update Shortlist first.`);
    }
    // A single file, whatever journal mode the backup was taken in: the app turns WAL back on at start.
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
}

function main() {
  const backup = process.argv[2];
  if (!backup) throw new Error("Usage: npm run db:restore -- <backup file>");
  const source = path.resolve(backup);
  if (!existsSync(source)) throw new Error(`There is no file at ${source}.`);
  const head = readFileSync(source).subarray(0, 16).toString("latin1");
  if (head !== SQLITE_HEADER) throw new Error(`${source} is not an SQLite database file.`);

  const live = databasePath();
  refuseIfInUse(live, "run the restore again");
  // The copy is checked where it will live, then renamed into place in one step.
  const incoming = `${live}.restoring-${stamp(new Date())}`;
  copyFileSync(source, incoming);
  try {
    check(incoming, source);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }

  const aside = `before-restore-${stamp(new Date())}`;
  const moved: string[] = [];
  for (const suffix of ["", "-wal", "-shm"]) {
    if (!existsSync(`${live}${suffix}`)) continue;
    // Kept, not deleted: the database being replaced, and any -wal/-shm left beside it.
    renameSync(`${live}${suffix}`, `${live}${suffix}.${aside}`);
    moved.push(`${live}${suffix}.${aside}`);
  }
  renameSync(incoming, live);
  console.log(`Restored ${source}`);
  console.log(`    into ${live}`);
  if (moved.length) console.log(`The database it replaced was moved aside, not deleted:\n  ${moved.join("\n  ")}`);
  console.log("Start the app as usual; it brings the schema up to date if the backup is older.");
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
