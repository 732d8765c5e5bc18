import type Database from "better-sqlite3";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { SQLiteTransaction } from "drizzle-orm/sqlite-core";
import type { Queryable } from "@/db/open";
import type * as schema from "@/db/schema";
import { toStorageError } from "./storage-error";

/**
 * write(db, (tx) => …): the one way Shortlist changes the database.
 *
 * Contract, for every data function and script that writes (the importer too):
 * - Every statement that changes a row runs on `tx` inside `work`; `work` is
 *   synchronous (better-sqlite3 is) and must not await.
 * - It runs in a `BEGIN IMMEDIATE` transaction: the write lock is taken up
 *   front, so a busy database fails at once instead of halfway through.
 *   Called with a `tx` (inside another write) it joins that transaction as a
 *   savepoint, and the outer write's commit is the one that counts.
 * - It returns `work`'s result only after COMMIT succeeded. Whatever went
 *   wrong, everything `work` did is rolled back.
 * - A storage failure (disk full, read-only, busy, I/O, damaged file, and any
 *   failed commit) is thrown as a StorageError with its `kind`; the action
 *   layer turns it into a message on the form (and retries "busy"). Any other
 *   error from `work` is thrown unchanged.
 *
 * Why not autocommit: better-sqlite3 hands back the row of an
 * `INSERT … RETURNING` read with `.get()` even when the commit fails (a full
 * disk), so a lost write was confirmed to the user. Inside an explicit
 * transaction the failed COMMIT throws. The lint rule in eslint.config.mjs
 * refuses writes on `db` outside this helper.
 */
export type WriteTx = SQLiteTransaction<"sync", Database.RunResult, typeof schema, ExtractTablesWithRelations<typeof schema>>;

/** Work that returns a promise would let the commit happen before it finished: the types refuse it. */
type Synchronous<T> = T extends PromiseLike<unknown> ? never : T;

export function write<T>(db: Queryable, work: (tx: WriteTx) => Synchronous<T>): T {
  let workDone = false;
  try {
    return db.transaction(
      (tx) => {
        const result = work(tx as WriteTx);
        workDone = true;
        return result;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // After work returned, only the commit can have failed: nothing was saved,
    // whatever the code says.
    throw toStorageError(error, { atCommit: workDone }) ?? error;
  }
}
