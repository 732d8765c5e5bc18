// On SQLite in either run: this file is about SQLite's own write path: its file locking, pragmas and page-level faults (Postgres' write() is tests/unit/postgres/write.test.ts).
import "./support/on-sqlite";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/open";
import { applications, signInThrottle, users } from "@/db/schema";
import { engineOf } from "@/db/sqlite/connections";
import { storageErrorIn, storageFailureOf, StorageError } from "@/db/storage-error";
import { afterEveryCommit, snapshot, write, WRITE_LOCK_WAIT_MS } from "@/db/write";
import { createApplication, listApplications } from "@/lib/data/applications";
import { failSqliteCommits } from "./support/commit-fault";
import { makeUser } from "./support/db";
import { holdWriteLock } from "./support/lock-holder";

// A file database throughout: ":memory:" has one connection for everything,
// so it cannot show a reader answering beside the writer.
let dir: string;
let file: string;
let db: Db;
let sqlite: Database.Database;
let close: () => void;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-write-"));
  file = path.join(dir, "shortlist.db");
  ({ db, sqlite, close } = openDatabase(file));
});
afterEach(() => {
  vi.useRealTimers();
  close();
  rmSync(dir, { recursive: true, force: true });
});

const test = { key: "test" };
const throttleRow = (key: string) => ({ key, failures: 1, windowStartedAt: new Date(0) });
const insertKey = (tx: Db, key: string) => tx.insert(signInThrottle).values(throttleRow(key));

/** What another program sees: a connection of its own, outside the app's engine. */
function seenElsewhere<T>(query: string): T[] {
  const other = new Database(file, { readonly: true });
  try {
    return other.prepare(query).all() as T[];
  } finally {
    other.close();
  }
}
const keysSeenElsewhere = () => seenElsewhere<{ key: string }>("select key from sign_in_throttle order by key").map((r) => r.key);
/** The keys as the app reads them, on whichever connection it is handed. */
const keysOf = async (read: Db) => (await read.select({ key: signInThrottle.key }).from(signInThrottle).orderBy(signInThrottle.key)).map((r) => r.key);

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("it did not fail");
    },
    (error: unknown) => error,
  );

/** A write that takes the lock and keeps it until `release`; `holding` resolves once it is inside. */
function holdTheLock(key = "held") {
  const gate = deferred();
  const inside = deferred();
  const done = write(db, test, async (tx) => {
    await insertKey(tx, key);
    inside.resolve();
    await gate.promise;
  });
  return { holding: inside.promise, release: gate.resolve, done };
}

