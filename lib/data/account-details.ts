import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { users } from "@/db/schema";

/**
 * Renames the account and sets its email, in one transaction; "email-taken"
 * when another account has that email (checked inside the write lock, with
 * the unique index behind it), and nothing changes then.
 */
export async function updateAccountDetails(
  db: Db,
  { userId, name, email }: { userId: string; name: string; email: string },
): Promise<"saved" | "email-taken"> {
  return write(db, { userId }, async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, userId))).limit(1);
    if (taken) return "email-taken";
    await tx.update(users).set({ name, email }).where(eq(users.id, userId));
    return "saved";
  });
}
