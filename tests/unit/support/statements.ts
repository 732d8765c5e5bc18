import pg from "pg";
import type { Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { engineOf } from "@/db/sqlite/connections";

// Sees every statement the app sends while `run` runs, on either engine: for
// counting queries, or failing chosen ones as a broken disk would. SQLite's
// are seen where better-sqlite3 prepares them (one private ":memory:"
// database has one connection); Postgres' where the pg driver sends them.

/** Transaction control, which is how a statement runs, not what it reads. */
export const isTransactionControl = (source: string) => /^\s*(begin|commit|rollback|savepoint|release|set |select pg_advisory)/i.test(source);

/** Runs `run` with `see` called on each statement's SQL before it is sent; `see` may throw to fail it. */
export async function watchStatements<T>(db: Db, see: (source: string) => void, run: () => Promise<T>): Promise<T> {
  if (engineKind() === "postgres") {
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query = proto.query;
    proto.query = function (this: pg.Client, ...args: unknown[]) {
      const [first] = args;
      const source = typeof first === "string" ? first : (first as { text?: string } | null)?.text;
      if (typeof source === "string") {
        try {
          see(source);
        } catch (error) {
          const callback = args.find((a) => typeof a === "function") as ((e: unknown) => void) | undefined;
          if (callback) return void callback(error);
          return Promise.reject(error);
        }
      }
      return query.apply(this, args);
    };
    try {
      return await run();
    } finally {
      proto.query = query;
    }
  }
  const { sqlite } = engineOf(db).writer;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    see(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    return await run();
  } finally {
    sqlite.prepare = prepare;
  }
}
