import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { notifyCommit } from "../commit-listeners";
import type { Db } from "../sqlite/connections";
import { StorageError, toStorageError } from "../storage-error";
import type { Tx, WriteScope } from "../write-scope";
import type { PostgresEngine } from "./engine";
import { isConnectionLoss } from "./errors";

// write() and snapshot() on Postgres, keeping db/write.ts's contract:
// - a write is one transaction on one pooled connection: BEGIN, a bounded
//   wait for locks, then the scope's advisory lock as the first statement,
//   so one user's writes run one at a time as they do on SQLite's single
//   writer (check-then-act code relies on it), while other users' run at once;
// - a nested write joins as a savepoint;
// - it resolves only after COMMIT; a connection lost during COMMIT is
//   "commit-unknown" (the server may have committed), never "nothing saved".

/** How long a write waits for a lock (its user's advisory lock included) before it is "busy". */
export const LOCK_TIMEOUT = "5s";

type Transaction = { open: boolean; savepoints: number };
type Running = { engine: PostgresEngine; kind: "write" | "snapshot"; client: pg.PoolClient; handle: Db; txn: Transaction; tail: Promise<unknown> };
const shared = globalThis as unknown as Record<symbol, AsyncLocalStorage<Running> | undefined>;
const running = (shared[Symbol.for("shortlist.postgresWriteContext")] ??= new AsyncLocalStorage<Running>());

function current(engine: PostgresEngine): Running | undefined {
  const store = running.getStore();
  return store?.txn.open && store.engine === engine ? store : undefined;
}

/** The name whose advisory lock serializes a scope's writes (hashed to a bigint by Postgres). */
export function lockName(scope: WriteScope): string {
  return "userId" in scope ? `user:${scope.userId}` : `key:${scope.key}`;
}

type Checkout = { client: pg.PoolClient; failure: () => Error | undefined; release: (broken?: unknown) => void };

/**
 * A pooled connection, listened to while it is out: a connection that dies
 * while JavaScript awaits between two statements emits an error, which
 * would crash the process with no listener. A broken one is not given back.
 */
async function checkout(engine: PostgresEngine): Promise<Checkout> {
  let client: pg.PoolClient;
  try {
    client = await engine.pool.connect();
  } catch (error) {
    throw toStorageError(error) ?? new StorageError("connection-lost", "CONNECT", { cause: error });
  }
  let failed: Error | undefined;
  const onError = (error: Error) => {
    failed = error;
  };
  client.on("error", onError);
  return {
    client,
    failure: () => failed,
    release: (broken) => {
      client.removeListener("error", onError);
      client.release(failed ?? (broken ? new Error("connection left in an unknown state") : undefined));
    },
  };
}

/** Rolls back; false when even that failed (the connection is then dropped, which rolls back too). */
async function rollBack(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query("ROLLBACK");
    return true;
  } catch {
    return false;
  }
}

export async function writeOnPostgres<T>(engine: PostgresEngine, scope: WriteScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = current(engine);
  if (outer?.kind === "write") return joinAsSavepoint(outer, work);
  const out = await checkout(engine);
  const { client } = out;
  const handle = engine.handleFor(client);
  const state: Running = { engine, kind: "write", client, handle, txn: { open: true, savepoints: 0 }, tail: Promise.resolve() };
  let clean = true;
  try {
    let result: T;
    try {
      await client.query("BEGIN");
      await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [lockName(scope)]);
      result = await running.run(state, () => work(handle));
    } catch (error) {
      clean = await rollBack(client);
      throw toStorageError(error) ?? error;
    }
    state.txn.open = false;
    let committed: pg.QueryResult;
    try {
      committed = await client.query("COMMIT");
    } catch (error) {
      clean = false;
      // The COMMIT may have reached the server and succeeded before the answer was lost.
      if (isConnectionLoss(error) || out.failure()) throw new StorageError("commit-unknown", "COMMIT", { cause: error });
      throw toStorageError(error, { atCommit: true }) ?? error;
    }
    // Postgres answers COMMIT with ROLLBACK when a statement failed inside and `work` caught it: nothing was saved.
    if (committed.command !== "COMMIT") {
      throw new StorageError("failed", "COMMIT", { cause: new Error(`COMMIT was answered with ${committed.command}: a statement in the write failed`) });
    }
    notifyCommit(scope);
    return result;
  } finally {
    state.txn.open = false;
    out.release(!clean);
  }
}

/** Nested writes at one level take their turn, so their savepoints never interleave (as on SQLite). */
function joinAsSavepoint<T>(outer: Running, work: (tx: Tx) => Promise<T>): Promise<T> {
  const { client, handle } = outer;
  const turn = outer.tail.then(async () => {
    const name = `shortlist_${++outer.txn.savepoints}`;
    await client.query(`SAVEPOINT ${name}`);
    try {
      const level: Running = { ...outer, tail: Promise.resolve() };
      const result = await running.run(level, () => work(handle));
      await client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      try {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await client.query(`RELEASE SAVEPOINT ${name}`);
      } catch {
        // The outer write fails on its next statement or at COMMIT, and rolls back.
      }
      throw toStorageError(error) ?? error;
    }
  });
  outer.tail = turn.catch(() => undefined);
  return turn;
}

/**
 * Reads as of one moment: REPEATABLE READ READ ONLY on one connection, held
 * only while `read` runs. Inside a write it reads that write's transaction.
 */
export async function snapshotOnPostgres<T>(engine: PostgresEngine, read: (db: Db) => Promise<T>): Promise<T> {
  const outer = current(engine);
  if (outer) return read(outer.handle);
  const out = await checkout(engine);
  const { client } = out;
  const handle = engine.handleFor(client);
  const state: Running = { engine, kind: "snapshot", client, handle, txn: { open: true, savepoints: 0 }, tail: Promise.resolve() };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return await running.run(state, () => read(handle));
  } catch (error) {
    throw toStorageError(error) ?? error;
  } finally {
    state.txn.open = false;
    out.release(!(await rollBack(client)));
  }
}
