import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { applications, users } from "@/db/schema";
import { createPool, PostgresEngine } from "@/db/postgres/engine";
import { StorageError, toStorageError } from "@/db/storage-error";
import { afterEveryCommit, snapshot, write } from "@/db/write";
import { makeUser, testDb } from "../support/db";
import { adminUrl } from "../support/postgres-url";
import { rawRows } from "../support/raw-sql";
import { cutNextCommit } from "../support/cut-at-commit";

// write() and snapshot() on Postgres (npm run test:unit:postgres): the
// contract of db/write.ts, kept by a pool, transactions and advisory locks.

let db: Db;
const admin = new pg.Pool({ connectionString: adminUrl(), max: 2 });
afterAll(() => admin.end());

beforeEach(() => {
  db = testDb();
});

const newApp = (id: string, userId: string) => ({ id, userId, company: "Acme", roleTitle: "Engineer" });
const count = async (userId: string) => (await db.select({ id: applications.id }).from(applications).where(eq(applications.userId, userId))).length;
const databaseName = async () => (await rawRows<{ name: string }>(db, sql`select current_database() as name`))[0].name;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("write() on Postgres", () => {
  it("runs one user's writes one at a time, and another user's meanwhile", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    const order: string[] = [];
    let releaseFirst!: () => void;
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = write(db, { userId: ana.id }, async (tx) => {
      order.push("ana 1 in");
      await tx.insert(applications).values(newApp("a1", ana.id));
      await held;
      order.push("ana 1 out");
    });
    await pause(100);
    const second = write(db, { userId: ana.id }, async () => void order.push("ana 2 in"));
    await write(db, { userId: ben.id }, async (tx) => {
      await tx.insert(applications).values(newApp("b1", ben.id));
      order.push("ben in");
    });
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["ana 1 in", "ben in", "ana 1 out", "ana 2 in"]);
  });

  it("gives up as busy when the user's lock is held past the lock timeout", async () => {
    const ana = await makeUser(db, "ana@example.com");
    // Another server's write of the same user, held: the advisory lock lives in this database.
    const other = new pg.Client({ connectionString: adminUrl().replace(/\/[^/]*$/, `/${await databaseName()}`) });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [`user:${ana.id}`]);
      const error = await write(db, { userId: ana.id }, async (tx) => void (await tx.insert(applications).values(newApp("a1", ana.id)))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).kind).toBe("busy");
    } finally {
      await other.end();
    }
    expect(await count(ana.id)).toBe(0);
  });

  it("joins a nested write as a savepoint: its failure is undone alone", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.insert(applications).values(newApp("a1", ana.id));
      await expect(
        write(tx, { userId: ana.id }, async (inner) => {
          await inner.insert(applications).values(newApp("a2", ana.id));
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      await write(db, { userId: ana.id }, async (inner) => void (await inner.insert(applications).values(newApp("a3", ana.id))));
    });
    const ids = (await db.select({ id: applications.id }).from(applications)).map((r) => r.id).sort();
    expect(ids).toEqual(["a1", "a3"]);
  });

  it("reports a write whose failed statement the work caught as not saved, never as saved", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const error = await write(db, { userId: ana.id }, async (tx) => {
      await tx.insert(applications).values(newApp("a1", ana.id));
      await tx.insert(applications).values(newApp("a1", ana.id)).catch(() => undefined);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe("failed");
    expect(await count(ana.id)).toBe(0);
  });

  it("says the outcome is unknown, not that nothing changed, when the connection drops during COMMIT", async () => {
    const ana = await makeUser(db, "ana@example.com");
    // Cut this connection just as COMMIT is sent: its answer never comes back.
    const cut = cutNextCommit(admin);
    try {
      const error = await write(db, { userId: ana.id }, async (tx) => void (await tx.insert(applications).values(newApp("a1", ana.id)))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).kind).toBe("commit-unknown");
      expect((error as StorageError).userMessage).not.toMatch(/nothing was (changed|saved)/i);
      expect((error as StorageError).userMessage).toMatch(/can't tell whether/);
    } finally {
      cut.restore();
    }
    // The pool threw the dead connection away: the next write works.
    await write(db, { userId: ana.id }, async (tx) => void (await tx.insert(applications).values(newApp("a2", ana.id))));
    expect(await count(ana.id)).toBeGreaterThanOrEqual(1);
  });

  it("says the connection was lost, and that nothing was saved, when it drops in the middle of a write", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const error = await write(db, { userId: ana.id }, async (tx) => {
      await tx.insert(applications).values(newApp("a1", ana.id));
      // The server goes away between two statements of the write (a restart, a cut network).
      const [{ pid }] = await rawRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
      await admin.query("select pg_terminate_backend($1)", [pid]);
      await tx.insert(applications).values(newApp("a2", ana.id));
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe("connection-lost");
    // Not yet committed, so rolled back by the server: here "nothing was changed" is the truth.
    expect((error as StorageError).userMessage).toBe("Couldn't save: the server lost its connection to the database. Nothing was changed.");
    expect(await count(ana.id)).toBe(0);
    // The dead connection went out of the pool: the next write works.
    await write(db, { userId: ana.id }, async (tx) => void (await tx.insert(applications).values(newApp("a3", ana.id))));
    expect(await count(ana.id)).toBe(1);
  });

  it("says the connection was lost when it drops during a read, in a snapshot or on its own, and reads on after", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const cutThisConnection = async (read: Db) => {
      const [{ pid }] = await rawRows<{ pid: number }>(read, sql`select pg_backend_pid() as pid`);
      await admin.query("select pg_terminate_backend($1)", [pid]);
    };
    const inSnapshot = await snapshot(db, async (read) => {
      await cutThisConnection(read);
      return read.select().from(applications);
    }).catch((e: unknown) => e);
    expect(inSnapshot).toBeInstanceOf(StorageError);
    expect((inSnapshot as StorageError).kind).toBe("connection-lost");
    // A read on the pool: the query is sent on a connection the server ends while it runs.
    const alone = await rawRows(db, sql`select pg_terminate_backend(pg_backend_pid()), pg_sleep(1)`).catch((e: unknown) => e);
    expect(toStorageError(alone)?.kind).toBe("connection-lost");
    expect(await count(ana.id)).toBe(0);
  });

  it("says the connection was lost when the database cannot be reached at all, without crashing", async () => {
    const gone = new PostgresEngine(createPool("postgres://shortlist@127.0.0.1:1/nowhere", { max: 1, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 1_000 }));
    try {
      const error = await write(gone.db, { userId: "someone" }, async () => undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).kind).toBe("connection-lost");
      expect((error as StorageError).userMessage).toMatch(/lost its connection to the database\. Nothing was changed\./);
    } finally {
      await gone.close();
    }
  });

  it("tells the commit listeners, after COMMIT only", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const heard: unknown[] = [];
    const stop = afterEveryCommit((scope) => heard.push(scope));
    try {
      await write(db, { userId: ana.id }, async (tx) => void (await tx.update(users).set({ name: "Ana" }).where(eq(users.id, ana.id))));
      await write(db, { userId: ana.id }, async () => {
        throw new Error("no");
      }).catch(() => undefined);
    } finally {
      stop();
    }
    expect(heard).toEqual([{ userId: ana.id }]);
  });

  it("survives idle connections being cut by the server", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const dbName = await databaseName();
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [dbName]);
    await pause(100);
    expect(await count(ana.id)).toBe(0);
  });
});

describe("snapshot() on Postgres", () => {
  it("reads as of one moment, whatever commits meanwhile", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await write(db, { userId: ana.id }, async (tx) => void (await tx.insert(applications).values(newApp("a1", ana.id))));
    const seen = await snapshot(db, async (read) => {
      const first = (await read.select({ id: applications.id }).from(applications)).length;
      await write(db, { userId: ana.id }, async (tx) => void (await tx.insert(applications).values(newApp("a2", ana.id))));
      const second = (await read.select({ id: applications.id }).from(applications)).length;
      return [first, second];
    });
    expect(seen).toEqual([1, 1]);
    expect(await count(ana.id)).toBe(2);
  });
});
