import { openDatabase, type Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/data/users";
import { postgresTestDb } from "./postgres-db";

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
