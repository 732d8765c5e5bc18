import { AsyncLocalStorage } from "node:async_hooks";
import { notifyCommit } from "./commit-listeners";
import { postgresEngineOf } from "./postgres/engine";
import { snapshotOnPostgres, writeOnPostgres } from "./postgres/transactions";
import { engineOf, type Db, type SqliteEngine } from "./sqlite/connections";
import type { Tx, WriteScope } from "./write-scope";
import { LockTimeoutError } from "./sqlite/fifo-lock";
import { StorageError, toStorageError } from "./storage-error";

/**
 * write(db, { userId }, async (tx) => …): the one way Shortlist changes the
 * database. snapshot(db, async (read) => …): several reads as of one moment.
 *
 * The contract, for every data function and script that writes:
 * - Every statement that changes a row runs on `tx`, awaited, inside `work`.
 * - Writes are taken one at a time, in the order they came, on the writer
 *   connection (SQLite has one writer). Waiting is an await, so reads go on;
 *   after WRITE_LOCK_WAIT_MS it gives up as "busy".
 * - The transaction is `BEGIN IMMEDIATE`: the file's write lock is taken up
 *   front, so a database another process holds fails at once as "busy",
 *   not halfway through.
 * - A write inside another one (any write() while one runs in this async
 *   context) joins it as a savepoint; the outer commit is the one that counts.
 * - It resolves only after COMMIT succeeded. Whatever went wrong, everything
 *   `work` did is rolled back. A storage failure (full, read-only, busy, I/O,
 *   damaged, any failed commit) is thrown as a StorageError with its kind;
 *   any other error from `work` is thrown unchanged.
 * - `scope` names whose data this is. SQLite serializes every write anyway;
 *   Postgres takes a lock per user, or per `key` for writes that are
 *   not one user's (sign-in throttles, sign-up, the health probe): see
 *   db/postgres/transactions.ts, which keeps this same contract.
 *
 * Why not autocommit: an `INSERT … RETURNING` hands back its row even when
 * the commit then fails (a full disk), so a lost write was once confirmed to
 * the user. Inside an explicit transaction the failed COMMIT throws.
 */
export type { Tx, WriteScope } from "./write-scope";

/** How long a write may wait for the ones before it, before it is "busy". */
export const WRITE_LOCK_WAIT_MS = 5_000;

/** One transaction, shared by every level of savepoint inside it. */
type Transaction = { open: boolean; savepoints: number };
/** Where an async flow stands: in which transaction, and at which level (`tail` orders the writes nested at this level). */
type Running = { engine: SqliteEngine; kind: "write" | "snapshot"; handle: Db; txn: Transaction; tail: Promise<unknown> };
// One context for every copy of this module Next's chunks hold: a write begun by
// one route's copy must be seen as open by the copy a nested call runs in.
const shared = globalThis as unknown as Record<symbol, AsyncLocalStorage<Running> | undefined>;
const RUNNING = Symbol.for("shortlist.writeContext");
const running = (shared[RUNNING] ??= new AsyncLocalStorage<Running>());

export { afterEveryCommit } from "./commit-listeners";

/** The write or snapshot this async context is inside, if it is still open on this engine. */
function current(engine: SqliteEngine): Running | undefined {
  const store = running.getStore();
  return store?.txn.open && store.engine === engine ? store : undefined;
}

function rollBack(engine: SqliteEngine): void {
  const { sqlite } = engine.writer;
  // Some failures (a full disk, I/O) have rolled back already.
  if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
}

