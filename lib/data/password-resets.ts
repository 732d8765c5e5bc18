import "server-only";
import { and, eq, gt, isNull, lt, or, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/open";
import { passwordResets, reminderDeliveries, users } from "@/db/schema";
import { write } from "@/db/write";
import { storedAccountEmail, type AccountEmail } from "@/lib/reminders/account-email";
import { changePasswordHash } from "./users";

/**
 * Records a reset link's token hash for the user, and drops the user's links
 * that are spent or expired. With `email`, the email that carries the link is
 * put in the outbox in the same transaction: the link exists if and only if
 * its email will be sent.
 */
export async function createPasswordReset(
  db: Db,
  { userId, tokenHash, expiresAt, now, email }: { userId: string; tokenHash: string; expiresAt: Date; now: Date; email?: AccountEmail },
): Promise<void> {
  await write(db, { userId }, async (tx) => {
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), or(isNotNull(passwordResets.usedAt), lt(passwordResets.expiresAt, now))));
    await tx.insert(passwordResets).values({ tokenHash, userId, expiresAt, createdAt: now });
    if (!email) return;
    await tx.insert(reminderDeliveries).values({
      userId,
      item: `password-reset:${tokenHash}`,
      occurrence: now.toISOString(),
      channel: "email",
      kind: "account",
      message: storedAccountEmail(userId, email),
      status: "pending",
      attempts: 0,
      notBefore: now,
      createdAt: now,
    });
  });
}

/** The account a live (unused, unexpired) link belongs to, with what the password screening needs; null otherwise. */
export async function resetLinkOwner(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<{ id: string; email: string; name: string } | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/**
 * Uses a live link: marks it used and sets the new password, which ends
 * every session, in one transaction. Null when the link is spent, expired
 * or unknown (a second tab that used it first included).
 */
export async function spendPasswordReset(
  db: Db,
  { tokenHash, passwordHash, now }: { tokenHash: string; passwordHash: string; now: Date },
): Promise<{ userId: string; sessionsEnded: number } | null> {
  return write(db, { key: "password-reset" }, async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!used) return null;
    const sessionsEnded = await changePasswordHash(tx, { userId: used.userId, passwordHash });
    return { userId: used.userId, sessionsEnded };
  });
}
