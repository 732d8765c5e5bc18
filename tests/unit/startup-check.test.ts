// On SQLite in either run: this file is about the checks of a SQLite file at start (Postgres' are tests/unit/postgres/startup.test.ts).
import "./support/on-sqlite";
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync, closeSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { DatabaseStartError, openCheckedDatabase } from "@/db/startup-check";

const NOBODY = 65534;
const CLI = path.resolve("tests/unit/support/startup-check-cli.ts");
const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-start-"));
  // The unprivileged child must be able to create -wal and -shm files here.
  chmodSync(dir, 0o777);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database made and filled the way the server makes it, then closed. */
function healthyFile(name = "shortlist.db"): string {
  const file = path.join(dir, name);
  const { sqlite, close } = openCheckedDatabase(file);
  sqlite.exec("create table ballast (b blob); with recursive n(i) as (select 1 union all select i + 1 from n where i < 60) insert into ballast select randomblob(4000) from n;");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  close();
  return file;
}

function refusal(file: string): string {
  try {
    openCheckedDatabase(file).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseStartError);
    return (error as Error).message;
  }
  throw new Error(`${file} was opened`);
}

describe("the start-up check", () => {
  it("opens a sound file, migrated, and leaves its one probe row", () => {
    const file = healthyFile();
    const { sqlite, close } = openCheckedDatabase(file);
    expect(sqlite.prepare("select count(*) n from health_probe").get()).toEqual({ n: 1 });
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    close();
  });

  it("refuses a file whose header is not SQLite's, saying which file and what to do", () => {
    const file = healthyFile();
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.from("definitely not SQLite"), 0, 21, 0);
    closeSync(fd);
    const message = refusal(file);
    expect(message).toContain(file);
    expect(message).toMatch(/^Shortlist can't start: the database .* is damaged or is not a SQLite database \(SQLITE_NOTADB/);
    expect(message).toMatch(/Restore it from a backup/);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("refuses a truncated file", () => {
    const file = healthyFile();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const message = refusal(file);
    expect(message).toContain(file);
    expect(message).toMatch(/is damaged or is not a SQLite database \(SQLITE_CORRUPT/);
  });

  it("refuses a file that is only the first bytes of a header", () => {
    const file = path.join(dir, "stub.db");
    writeFileSync(file, "SQLite format 3\0");
    expect(refusal(file)).toMatch(/is damaged or is not a SQLite database/);
  });

  it("refuses a folder that cannot be made, naming it", () => {
    const blocker = path.join(dir, "not-a-folder");
    writeFileSync(blocker, "");
    const file = path.join(blocker, "shortlist.db");
    const message = refusal(file);
    expect(message).toMatch(/^Shortlist can't start: the folder for the database .*not-a-folder\/shortlist.db could not be opened \(EEXIST/);
    expect(message).toMatch(/set SHORTLIST_DB_PATH/);
  });

  it("refuses a read-only file, run as a user who really cannot write it", () => {
    const file = healthyFile();
    const readOnly = path.join(dir, "read-only.db");
    copyFileSync(file, readOnly);
    chmodSync(readOnly, 0o444);
    // Root writes through file modes, so the check runs as nobody there.
    const asRoot = process.getuid?.() === 0;
    const out = execFileSync(process.execPath, [TSX, CLI, readOnly], {
      encoding: "utf8",
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      env: { ...process.env, TSX_TSCONFIG_PATH: path.resolve("tsconfig.json") },
    }).trim();
    expect(out).toMatch(/^DatabaseStartError: Shortlist can't start: the database .*read-only\.db is read-only \(SQLITE_READONLY/);
    expect(out).toMatch(/writable by the user running Shortlist\.$/);
    // Nothing was changed in the file.
    const db = new Database(readOnly, { readonly: true });
    expect(db.prepare("select count(*) n from ballast").get()).toEqual({ n: 60 });
    db.close();
  });
});
