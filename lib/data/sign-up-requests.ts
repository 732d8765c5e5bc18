import "server-only";
import { and, eq, gt, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/open";
import { signUpRequests, users } from "@/db/schema";
import { write } from "@/db/write";

export type SignUpRequest = { email: string; name: string; passwordHash: string; timeZone: string | null };

/**
 * A sign-up's first half, when the server sends email: for an address with
 * no account, records the request under its link's token hash; for one
 * that has an account, records nothing and names the owner. One
 * transaction either way, so both take the same time. Spent and expired
 * requests (anyone's) are dropped on the way.
 */
export async function beginSignUp(
  db: Db,
  { request, tokenHash, expiresAt, now }: { request: SignUpRequest; tokenHash: string; expiresAt: Date; now: Date },
): Promise<{ owner: { id: string; email: string; name: string } | null }> {
  return write(db, { key: `sign-up:${request.email}` }, async (tx) => {
    await tx.delete(signUpRequests).where(or(isNotNull(signUpRequests.usedAt), lt(signUpRequests.expiresAt, now)));
    const [owner] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, request.email)).limit(1);
    if (owner) return { owner };
    await tx.insert(signUpRequests).values({ ...request, tokenHash, expiresAt, createdAt: now });
    return { owner: null };
  });
}

const live = (tokenHash: string, now: Date) => and(eq(signUpRequests.tokenHash, tokenHash), isNull(signUpRequests.usedAt), gt(signUpRequests.expiresAt, now));

/** The request a live (unused, unexpired) link stands for; null otherwise. */
export async function signUpRequestOf(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<SignUpRequest | null> {
  const [row] = await db
    .select({ email: signUpRequests.email, name: signUpRequests.name, passwordHash: signUpRequests.passwordHash, timeZone: signUpRequests.timeZone })
    .from(signUpRequests)
    .where(live(tokenHash, now))
    .limit(1);
  return row ?? null;
}

export type FinishedSignUp = { ok: true; userId: string } | { ok: false; reason: "link" | "taken" };

/**
 * Uses a live link: marks it used and makes the account, in one
 * transaction. "link" when it is spent, expired or unknown (a second tab
 * that used it first included); "taken" when the address got an account
 * since (the link is spent all the same).
 */
export async function finishSignUp(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<FinishedSignUp> {
  return write(db, { key: "sign-up-link" }, async (tx) => {
    const [request] = await tx
      .update(signUpRequests)
      .set({ usedAt: now })
      .where(live(tokenHash, now))
      .returning({ email: signUpRequests.email, name: signUpRequests.name, passwordHash: signUpRequests.passwordHash, timeZone: signUpRequests.timeZone });
    if (!request) return { ok: false, reason: "link" };
    const [user] = await tx.insert(users).values(request).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    return user ? { ok: true, userId: user.id } : { ok: false, reason: "taken" };
  });
}
