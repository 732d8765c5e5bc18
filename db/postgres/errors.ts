// Postgres' errors, and the pg driver's, read as the storage vocabulary of
// db/storage-error.ts. Only codes about the database itself count; a broken
// constraint or a bug is not a storage failure and is thrown on as it is.

/** The kinds of db/storage-error.ts's StorageFailure a Postgres error can be (named here: that module imports this one). */
type StorageFailure = "busy" | "connection-lost" | "full" | "io" | "read-only" | "corrupt" | "cant-open";

/** SQLSTATE classes and codes (https://www.postgresql.org/docs/15/errcodes-appendix.html), most specific first. */
const KIND_BY_SQLSTATE: [prefix: string, kind: StorageFailure][] = [
  ["55P03", "busy"], // lock_not_available: lock_timeout ran out
  ["40001", "busy"], // serialization_failure
  ["40P01", "busy"], // deadlock_detected
  ["57014", "busy"], // query_canceled (statement_timeout)
  ["53300", "busy"], // too_many_connections
  ["57P03", "connection-lost"], // cannot_connect_now (starting up, shutting down)
  ["57P0", "connection-lost"], // admin_shutdown, crash_shutdown...
  ["08", "connection-lost"], // connection exceptions
  ["53100", "full"], // disk_full
  ["53", "io"], // insufficient resources (out of memory...)
  ["25006", "read-only"], // read_only_sql_transaction (a standby)
  ["58", "io"], // system errors (io_error...)
  ["XX001", "corrupt"], // data_corrupted
  ["XX002", "corrupt"], // index_corrupted
  ["28", "cant-open"], // invalid authorization: wrong password, unknown role
  ["3D000", "cant-open"], // invalid_catalog_name: no such database
];

/** Node's socket errors: the server is not there, or went away. */
const LOST_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/** The driver's own words when the connection ends under it (it sets no code). */
const LOST_MESSAGE = /Connection terminated|connection is closed|Client has encountered a connection error|Client was closed|terminating connection/i;
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** The storage kind and code of a Postgres or pg driver error (drizzle wraps them: the cause is read too); null for anything else. */
export function postgresFailureOf(error: unknown): { kind: StorageFailure; code: string } | null {
  for (let at = error, depth = 0; at instanceof Error && depth < 4; at = at.cause, depth++) {
    const found = readOne(at);
    if (found) return found;
  }
  return null;
}

function readOne(error: Error): { kind: StorageFailure; code: string } | null {
  const state = sqlState(error);
  if (state) {
    const kind = KIND_BY_SQLSTATE.find(([prefix]) => state.startsWith(prefix))?.[1];
    return kind ? { kind, code: state } : null;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && LOST_SOCKET.has(code)) return { kind: "connection-lost", code };
  if (POOL_TIMEOUT.test(error.message)) return { kind: "busy", code: "POOL_TIMEOUT" };
  if (LOST_MESSAGE.test(error.message)) return { kind: "connection-lost", code: "CONNECTION_LOST" };
  return null;
}

/** Did the connection itself fail (so the outcome of a COMMIT sent on it is unknown)? */
export function isConnectionLoss(error: unknown): boolean {
  const found = postgresFailureOf(error);
  return found?.kind === "connection-lost" && found.code !== "57P03";
}
