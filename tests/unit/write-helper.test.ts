import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/open";
import * as schema from "@/db/schema";
import { applications, signInThrottle } from "@/db/schema";
import { createApplication, listApplications } from "@/lib/data/applications";
import { storageErrorIn, storageFailureOf, StorageError } from "@/db/storage-error";
import { write } from "@/lib/data/write";
import { makeUser } from "./support/db";

let dir: string;
let file: string;
let db: Db;
let sqlite: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-write-"));
  file = path.join(dir, "shortlist.db");
  ({ db, sqlite } = openDatabase(file));
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const throttleRow = (key: string) => ({ key, failures: 1, windowStartedAt: new Date(0) });
const keysSeenElsewhere = () => {
  const other = new Database(file, { readonly: true });
  try {
    return (other.prepare("select key from sign_in_throttle order by key").all() as { key: string }[]).map((r) => r.key);
  } finally {
    other.close();
  }
};

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("it did not throw");
}

describe("write()", () => {
  it("returns what the work returned once it is committed, for every connection to see", () => {
    const key = write(db, (tx) => tx.insert(signInThrottle).values(throttleRow("a")).returning({ key: signInThrottle.key }).get().key);
    expect(key).toBe("a");
    expect(keysSeenElsewhere()).toEqual(["a"]);
  });

  it("throws any other error unchanged, and rolls everything back", () => {
    const error = thrown(() =>
      write(db, (tx) => {
        tx.insert(signInThrottle).values(throttleRow("first")).run();
        tx.insert(signInThrottle).values(throttleRow("first")).run(); // the same key again
      }),
    );
    expect(error).not.toBeInstanceOf(StorageError);
    expect((error as { code?: string }).code).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
    expect(keysSeenElsewhere()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it("inside another write, joins it: the outer failure undoes the inner write too", () => {
    thrown(() =>
      write(db, (outer) => {
        write(outer, (inner) => inner.insert(signInThrottle).values(throttleRow("inner")).run());
        throw new Error("the outer work fails after");
      }),
    );
    expect(keysSeenElsewhere()).toEqual([]);
  });

  it("refuses asynchronous work, which would commit before it ran", () => {
    // @ts-expect-error: the contract says synchronous, and the types say it too
    expect(() => write(db, async (tx) => tx.insert(signInThrottle).values(throttleRow("late")).run())).toThrow(/promise/);
  });

  it("reports a full database as 'full', with the message the form shows", async () => {
    const user = await makeUser(db, "ana@example.com");
    // SQLite's own page limit: a real SQLITE_FULL, raised as the pages run out.
    sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true })}`);
    const error = thrown(() => createApplication(db, user.id, { company: "Acme", roleTitle: "Engineer", status: "applied", notes: "x".repeat(200_000) }));
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: "full", code: "SQLITE_FULL" });
    expect((error as StorageError).userMessage).toBe("Couldn't save: the server's disk is full. Nothing was changed.");
    expect(listApplications(db, user.id)).toEqual([]);
  });

  it("reports a database it may not write as 'read-only'", () => {
    const readOnly = drizzle(new Database(file, { readonly: true }), { schema });
    const error = thrown(() => write(readOnly, (tx) => tx.insert(signInThrottle).values(throttleRow("x")).run()));
    expect(error).toMatchObject({ kind: "read-only", code: "SQLITE_READONLY" });
    readOnly.$client.close();
  });

  it("reports a write lock held by another connection as 'busy', while reads go on", async () => {
    const user = await makeUser(db, "ana@example.com");
    createApplication(db, user.id, { company: "Acme", roleTitle: "Engineer", status: "applied" });
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE; delete from applications;");
    try {
      const error = thrown(() => createApplication(db, user.id, { company: "Globex", roleTitle: "Lead", status: "applied" }));
      expect(error).toMatchObject({ kind: "busy", code: "SQLITE_BUSY" });
      expect(listApplications(db, user.id).map((a) => a.company)).toEqual(["Acme"]);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(db.select().from(applications).all()).toHaveLength(1);
  });
});

describe("the storage vocabulary", () => {
  it.each([
    ["SQLITE_FULL", "full"],
    ["SQLITE_READONLY_DBMOVED", "read-only"],
    ["SQLITE_BUSY_SNAPSHOT", "busy"],
    ["SQLITE_LOCKED", "busy"],
    ["SQLITE_IOERR_WRITE", "io"],
    ["SQLITE_CORRUPT", "corrupt"],
    ["SQLITE_NOTADB", "corrupt"],
    ["SQLITE_CANTOPEN", "cant-open"],
    ["SQLITE_CONSTRAINT_UNIQUE", null],
    ["SQLITE_FULLISH", null],
    ["ENOSPC", null],
  ])("%s is %s", (code, kind) => {
    expect(storageFailureOf(Object.assign(new Error("x"), { code }))).toBe(kind);
  });

  it("finds a storage error a library wrapped, as next-auth does with authorize's", () => {
    const storage = new StorageError("busy", "SQLITE_BUSY", { cause: new Error("database is locked") });
    const wrapped = Object.assign(new Error("CallbackRouteError"), { cause: { err: storage, provider: "credentials" } });
    expect(storageErrorIn(wrapped)).toBe(storage);
    expect(storageErrorIn(new Error("unrelated"))).toBeNull();
  });
});
