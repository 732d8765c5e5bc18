import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { userDataVersions, users } from "@/db/schema";
import { forgetThrottleSubject } from "./sign-in-throttle";
import { write } from "./write";

/**
 * Deletes the user and every row they own, in one transaction. Every table
 * of user data references the user with ON DELETE CASCADE (the schema's
 * composite keys carry it down to rounds, signals and people); the two
 * tables that hold the user's id or email without a foreign key, the
 * cache's version counter and the sign-in throttle, are cleared by hand.
 * With the user gone, every session cookie they had fails requireUser().
 */
export function deleteAccount(db: Queryable, { userId }: { userId: string }): boolean {
  return write(db, (tx) => {
    const user = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user) return false;
    tx.delete(users).where(eq(users.id, userId)).run();
    // The triggers that bump the version fire during the cascade, so this comes after it.
    tx.delete(userDataVersions).where(eq(userDataVersions.userId, userId)).run();
    forgetThrottleSubject(tx, { email: user.email, userId });
    return true;
  });
}