describe("write()", () => {
  it("resolves with what the work returned once it is committed, for every connection to see", async () => {
    const key = await write(db, test, async (tx) => {
      const [row] = await insertKey(tx, "a").returning({ key: signInThrottle.key });
      return row.key;
    });
    expect(key).toBe("a");
    expect(keysSeenElsewhere()).toEqual(["a"]);
  });

  it("tells the commit listeners after the commit, with its scope; one that throws cannot turn a saved write into a failure", async () => {
    const heard: unknown[] = [];
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const stopBroken = afterEveryCommit(() => {
      throw new Error("listener bug");
    });
    const stopHeard = afterEveryCommit((scope) => heard.push({ scope, seen: keysSeenElsewhere() }));
    try {
      const key = await write(db, { userId: "u1" }, async (tx) => (await insertKey(tx, "b").returning({ key: signInThrottle.key }))[0].key);
      expect(key).toBe("b");
      expect(heard).toEqual([{ scope: { userId: "u1" }, seen: ["b"] }]);
      expect(quiet).toHaveBeenCalledTimes(1);
    } finally {
      stopBroken();
      stopHeard();
      quiet.mockRestore();
    }
  });

  it("throws any other error unchanged, and rolls everything back", async () => {
    const error = await failure(
      write(db, test, async (tx) => {
        await insertKey(tx, "first");
        await insertKey(tx, "first"); // the same key again
      }),
    );
    expect(error).not.toBeInstanceOf(StorageError);
    expect((error as { code?: string }).code).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
    expect(keysSeenElsewhere()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it("awaits asynchronous work: statements after an await are in the same transaction, seen by nobody until it commits", async () => {
    const gate = deferred();
    const firstWritten = deferred();
    const writing = write(db, test, async (tx) => {
      await insertKey(tx, "first");
      firstWritten.resolve();
      await gate.promise;
      await insertKey(tx, "second");
      return "done";
    });
    await firstWritten.promise;
    expect(sqlite.inTransaction).toBe(true);
    expect(keysSeenElsewhere()).toEqual([]);
    expect(await keysOf(db)).toEqual([]);
    gate.resolve();
    expect(await writing).toBe("done");
    expect(keysSeenElsewhere()).toEqual(["first", "second"]);
  });
});

describe("one writer, one write at a time", () => {
  it("writes take their turn in the order they came, on the one writer connection", async () => {
    const order: string[] = [];
    const handles = new Set<Db>();
    const one = (key: string, pauseMs: number) =>
      write(db, { key }, async (tx) => {
        handles.add(tx);
        order.push(`${key} starts`);
        await insertKey(tx, key);
        await sleep(pauseMs);
        order.push(`${key} ends`);
      });
    await Promise.all([one("a", 30), one("b", 0), one("c", 10)]);
    expect(order).toEqual(["a starts", "a ends", "b starts", "b ends", "c starts", "c ends"]);
    expect([...handles]).toEqual([engineOf(db).writer.db]);
    expect(keysSeenElsewhere()).toEqual(["a", "b", "c"]);
  });

  it("a read answers while a write holds the lock and awaits, and while another write waits its turn", async () => {
    const lock = holdTheLock();
    await lock.holding;
    const queued = write(db, test, (tx) => insertKey(tx, "queued"));
    expect(engineOf(db).lock.waiting).toBe(1);
    // Plain reads and snapshots see what was committed, without waiting for either write.
    expect(await keysOf(db)).toEqual([]);
    expect(await snapshot(db, keysOf)).toEqual([]);
    expect(engineOf(db).lock.waiting).toBe(1);
    lock.release();
    await Promise.all([lock.done, queued]);
    expect(await keysOf(db)).toEqual(["held", "queued"]);
  });

  it(`waits at most WRITE_LOCK_WAIT_MS (${WRITE_LOCK_WAIT_MS} ms), then gives up as 'busy' without running its work`, async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const lock = holdTheLock();
    await lock.holding;
    let ran = false;
    const waiting = failure(
      write(db, test, async (tx) => {
        ran = true;
        await insertKey(tx, "too late");
      }),
    );
    await vi.advanceTimersByTimeAsync(WRITE_LOCK_WAIT_MS - 1);
    expect(engineOf(db).lock.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await waiting;
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: "busy", code: "SHORTLIST_WRITE_QUEUE" });
    expect((error as StorageError).userMessage).toBe("The database is busy; try again in a moment. Nothing was changed.");
    expect(ran).toBe(false);
    expect(engineOf(db).lock.waiting).toBe(0);
    lock.release();
    await lock.done;
    // The queue is whole again: the next write is served at once.
    await write(db, test, (tx) => insertKey(tx, "next"));
    expect(keysSeenElsewhere()).toEqual(["held", "next"]);
  });
});

describe("a write is confirmed only after COMMIT", () => {
  it("a COMMIT that fails rejects the write, though its statements succeeded, and nothing of it is kept", async () => {
    const fault = failSqliteCommits(sqlite);
    let handedBack: string | undefined;
    const error = await failure(
      write(db, test, async (tx) => {
        const [row] = await insertKey(tx, "lost").returning({ key: signInThrottle.key });
        handedBack = row.key;
        return row.key;
      }),
    );
    fault.restore();
    expect(handedBack).toBe("lost");
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: "failed", code: "SQLITE_CONSTRAINT_FOREIGNKEY" });
    expect(keysSeenElsewhere()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it("reports a full database as 'full', with the message the form shows, and keeps nothing", async () => {
    const user = await makeUser(db, "ana@example.com");
    // SQLite's own page limit: a real SQLITE_FULL, raised as the pages run out.
    sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true })}`);
    const error = await failure(
      createApplication(db, { userId: user.id, input: { company: "Acme", roleTitle: "Engineer", status: "applied", notes: "x".repeat(200_000) } }),
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: "full", code: "SQLITE_FULL" });
    expect((error as StorageError).userMessage).toBe("Couldn't save: the server's disk is full. Nothing was changed.");
    expect(await listApplications(db, { userId: user.id })).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it("reports a database it may not write as 'read-only', and keeps nothing", async () => {
    // The writer refuses every change, as SQLite does for a file it may not write.
    sqlite.pragma("query_only = ON");
    const error = await failure(write(db, test, (tx) => insertKey(tx, "x")));
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: "read-only", code: "SQLITE_READONLY" });
    sqlite.pragma("query_only = OFF");
    expect(keysSeenElsewhere()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it("reports a damaged database as 'corrupt', and what was written before the damage was met is not kept", async () => {
    await makeUser(db, "ana@example.com");
    // Damage the throttle's key index on disk: every insert into it must read that page.
    const { rootpage } = sqlite.prepare("select rootpage from sqlite_master where name = 'sqlite_autoindex_sign_in_throttle_1'").get() as { rootpage: number };
    const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
    engineOf(db).closeReaders(); // so the checkpoint below empties the WAL: the page is read from the file
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);
    sqlite.pragma("shrink_memory"); // forget the cached copy of the page
    const error = await failure(
      write(db, test, async (tx) => {
        await tx.insert(users).values({ name: "Ben", email: "ben@example.com", passwordHash: "x" });
        await insertKey(tx, "x");
      }),
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: "corrupt" });
    expect((error as StorageError).code).toMatch(/^SQLITE_CORRUPT/);
    expect(sqlite.inTransaction).toBe(false);
    expect(seenElsewhere<{ email: string }>("select email from users order by email").map((u) => u.email)).toEqual(["ana@example.com"]);
  });

  it("reports a write lock another process holds as 'busy', while reads go on, and keeps nothing", async () => {
    const user = await makeUser(db, "ana@example.com");
    await createApplication(db, { userId: user.id, input: { company: "Acme", roleTitle: "Engineer", status: "applied" } });
    const holder = await holdWriteLock(file);
    try {
      const error = await failure(createApplication(db, { userId: user.id, input: { company: "Globex", roleTitle: "Lead", status: "applied" } }));
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ kind: "busy", code: "SQLITE_BUSY" });
      expect((await listApplications(db, { userId: user.id })).map((a) => a.company)).toEqual(["Acme"]);
      expect(sqlite.inTransaction).toBe(false);
    } finally {
      await holder.release();
    }
    expect(await db.select().from(applications)).toHaveLength(1);
  });
});

describe("a write inside a write is a savepoint", () => {
  it("joins the outer write whatever handle it is given", async () => {
    await write(db, test, async (outer) => {
      await write(db, test, async (inner) => {
        expect(inner).toBe(outer);
        await insertKey(inner, "inner");
      });
      // The outer transaction sees the inner's row; nobody else does yet.
      expect(await keysOf(outer)).toEqual(["inner"]);
      expect(keysSeenElsewhere()).toEqual([]);
    });
    expect(keysSeenElsewhere()).toEqual(["inner"]);
  });

  it("the outer failure undoes the inner write too", async () => {
    await failure(
      write(db, test, async (outer) => {
        await write(outer, test, (inner) => insertKey(inner, "inner"));
        throw new Error("the outer work fails after");
      }),
    );
    expect(keysSeenElsewhere()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it("an inner failure the outer catches undoes the inner write only: the outer's work is kept", async () => {
    await write(db, test, async (outer) => {
      await insertKey(outer, "outer before");
      const error = await failure(
        write(outer, test, async (inner) => {
          await insertKey(inner, "inner");
          throw new Error("the inner work fails");
        }),
      );
      expect(error).toEqual(new Error("the inner work fails"));
      await insertKey(outer, "outer after");
    });
    expect(keysSeenElsewhere()).toEqual(["outer after", "outer before"]);
  });

  it("writes nested two deep join the same transaction too", async () => {
    const nested = write(db, test, async (outer) => {
      await write(outer, test, async (middle) => {
        await insertKey(middle, "middle");
        await write(middle, test, (inner) => insertKey(inner, "inner"));
      });
      await insertKey(outer, "outer");
    });
    const stuck = sleep(1_000).then(() => "the innermost write never ran: the nested writes wait for each other");
    expect(await Promise.race([nested.then(() => "done"), stuck])).toBe("done");
    expect(keysSeenElsewhere()).toEqual(["inner", "middle", "outer"]);
  });
});

describe("snapshot()", () => {
  it("reads as of one moment on a file database: a commit in between is not seen inside it", async () => {
    const firstRead = deferred();
    const goOn = deferred();
    const reading = snapshot(db, async (read) => {
      const before = await keysOf(read);
      firstRead.resolve();
      await goOn.promise;
      return { before, after: await keysOf(read) };
    });
    await firstRead.promise;
    await write(db, test, (tx) => insertKey(tx, "meanwhile"));
    expect(await keysOf(db)).toEqual(["meanwhile"]);
    goOn.resolve();
    expect(await reading).toEqual({ before: [], after: [] });
    expect(await snapshot(db, keysOf)).toEqual(["meanwhile"]);
  });

  it("inside a write, reads the write's own rows", async () => {
    const seen = await write(db, test, async (tx) => {
      await insertKey(tx, "own");
      return snapshot(db, keysOf);
    });
    expect(seen).toEqual(["own"]);
  });
});

describe("the reading connections", () => {
  it("refuse a change made outside write(): it fails, and nothing is kept", async () => {
    await expect(insertKey(db, "sneaked in")).rejects.toMatchObject({ code: "SQLITE_READONLY" });
    await expect(snapshot(db, (read) => insertKey(read, "sneaked in"))).rejects.toMatchObject({ code: "SQLITE_READONLY" });
    expect(keysSeenElsewhere()).toEqual([]);
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