export async function write<T>(db: Db, scope: WriteScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  const postgres = postgresEngineOf(db);
  if (postgres) return writeOnPostgres(postgres, scope, work);
  const engine = engineOf(db);
  const outer = current(engine);
  if (outer?.kind === "write") return joinAsSavepoint(outer, work);
  // On one shared connection the snapshot holds the lock this would wait for.
  if (outer?.kind === "snapshot" && engine.shared) throw new Error("write() inside snapshot(): read in the snapshot, write after it.");
  const release = await takeWriterLock(engine);
  const { sqlite, db: tx } = engine.writer;
  const state: Running = { engine, kind: "write", handle: tx, txn: { open: true, savepoints: 0 }, tail: Promise.resolve() };
  try {
    try {
      sqlite.exec("BEGIN IMMEDIATE");
    } catch (error) {
      throw toStorageError(error) ?? error;
    }
    let result: T;
    try {
      result = await running.run(state, () => work(tx));
    } catch (error) {
      rollBack(engine);
      throw toStorageError(error) ?? error;
    }
    try {
      sqlite.exec("COMMIT");
    } catch (error) {
      // After work returned, only the commit can have failed: nothing was saved,
      // whatever the code says.
      rollBack(engine);
      throw toStorageError(error, { atCommit: true }) ?? error;
    }
    // The write is saved now: a listener's failure must not report it as lost.
    notifyCommit(scope);
    return result;
  } finally {
    // Anything `work` left running must not think it is still inside this transaction.
    state.txn.open = false;
    release();
  }
}

/** The writer's turn, or "busy" once the wait is too long. */
async function takeWriterLock(engine: SqliteEngine): Promise<() => void> {
  try {
    return await engine.lock.acquire(WRITE_LOCK_WAIT_MS);
  } catch (error) {
    if (error instanceof LockTimeoutError) throw new StorageError("busy", "SHORTLIST_WRITE_QUEUE", { cause: error });
    throw error;
  }
}

/**
 * Nested writes at one level take their turn, so their savepoints never
 * interleave; each runs as a level of its own, so writes nested inside it
 * queue there and not behind it.
 */
function joinAsSavepoint<T>(outer: Running, work: (tx: Tx) => Promise<T>): Promise<T> {
  const { sqlite, db: tx } = outer.engine.writer;
  const turn = outer.tail.then(async () => {
    const name = `shortlist_${++outer.txn.savepoints}`;
    sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const level: Running = { ...outer, tail: Promise.resolve() };
      const result = await running.run(level, () => work(tx));
      sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw toStorageError(error) ?? error;
    }
  });
  outer.tail = turn.catch(() => undefined);
  return turn;
}

/**
 * Reads as of one moment: every read inside `read` sees the same committed
 * state, whatever commits meanwhile. Read inside it and compute after it: on
 * a server engine the connection is held until `read` resolves. Inside a
 * write it reads that write's own transaction.
 */
export async function snapshot<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  const postgres = postgresEngineOf(db);
  if (postgres) return snapshotOnPostgres(postgres, read);
  const engine = engineOf(db);
  const outer = current(engine);
  if (outer) return read(outer.handle);
  if (engine.shared) return sharedSnapshot(engine, read);
  const connection = engine.takeSnapshotConnection();
  const state: Running = { engine, kind: "snapshot", handle: connection.db, txn: { open: true, savepoints: 0 }, tail: Promise.resolve() };
  try {
    connection.sqlite.exec("BEGIN");
    return await running.run(state, () => read(connection.db));
  } catch (error) {
    throw toStorageError(error) ?? error;
  } finally {
    state.txn.open = false;
    if (connection.sqlite.inTransaction) connection.sqlite.exec("COMMIT");
    engine.release(connection);
  }
}

/** One connection for everything (":memory:"): a snapshot waits for writes, and they for it. */
async function sharedSnapshot<T>(engine: SqliteEngine, read: (db: Db) => Promise<T>): Promise<T> {
  const release = await takeWriterLock(engine);
  const { sqlite, db: handle } = engine.writer;
  const state: Running = { engine, kind: "snapshot", handle, txn: { open: true, savepoints: 0 }, tail: Promise.resolve() };
  try {
    sqlite.exec("BEGIN");
    return await running.run(state, () => read(handle));
  } finally {
    state.txn.open = false;
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
    release();
  }
}
