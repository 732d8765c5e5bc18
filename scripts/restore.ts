// Puts a backup in place of the database, with the app stopped.
//   npm run db:restore -- <backup file>
// On Postgres (DATABASE_URL=postgres://…) the file is a pg_dump archive
// (npm run db:backup), restored with pg_restore in one transaction.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { copyPlan } from "../db/copy/plan";
import { engineKind } from "../db/engine-kind";
import { databasePath } from "../db/location";
import { DUMP_MAGIC, findTool, runTool, tablesInDump } from "../db/postgres/dump";
import { describeUrl } from "../db/postgres/startup";
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

/** Shortlist's servers and workers name themselves "shortlist" to the database server. */
async function connectedServers(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'shortlist'",
  );
  return rows[0].n;
}

async function tablesInDatabase(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>("SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname IN ('public', 'drizzle')");
  return rows.map((r) => r.name);
}

/**
 * pg_restore --clean --single-transaction: every table of the backup is
 * dropped and made again from it, or, on any error, nothing changes. What
 * the database held before is dumped first (kept, not lost, like SQLite's
 * file moved aside). A table the backup lacks would survive the restore
 * beside the older schema, so that case is refused.
 */
async function restorePostgres(source: string, url: string): Promise<void> {
  const pgRestore = findTool("pg_restore");
  const inBackup = await tablesInDump(source);
  if (!inBackup.includes("public.users") || !inBackup.includes("public.applications")) throw new Error(`${source} is a pg_dump archive but not of a Shortlist database.`);
  const known = new Set(copyPlan().map((t) => `public.${t.name}`));
  const newer = inBackup.filter((t) => t.startsWith("public.") && !known.has(t));
  if (newer.length) throw new Error(`${source} comes from a newer Shortlist (it has ${newer.join(", ")}). Update Shortlist first.`);

  const where = describeUrl(url);
  const client = new pg.Client({ connectionString: url, application_name: "shortlist db:restore" });
  let present: string[];
  try {
    await client.connect();
    const servers = await connectedServers(client);
    if (servers) throw new Error(`${where} is in use: ${servers} connection(s) of Shortlist's servers or workers are open. Stop every server and worker, then run the restore again.`);
    present = await tablesInDatabase(client);
  } finally {
    await client.end();
  }
  const extra = present.filter((t) => t.startsWith("public.") && !inBackup.includes(t));
  if (extra.length) {
    throw new Error(`${where} has tables the backup lacks (${extra.join(", ")}): the backup comes from an older Shortlist. Restore it into a new, empty database (createdb), point DATABASE_URL at it, and start Shortlist: it brings the schema up to date.`);
  }

  let kept: string | undefined;
  if (present.length) {
    kept = path.join(path.dirname(databasePath()), "backups", `before-restore-${stamp(new Date())}.dump`);
    mkdirSync(path.dirname(kept), { recursive: true });
    await runTool(findTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${kept}`], url);
  }
  await runTool(pgRestore, ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", source], url);
  console.log(`Restored ${source}`);
  console.log(`    into ${where}`);
  if (kept) console.log(`What the database held before is kept, not deleted, in:\n  ${kept}`);
  console.log("Start the servers as usual; they bring the schema up to date if the backup is older (with SHORTLIST_MIGRATE=manual, run npm run db:migrate first).");
}

async function main() {
  const backup = process.argv[2];
  if (!backup) throw new Error("Usage: npm run db:restore -- <backup file>");
  const source = path.resolve(backup);
  if (!existsSync(source)) throw new Error(`There is no file at ${source}.`);
  const head = readFileSync(source).subarray(0, 16).toString("latin1");
  if (engineKind() === "postgres") {
    if (head === SQLITE_HEADER) throw new Error(`${source} is a SQLite backup, and DATABASE_URL points at Postgres. Restore it with DATABASE_URL unset, then move it with npm run db:copy.`);
    if (!head.startsWith(DUMP_MAGIC)) throw new Error(`${source} is not a pg_dump archive (npm run db:backup makes one).`);
    return restorePostgres(source, process.env.DATABASE_URL?.trim() ?? "");
  }
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
