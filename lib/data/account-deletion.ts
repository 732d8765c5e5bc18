import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { userDataVersions, users } from "@/db/schema";
import { forgetThrottleSubject } from "./sign-in-throttle";

/**
 * Deletes the user and every row they own, in one transaction. Every table
 * of user data references the user with ON DELETE CASCADE (the schema's
 * composite keys carry it down to rounds, signals and people); the two
 * tables that hold the user's id or email without a foreign key, the
 * cache's version counter and the sign-in throttle, are cleared by hand.
 * With the user gone, every session cookie they had fails requireUser().
 */
export async function deleteAccount(db: Db, { userId }: { userId: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return false;
    await tx.delete(users).where(eq(users.id, userId));
    // The triggers that bump the version fire during the cascade, so this comes after it.
    await tx.delete(userDataVersions).where(eq(userDataVersions.userId, userId));
    await forgetThrottleSubject(tx, { email: user.email, userId });
    return true;
  });
}
