import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/open";
import { runScript } from "./support/scripts";

// `npm run db:backup` and `db:restore` on SQLite's file (DATABASE_URL unset in
// the scripts' environment, whichever engine this run uses): the online copy,
// and the restore that refuses while the file is in use and moves the old file aside.

const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-sqlite-backup-"));
const SHORTLIST_DB_PATH = path.join(dir, "data", "shortlist.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const emails = () => {
  const db = new Database(SHORTLIST_DB_PATH, { readonly: true });
  try {
    return (db.prepare("select email from users order by email").all() as { email: string }[]).map((u) => u.email);
  } finally {
    db.close();
  }
};
const addUser = (email: string) => {
  const db = new Database(SHORTLIST_DB_PATH);
  try {
    db.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, 'x')").run(email, email, email);
  } finally {
    db.close();
  }
};

describe("npm run db:backup and db:restore on SQLite", () => {
  it("backs up, refuses to restore over a file in use, and restores with the replaced file kept", { timeout: 120_000 }, async () => {
    openDatabase(SHORTLIST_DB_PATH).close();
    addUser("ana@example.com");
    const backup = await runScript("scripts/backup.ts", [], { SHORTLIST_DB_PATH });
    const file = backup.stdout.match(/^ {7}to (.+\.db)$/m)?.[1];
    expect(file && existsSync(file)).toBe(true);
    expect(backup.stdout).toContain("1 accounts, 0 applications. Integrity check: ok.");
    addUser("ben@example.com");

    const running = new Database(SHORTLIST_DB_PATH);
    try {
      running.pragma("journal_mode = WAL");
      running.prepare("select count(*) from users").get();
      await expect(runScript("scripts/restore.ts", [file!], { SHORTLIST_DB_PATH })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`${SHORTLIST_DB_PATH} is in use: the app (or another program) has it open. Stop the app, then run the restore again.`),
      });
    } finally {
      running.close();
    }
    expect(emails()).toEqual(["ana@example.com", "ben@example.com"]);

    const restored = await runScript("scripts/restore.ts", [file!], { SHORTLIST_DB_PATH });
    expect(restored.stdout).toContain("The database it replaced was moved aside, not deleted");
    expect(emails()).toEqual(["ana@example.com"]);
    expect(readdirSync(path.dirname(SHORTLIST_DB_PATH)).some((name) => name.startsWith("shortlist.db.before-restore-"))).toBe(true);
  });
});
