import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPlan } from "@/db/copy/plan";
import { CopyError, copySqliteToPostgres } from "@/db/copy/sqlite-to-postgres";
import { openPostgres } from "@/db/postgres/open";
import { checkAccessToken } from "@/lib/data/access-tokens";
import { createApplication } from "@/lib/data/applications";
import type { Seeded } from "../support/db-copy-fixture";
import { queryOn, scratchDatabase } from "../support/postgres-scratch";
import { runScript } from "../support/scripts";

// `npm run db:copy` for real: a SQLite file written through lib/ (in a
// process of its own, since lib/ picks its engine once per process), copied
// into fresh Postgres databases; then the app's own read functions, run on
// each engine, must give the same answers.

const FIXTURE = "tests/unit/support/db-copy-fixture.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-db-copy-"));
const file = path.join(dir, "shortlist.db");

/** The fixture on SQLite (no DATABASE_URL) or on the Postgres database `url`. */
const fixture = async (args: string[], url?: string) => (await runScript(FIXTURE, args, { SHORTLIST_DB_PATH: file, DATABASE_URL: url })).stdout;

/** A new, empty database (no tables at all): db:copy migrates it. */
const emptyDatabase = () => scratchDatabase({ migrated: false });

const countsIn = async (url: string) =>
  Object.fromEntries(await Promise.all(copyPlan().map(async ({ name }) => [name, (await queryOn<{ n: number }>(url, `SELECT count(*)::int AS n FROM ${name}`))[0].n])));

function countsInSqlite(): Record<string, number> {
  const sqlite = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(copyPlan().map(({ name }) => [name, (sqlite.prepare(`select count(*) n from ${name}`).get() as { n: number }).n]));
  } finally {
    sqlite.close();
  }
}

