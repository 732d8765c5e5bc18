// Online backup of the database while the app runs, then a check of the copy.
//   npm run db:backup              -> <database folder>/backups/shortlist-<time>.db
//   npm run db:backup -- <path>    -> there
// On Postgres (DATABASE_URL=postgres://…): pg_dump's custom format,
// <database folder>/backups/shortlist-<time>.dump by default.
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { engineKind } from "../db/engine-kind";
import { databasePath } from "../db/location";
import { findTool, runTool, tablesInDump } from "../db/postgres/dump";
import { describeUrl } from "../db/postgres/startup";

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/:/g, "-");
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Where a new backup goes: the path given, else the backups folder beside where SQLite's file would be. */
function targetOf(given: string | undefined, extension: string): string {
  const target = path.resolve(given ?? path.join(path.dirname(databasePath()), "backups", `shortlist-${stamp(new Date())}.${extension}`));
  if (existsSync(target)) throw new Error(`${target} already exists; name another file, so no backup is overwritten.`);
  mkdirSync(path.dirname(target), { recursive: true });
  return target;
}

/**
 * pg_dump takes one consistent snapshot (a REPEATABLE READ transaction)
 * while the servers keep writing. The archive is then read back with
 * pg_restore --list, and must hold the tables' data, before it is called a
 * backup.
 */
async function backupPostgres(url: string): Promise<void> {
  const pgDump = findTool("pg_dump");
  const target = targetOf(process.argv[2], "dump");
  process.stderr.write(`Dumping ${describeUrl(url)} with ${pgDump}…\n`);
  await runTool(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`], url);
  const tables = await tablesInDump(target);
  if (!tables.includes("public.users") || !tables.includes("public.applications")) {
    throw new Error(`The dump at ${target} holds no Shortlist tables (${tables.length} tables). Is DATABASE_URL the right database? Don't rely on the file.`);
  }
  console.log(`Backed up ${describeUrl(url)}`);
  console.log(`       to ${target}`);
  console.log(`${megabytes(statSync(target).size)}, pg_dump's custom format with the rows of ${tables.length} tables; pg_restore reads it back.`);
  console.log(`Restore it with: npm run db:restore -- "${target}" (with every server stopped)`);
}

/**
 * SQLite's online backup API (better-sqlite3's backup()) copies the pages a
 * few hundred at a time and starts over if a write lands in between, so the
 * copy is one consistent moment even while the app writes. The copy is made
 * a single self-contained file (no -wal), then checked with integrity_check
 * and foreign_key_check before it is called a backup.
 */
async function backupSqlite(): Promise<void> {
  const source = databasePath();
  if (!existsSync(source)) throw new Error(`There is no database at ${source} (set SHORTLIST_DB_PATH if it lives elsewhere).`);
  const target = targetOf(process.argv[2], "db");

  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(target, {
      progress({ totalPages, remainingPages }) {
        process.stderr.write(`\rCopying: ${totalPages - remainingPages}/${totalPages} pages\x1b[K`);
        return 500;
      },
    });
    process.stderr.write("\rCopied every page.\x1b[K\n");
  } finally {
    live.close();
  }

  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    const orphans = copy.pragma("foreign_key_check") as unknown[];
    if (integrity !== "ok" || orphans.length) {
      throw new Error(`The copy at ${target} failed its check (${integrity !== "ok" ? `integrity: ${integrity}` : `${orphans.length} rows point at missing rows`}). Don't rely on it; run the backup again.`);
    }
    const count = (table: string) => (copy.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
    console.log(`Backed up ${source}`);
    console.log(`       to ${target}`);
    console.log(`${megabytes(statSync(target).size)}, ${count("users")} accounts, ${count("applications")} applications. Integrity check: ok.`);
    console.log(`Restore it with: npm run db:restore -- "${target}" (with the app stopped)`);
  } finally {
    copy.close();
  }
}

async function main() {
  if (engineKind() === "postgres") await backupPostgres(process.env.DATABASE_URL?.trim() ?? "");
  else await backupSqlite();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
