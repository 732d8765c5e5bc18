// On SQLite in either run: this file is about SQLite's file lock held by another process (Postgres' lock_timeout is tests/unit/postgres/write.test.ts).
import "./support/on-sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/open";
import { countApplications, createApplication, listApplications } from "@/lib/data/applications";
import { StorageError } from "@/db/storage-error";
import { retryWhileBusy, saveOrExplain } from "@/lib/forms/storage-failure";
import { makeUser } from "./support/db";
import { holdWriteLock, type LockHolder } from "./support/lock-holder";

let dir: string;
let db: Db;
let sqlite: Database.Database;
let close: () => void;
let userId: string;
let holder: LockHolder | undefined;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-lock-"));
  ({ db, sqlite, close } = openDatabase(path.join(dir, "shortlist.db")));
  userId = (await makeUser(db, "ana@example.com")).id;
  await createApplication(db, { userId, input: { company: "Acme", roleTitle: "Engineer", status: "applied" } });
  holder = await holdWriteLock(path.join(dir, "shortlist.db"));
});
afterEach(async () => {
  await holder?.release().catch(() => undefined);
  close();
  rmSync(dir, { recursive: true, force: true });
});

const globex = { company: "Globex", roleTitle: "Lead", status: "applied" as const };

describe("while another process holds the write lock", () => {
  it("reads keep answering, and see what was committed before it", async () => {
    for (let i = 0; i < 20; i++) expect((await listApplications(db, { userId })).map((a) => a.company)).toEqual(["Acme"]);
    expect((await countApplications(db, { userId })).total).toBe(1);
  });

  it("a write fails at once as 'busy', and nothing of it is kept", async () => {
    await expect(createApplication(db, { userId, input: globex })).rejects.toThrow(StorageError);
    await expect(createApplication(db, { userId, input: globex })).rejects.toMatchObject({ kind: "busy" });
    expect(sqlite.inTransaction).toBe(false);
    expect((await countApplications(db, { userId })).total).toBe(1);
  });

  it("a retried write waits without blocking other work, and is saved once the lock is released", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    let attempts = 0;
    const saving = retryWhileBusy(() => {
      attempts++;
      return createApplication(db, { userId, input: globex });
    });
    // Other work runs while the save waits: the ticker, and this release.
    while (attempts < 3) await new Promise((r) => setTimeout(r, 10));
    const ticksWhileBlocked = ticks;
    await holder!.release();
    holder = undefined;
    const created = await saving;
    clearInterval(ticker);
    expect(ticksWhileBlocked).toBeGreaterThan(0);
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect((await listApplications(db, { userId })).map((a) => a.id)).toContain(created.id);
  });

  it("past the deadline the form says the database is busy, keeps the values, and nothing is saved", async () => {
    const values = { company: "Globex", roleTitle: "Lead" };
    const state = await saveOrExplain("test save", values, async () => {
      await createApplication(db, { userId, input: globex });
      return { message: "Saved" };
    });
    expect(state).toEqual({ message: "The database is busy; try again in a moment. Nothing was changed.", values });
    expect((await countApplications(db, { userId })).total).toBe(1);
  });

  it("an error that is not 'busy' is not retried", async () => {
    let attempts = 0;
    await expect(
      retryWhileBusy(() => {
        attempts++;
        throw new StorageError("full", "SQLITE_FULL", { cause: new Error("database or disk is full") });
      }),
    ).rejects.toMatchObject({ kind: "full" });
    expect(attempts).toBe(1);
  });
});