let seeded: Seeded;
let fromSqlite: unknown;
beforeAll(async () => {
  seeded = JSON.parse(await fixture(["seed"])) as Seeded;
  fromSqlite = JSON.parse(await fixture(["answers", JSON.stringify(seeded)]));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run db:copy: a stopped SQLite database into an empty Postgres database", () => {
  it("copies every table Postgres' migrations make (the list comes from db/schema)", async () => {
    const url = await emptyDatabase();
    await (await openPostgres(url)).close();
    const tables = await queryOn<{ name: string }>(url, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    expect(copyPlan().map((t) => t.name).sort()).toEqual(tables.map((t) => t.name).sort());
  });

  it("copies every row: the app's read functions (the JSON export among them) answer the same on both engines", { timeout: 120_000 }, async () => {
    const url = await emptyDatabase();
    const copied = await copySqliteToPostgres({ from: file, to: url, batchRows: 7 });

    const inSqlite = countsInSqlite();
    expect(Object.fromEntries(copied.map((c) => [c.table, c.rows]))).toEqual(inSqlite);
    expect(await countsIn(url)).toEqual(inSqlite);
    // Data enough that the comparison means something: both accounts, their imports, files, parts, tokens.
    for (const table of ["users", "applications", "rounds", "round_signals", "events", "imports", "document_versions", "guidance_parts", "access_tokens", "reminder_channels"]) {
      expect(inSqlite[table], table).toBeGreaterThan(table === "users" ? 1 : 0);
    }

    const fromPostgres = JSON.parse(await fixture(["answers", JSON.stringify(seeded)], url));
    expect(fromPostgres).toEqual(fromSqlite);

    // "Added last" tie-breaks: Postgres' insertion_order keeps SQLite's rowid order, and new rows come after.
    const sqlite = new Database(file, { readonly: true });
    for (const table of ["applications", "rounds"]) {
      const rowidOrder = (sqlite.prepare(`select id from ${table} order by rowid`).all() as { id: string }[]).map((r) => r.id);
      const copiedOrder = (await queryOn<{ id: string }>(url, `SELECT id FROM ${table} ORDER BY insertion_order`)).map((r) => r.id);
      expect(copiedOrder).toEqual(rowidOrder);
    }
    sqlite.close();
    const opened = await openPostgres(url);
    try {
      // Tokens are kept as keyed hashes: one made on SQLite still opens the API on Postgres.
      const check = await checkAccessToken(opened.db, { token: seeded.token, now: new Date("2026-11-25T12:00:00Z") });
      expect(check.ok && check.holder.user.id).toBe(seeded.users[0].id);
      const added = await createApplication(opened.db, { userId: seeded.users[0].id, input: { company: "After the copy", roleTitle: "Engineer", status: "applied" } });
      const [{ last }] = await queryOn<{ last: string }>(url, "SELECT id AS last FROM applications ORDER BY insertion_order DESC LIMIT 1");
      expect(last).toBe(added.id);
    } finally {
      await opened.close();
    }
  });

  it("refuses a database that already holds data, with one line, and changes nothing", { timeout: 120_000 }, async () => {
    const url = await emptyDatabase();
    await copySqliteToPostgres({ from: file, to: url });
    const before = await countsIn(url);
    const refused = copySqliteToPostgres({ from: file, to: url });
    await expect(refused).rejects.toThrow(CopyError);
    await expect(refused).rejects.toThrow(/already holds data \(in users, .*\): db:copy only fills an empty database, so nothing was copied\.$/);
    expect(await countsIn(url)).toEqual(before);
  });

  it("rolls everything back when a table's row count differs after the copy, and names the table", { timeout: 120_000 }, async () => {
    const url = await emptyDatabase();
    await (await openPostgres(url)).close();
    // Rows that vanish without an error: only the count check can notice.
    await queryOn(url, "CREATE FUNCTION drop_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
    await queryOn(url, "CREATE TRIGGER drop_sessions BEFORE INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION drop_row()");
    const sessions = countsInSqlite().sessions;
    await expect(copySqliteToPostgres({ from: file, to: url })).rejects.toThrow(
      `The row counts differ after the copy (sessions: ${sessions} rows in SQLite, 0 in Postgres); the copy was rolled back`,
    );
    expect(Object.values(await countsIn(url)).every((n) => n === 0)).toBe(true);
  });

  it("rolls everything back when a table fails half-way, and a second attempt then copies", { timeout: 120_000 }, async () => {
    const url = await emptyDatabase();
    await (await openPostgres(url)).close();
    await queryOn(url, "CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no room for this event'; END $$");
    await queryOn(url, "CREATE TRIGGER refuse_events BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_row()");
    await expect(copySqliteToPostgres({ from: file, to: url })).rejects.toThrow(/^Copying events failed \(no room for this event\); the copy was rolled back/);
    expect(Object.values(await countsIn(url)).every((n) => n === 0)).toBe(true);

    await queryOn(url, "DROP TRIGGER refuse_events ON events");
    await copySqliteToPostgres({ from: file, to: url });
    expect(await countsIn(url)).toEqual(countsInSqlite());
  });

  it("refuses a SQLite file from a newer Shortlist, or one that is not Shortlist's, before touching Postgres", { timeout: 60_000 }, async () => {
    const url = await emptyDatabase();
    const newer = path.join(dir, "newer.db");
    copyFileSync(file, newer);
    const db = new Database(newer);
    db.prepare("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', ?)").run(Date.now());
    db.close();
    await expect(copySqliteToPostgres({ from: newer, to: url })).rejects.toThrow(/newer\.db comes from a newer Shortlist \(\d+ migrations; this one knows \d+\)\. Update Shortlist first\.$/);
    const other = path.join(dir, "other.db");
    const notes = new Database(other);
    notes.exec("create table notes (body text)");
    notes.close();
    await expect(copySqliteToPostgres({ from: other, to: url })).rejects.toThrow(`${other} is an SQLite file but not a Shortlist database.`);
    expect(await queryOn(url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it("refuses a SQLite file that the app (or anything) still has open", { timeout: 60_000 }, async () => {
    const url = await emptyDatabase();
    const running = new Database(file);
    try {
      // As the app holds it: in WAL mode, read from.
      running.pragma("journal_mode = WAL");
      running.prepare("select count(*) from users").get();
      await expect(copySqliteToPostgres({ from: file, to: url })).rejects.toThrow(`${file} is in use: the app (or another program) has it open. Stop the app, then run db:copy again.`);
    } finally {
      running.close();
    }
    expect(await queryOn(url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });
});
