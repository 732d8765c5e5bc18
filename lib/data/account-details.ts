import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/open";
import { users } from "@/db/schema";
import { write } from "./write";

/**
 * Renames the account and sets its email, in one transaction; "email-taken"
 * when another account has that email (checked inside the write lock, with
 * the unique index behind it), and nothing changes then.
 */
export function updateAccountDetails(db: Db, { userId, name, email }: { userId: string; name: string; email: string }): "saved" | "email-taken" {
  return write(db, (tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, userId))).get();
    if (taken) return "email-taken";
    tx.update(users).set({ name, email }).where(eq(users.id, userId)).run();
    return "saved";
  });
}
