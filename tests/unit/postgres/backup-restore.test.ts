import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/open";
import { openPostgres } from "@/db/postgres/open";
import { exportDocument } from "@/lib/data/account-export";
import { createApplication, deleteApplication, listApplications } from "@/lib/data/applications";
import { saveDocumentFile } from "@/lib/data/documents";
import { makeUser } from "../support/db";
import { pdfBytes } from "../support/documents";
import { queryOn, scratchDatabase } from "../support/postgres-scratch";
import { runScript } from "../support/scripts";

// `npm run db:backup` and `db:restore` on Postgres, as an operator runs them:
// pg_dump's custom format and pg_restore in one transaction.

const NOW = new Date("2026-11-25T12:00:00Z");
const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-pg-backup-"));
// Where backups go by default: beside where SQLite's file would be.
const SHORTLIST_DB_PATH = path.join(dir, "data", "shortlist.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two accounts with applications and a document file (bytes), written through lib/. */
async function seeded(url: string) {
  const opened = await openPostgres(url);
  try {
    const ana = await makeUser(opened.db, "ana@example.com");
    const ben = await makeUser(opened.db, "ben@example.com");
    for (const company of ["Acme", "Globex", "Initech"]) await createApplication(opened.db, { userId: ana.id, input: { company, roleTitle: "Engineer", status: "applied" } });
    await createApplication(opened.db, { userId: ben.id, input: { company: "Umbrella", roleTitle: "Analyst", status: "interviewing" } });
    const saved = await saveDocumentFile(opened.db, { userId: ana.id, kind: "cv", name: "CV", file: { fileName: "cv.pdf", type: "pdf", bytes: pdfBytes("ana") }, quotaBytes: 1e9, now: NOW });
    expect(saved.ok).toBe(true);
    return { ana, ben, export: await exportDocument(opened.db, { userId: ana.id, now: NOW }) };
  } finally {
    await opened.close();
  }
}

describe("npm run db:backup and db:restore on Postgres", () => {
  it("backs up while the data is there, and the restore brings back exactly that, keeping what it replaced", { timeout: 120_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    const before = await seeded(url);
    const backup = await runScript("scripts/backup.ts", [], { DATABASE_URL: url, SHORTLIST_DB_PATH });
    const file = backup.stdout.match(/^ {7}to (.+\.dump)$/m)?.[1];
    expect(file && existsSync(file)).toBe(true);
    expect(path.dirname(file!)).toBe(path.join(dir, "data", "backups"));
    expect(backup.stdout).toMatch(/pg_dump's custom format with the rows of \d+ tables/);

    // Changes after the backup: an application deleted, an account added.
    const changing = await openPostgres(url);
    const [gone] = await listApplications(changing.db, { userId: before.ana.id });
    await deleteApplication(changing.db, { userId: before.ana.id, id: gone.id });
    await makeUser(changing.db, "cleo@example.com");
    await changing.close();

    const restored = await runScript("scripts/restore.ts", [file!], { DATABASE_URL: url, SHORTLIST_DB_PATH });
    expect(restored.stdout).toContain(`Restored ${file}`);
    const kept = readdirSync(path.join(dir, "data", "backups")).filter((name) => name.startsWith("before-restore-"));
    expect(kept).toHaveLength(1);

    const after = await openPostgres(url);
    try {
      expect(await exportDocument(after.db, { userId: before.ana.id, now: NOW })).toEqual(before.export);
      expect(await queryOn(url, "SELECT email FROM users ORDER BY email")).toEqual([{ email: "ana@example.com" }, { email: "ben@example.com" }]);
      // The counters and identities came back too: the app writes on as before.
      const added = await createApplication(after.db, { userId: before.ben.id, input: { company: "After", roleTitle: "Lead", status: "applied" } });
      expect((await queryOn<{ id: string }>(url, "SELECT id FROM applications ORDER BY insertion_order DESC LIMIT 1"))[0].id).toBe(added.id);
    } finally {
      await after.close();
    }
  });

  it("refuses to restore while a server is connected, and changes nothing", { timeout: 120_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    // A home of its own: no "before-restore" dump may appear in it.
    const home = path.join(dir, "refusal");
    await seeded(url);
    const { stdout } = await runScript("scripts/backup.ts", [path.join(dir, "refused.dump")], { DATABASE_URL: url, SHORTLIST_DB_PATH: path.join(home, "shortlist.db") });
    expect(stdout).toContain("refused.dump");
    const server = await openPostgres(url);
    try {
      // A connection in the pool, as a running server holds.
      await server.engine.pool.query("SELECT 1");
      await expect(runScript("scripts/restore.ts", [path.join(dir, "refused.dump")], { DATABASE_URL: url, SHORTLIST_DB_PATH: path.join(home, "shortlist.db") })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/is in use: \d+ connection\(s\) of Shortlist's servers or workers are open\. Stop every server and worker, then run the restore again\./),
      });
    } finally {
      await server.close();
    }
    expect(existsSync(path.join(home, "backups"))).toBe(false);
    expect(await queryOn(url, "SELECT count(*)::int AS n FROM users")).toEqual([{ n: 2 }]);
  });

  it("says what to install when pg_dump cannot be found, and writes nothing", { timeout: 60_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    const target = path.join(dir, "nowhere.dump");
    await expect(runScript("scripts/backup.ts", [target], { DATABASE_URL: url, SHORTLIST_DB_PATH, SHORTLIST_PG_BIN: path.join(dir, "no-such-folder") })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("pg_dump was not found in SHORTLIST_PG_BIN"),
    });
    expect(existsSync(target)).toBe(false);
  });

  it("refuses a SQLite backup on Postgres, saying how to move it", { timeout: 60_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    const sqliteBackup = path.join(dir, "old.db");
    openDatabase(sqliteBackup).close();
    await expect(runScript("scripts/restore.ts", [sqliteBackup], { DATABASE_URL: url, SHORTLIST_DB_PATH })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("is a SQLite backup, and DATABASE_URL points at Postgres. Restore it with DATABASE_URL unset, then move it with npm run db:copy."),
    });
  });
});
