import pg from "pg";

/**
 * Until `restore()` (or the first COMMIT), the next connection to send COMMIT
 * is terminated by `admin` just as it sends it: the answer never comes back,
 * as when the network or the server goes away mid-commit.
 */
export function cutNextCommit(admin: pg.Pool): { restore: () => void } {
  const query = pg.Client.prototype.query;
  const restore = () => void (pg.Client.prototype.query = query);
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (args[0] === "COMMIT") {
      restore();
      const pid = (this as unknown as { processID: number }).processID;
      return admin.query("select pg_terminate_backend($1)", [pid]).then(() => (query as (...a: unknown[]) => unknown).apply(this, args));
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return { restore };
}
