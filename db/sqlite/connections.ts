import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "../schema/sqlite";
import { FifoLock } from "./fifo-lock";

export type Db = BetterSQLite3Database<typeof schema>;
type Connection = { db: Db; sqlite: Database.Database };

/**
 * How long SQLite itself waits for a lock another process holds. The wait
 * blocks the whole server (better-sqlite3 is synchronous), so it is short;
 * a write that still finds the database busy is retried with an await by
 * the action layer (lib/forms/storage-failure.ts), and reads never need it
 * in WAL mode.
 */
export const BUSY_TIMEOUT_MS = 50;
/** Connections kept open for snapshots once they are idle; more are opened while many run at once. */
const IDLE_SNAPSHOT_CONNECTIONS = 4;

/**
 * One database file and its connections. Writes run on `writer`, one at a
 * time behind `lock`, so a write may await between its statements without
 * another write slipping into its transaction. Plain reads run on `reader`
 * and snapshots on connections of their own: in WAL mode they see what was
 * committed and never wait for a writer. A private ":memory:" database can
 * have one connection only, so there everything shares the writer (the unit
 * tests), and snapshots queue behind writes.
 */
export class SqliteEngine {
  readonly lock = new FifoLock();
  readonly shared: boolean;
  readonly reader: Connection;
  private readonly idle: Connection[] = [];
  private readonly open = new Set<Database.Database>();

  constructor(
    readonly file: string,
    readonly writer: Connection,
  ) {
    this.shared = file === ":memory:";
    this.reader = this.shared ? writer : this.connect();
  }

  /** A connection for one snapshot; give it back with `release`. */
  takeSnapshotConnection(): Connection {
    return this.idle.pop() ?? this.connect();
  }

  release(connection: Connection): void {
    if (this.idle.length < IDLE_SNAPSHOT_CONNECTIONS && connection.sqlite.open) this.idle.push(connection);
    else closeQuietly(connection.sqlite);
  }

  /** Every connection but the writer, which the caller may still want (a checkpoint at shutdown). */
  closeReaders(): void {
    for (const sqlite of this.open) closeQuietly(sqlite);
    this.open.clear();
    this.idle.length = 0;
  }

  close(): void {
    this.closeReaders();
    closeQuietly(this.writer.sqlite);
  }

  private connect(): Connection {
    const sqlite = new Database(this.file);
    try {
      applyConnectionPragmas(sqlite);
      // Reads only: a statement that would change data here fails loudly instead of
      // committing outside write() and its lock.
      sqlite.pragma("query_only = ON");
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    } catch (error) {
      sqlite.close();
      throw error;
    }
    this.open.add(sqlite);
    const db = drizzle(sqlite, { schema });
    engines.set(db, this);
    return { db, sqlite };
  }
}

/** What every connection needs, whatever it does. */
export function applyConnectionPragmas(sqlite: Database.Database): void {
  // FULL: a write the user saw succeed survives a power cut, WAL or not.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  if (sqlite.pragma("foreign_keys", { simple: true }) !== 1) {
    throw new Error("SQLite refused to enable foreign keys; cascades would silently not happen");
  }
}

function closeQuietly(sqlite: Database.Database): void {
  try {
    if (sqlite.open) sqlite.close();
  } catch {
    // Closing is best effort: the process may be on its way out.
  }
}

// Next bundles this module into several chunks (instrumentation, each route),
// each with its own module scope: the registry lives on globalThis so that a
// handle opened by one is known to all.
const shared = globalThis as unknown as Record<symbol, WeakMap<Db, SqliteEngine> | undefined>;
const ENGINES = Symbol.for("shortlist.sqliteEngines");
const engines = (shared[ENGINES] ??= new WeakMap<Db, SqliteEngine>());

export function registerEngine(engine: SqliteEngine): void {
  engines.set(engine.writer.db, engine);
  engines.set(engine.reader.db, engine);
}

/** The engine a handle belongs to: every Db the app holds came from openDatabase. */
export function engineOf(db: Db): SqliteEngine {
  const engine = engines.get(db);
  if (!engine) throw new Error("This database handle was not opened by openDatabase (db/open.ts).");
  return engine;
}
