// TRANSITIONAL (issue 24): the synchronous write, kept only while the data
// layer moves to `write(db, scope, async (tx) => …)` from db/write.ts.
// Delete this file once nothing imports it.
import type Database from "better-sqlite3";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { SQLiteTransaction } from "drizzle-orm/sqlite-core";
import type { Queryable } from "@/db/open";
import type * as schema from "@/db/schema";
import { engineOf } from "@/db/sqlite/connections";
import { toStorageError } from "@/db/storage-error";

export type WriteTx = SQLiteTransaction<"sync", Database.RunResult, typeof schema, ExtractTablesWithRelations<typeof schema>>;

type Synchronous<T> = T extends PromiseLike<unknown> ? never : T;

let legacySavepoints = 0;

export function write<T>(db: Queryable, work: (tx: WriteTx) => Synchronous<T>): T {
  let target: Queryable = db;
  try {
    target = engineOf(db).writer.db;
  } catch {
    // Not a handle from openDatabase: a legacy transaction, which nests by itself.
  }
  const sqlite = (target as unknown as { $client: Database.Database }).$client;
  if (sqlite.inTransaction && target !== db) {
    const name = `legacy_${++legacySavepoints}`;
    sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = work(target as unknown as WriteTx);
      sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw toStorageError(error) ?? error;
    }
  }
  let workDone = false;
  try {
    return target.transaction(
      (tx) => {
        const result = work(tx as WriteTx);
        workDone = true;
        return result;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    throw toStorageError(error, { atCommit: workDone }) ?? error;
  }
}
