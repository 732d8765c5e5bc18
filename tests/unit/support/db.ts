import path from "node:path";
import { openDatabase, type Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/data/users";
import { postgresTestDatabase, postgresTestDb } from "./postgres-db";

/**
 * A private database with the real migrations applied: in memory on SQLite;
 * a fresh copy of the migrated template under `npm run test:unit:postgres`.
 */
export function testDb(): Db {
  if (engineKind() === "postgres") return postgresTestDb();
  return openDatabase(":memory:").db;
}

// Hashing at full strength costs ~0.3 s; tests that only need an account
// share one precomputed hash.
let sharedHash: Promise<string> | undefined;

export async function makeUser(db: Db, email: string) {
  sharedHash ??= hashPassword("correct horse battery staple");
  const user = await createUser(db, { name: email.split("@")[0], email, passwordHash: await sharedHash });
  if (!user) throw new Error(`could not create ${email}`);
  return user;
}

/**
 * A private database that several "servers" open, each with connections and
 * caches of its own: a file in `dir` on SQLite; a fresh database on Postgres.
 */
export function sharedTestDatabase(dir: string): { open: () => { db: Db; close: () => Promise<void> } } {
  if (engineKind() === "postgres") return postgresTestDatabase();
  return {
    open() {
      const { db, close } = openDatabase(path.join(dir, "shortlist.db"));
      return { db, close: async () => close() };
    },
  };
}
