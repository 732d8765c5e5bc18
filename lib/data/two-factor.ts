import "server-only";
import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write, type Tx } from "@/db/write";
import { recoveryCodes, twoFactor } from "@/db/schema";

export type TwoFactorRow = { secretSealed: string; enabledAt: Date | null; lastUsedStep: number | null };

export async function getTwoFactor(db: Db, { userId }: { userId: string }): Promise<TwoFactorRow | undefined> {
  const [row] = await db
    .select({ secretSealed: twoFactor.secretSealed, enabledAt: twoFactor.enabledAt, lastUsedStep: twoFactor.lastUsedStep })
    .from(twoFactor)
    .where(eq(twoFactor.userId, userId))
    .limit(1);
  return row;
}

export async function twoFactorEnabled(db: Db, { userId }: { userId: string }): Promise<boolean> {
  return Boolean((await getTwoFactor(db, { userId }))?.enabledAt);
}

export async function recoveryCodesLeft(db: Db, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row.n;
}

/**
 * Keeps a new secret waiting for its first code. A set-up started again
 * replaces the waiting secret; one that is already on is never replaced here.
 */
export async function savePendingTwoFactor(db: Db, { userId, secretSealed, now }: { userId: string; secretSealed: string; now: Date }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const [existing] = await tx.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, userId)).limit(1);
    if (existing?.enabledAt) return false;
    await tx
      .insert(twoFactor)
      .values({ userId, secretSealed, createdAt: now })
      .onConflictDoUpdate({ target: twoFactor.userId, set: { secretSealed, createdAt: now, lastUsedStep: null } });
    return true;
  });
}

/** Drops a set-up that was never confirmed; one that is on stays on. */
export async function cancelPendingTwoFactor(db: Db, { userId }: { userId: string }): Promise<void> {
  await write(db, { userId }, async (tx) => {
    await tx.delete(twoFactor).where(and(eq(twoFactor.userId, userId), isNull(twoFactor.enabledAt)));
  });
}

/**
 * Turns the waiting secret on, with the step of its first code used up and a
 * fresh set of recovery codes. `secretSealed` is the secret the code was
 * checked against: a set-up started again meanwhile (another tab, another
 * server) replaced it, and turning that one on would lock the user out with
 * a secret their app does not have. False then, as when nothing waits.
 */
export async function enableTwoFactor(
  db: Db,
  { userId, secretSealed, step, codeHashes, now }: { userId: string; secretSealed: string; step: number; codeHashes: string[]; now: Date },
): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const changed = await tx
      .update(twoFactor)
      .set({ enabledAt: now, lastUsedStep: step })
      .where(and(eq(twoFactor.userId, userId), eq(twoFactor.secretSealed, secretSealed), isNull(twoFactor.enabledAt)))
      .returning({ userId: twoFactor.userId });
    if (changed.length !== 1) return false;
    await writeRecoveryCodes(tx, { userId, codeHashes });
    return true;
  });
}

async function writeRecoveryCodes(tx: Tx, { userId, codeHashes }: { userId: string; codeHashes: string[] }): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Replaces every recovery code of a user whose two-factor sign-in is on. */
export async function replaceRecoveryCodes(db: Db, { userId, codeHashes }: { userId: string; codeHashes: string[] }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const [on] = await tx
      .select({ userId: twoFactor.userId })
      .from(twoFactor)
      .where(and(eq(twoFactor.userId, userId), isNotNull(twoFactor.enabledAt)))
      .limit(1);
    if (!on) return false;
    await writeRecoveryCodes(tx, { userId, codeHashes });
    return true;
  });
}

/**
 * Uses up a time step: true only if it is later than the last one used, so
 * a code (even one seen over a shoulder) works once. One UPDATE decides, so
 * two requests racing with the same code cannot both win.
 */
export async function useTimeStep(db: Db, { userId, step }: { userId: string; step: number }): Promise<boolean> {
  const used = await write(db, { userId }, async (tx) =>
    tx
      .update(twoFactor)
      .set({ lastUsedStep: step })
      .where(and(eq(twoFactor.userId, userId), isNotNull(twoFactor.enabledAt), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))))
      .returning({ userId: twoFactor.userId }),
  );
  return used.length === 1;
}

/** The stored hashes of the user's recovery codes not yet used. */
export async function unusedRecoveryCodes(db: Db, { userId }: { userId: string }): Promise<string[]> {
  const rows = await db
    .select({ codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.map((row) => row.codeHash);
}

/**
 * Uses up a recovery code: true only the first time (one UPDATE decides, so
 * two requests racing with one code cannot both win). `rehashed` replaces
 * an old-format hash as it is used, so none is left in the table.
 */
export async function useRecoveryCode(
  db: Db,
  { userId, codeHash, now, rehashed }: { userId: string; codeHash: string; now: Date; rehashed?: string },
): Promise<boolean> {
  const used = await write(db, { userId }, async (tx) =>
    tx
      .update(recoveryCodes)
      .set({ usedAt: now, ...(rehashed ? { codeHash: rehashed } : {}) })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ userId: recoveryCodes.userId }),
  );
  return used.length === 1;
}

/** Turns two-factor sign-in off: the secret and every recovery code go. */
export async function deleteTwoFactor(db: Db, { userId }: { userId: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    const deleted = await tx.delete(twoFactor).where(eq(twoFactor.userId, userId)).returning({ userId: twoFactor.userId });
    return deleted.length === 1;
  });
}
