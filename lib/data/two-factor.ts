import "server-only";
import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/open";
import { recoveryCodes, twoFactor } from "@/db/schema";
import { write, type WriteTx } from "./write";

export type TwoFactorRow = { secretSealed: string; enabledAt: Date | null; lastUsedStep: number | null };

export function getTwoFactor(db: Db, { userId }: { userId: string }): TwoFactorRow | undefined {
  return db
    .select({ secretSealed: twoFactor.secretSealed, enabledAt: twoFactor.enabledAt, lastUsedStep: twoFactor.lastUsedStep })
    .from(twoFactor)
    .where(eq(twoFactor.userId, userId))
    .get();
}

export function twoFactorEnabled(db: Db, { userId }: { userId: string }): boolean {
  return Boolean(getTwoFactor(db, { userId })?.enabledAt);
}

export function recoveryCodesLeft(db: Db, { userId }: { userId: string }): number {
  return db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .get()!.n;
}

/**
 * Keeps a new secret waiting for its first code. A set-up started again
 * replaces the waiting secret; one that is already on is never replaced here.
 */
export function savePendingTwoFactor(db: Db, { userId, secretSealed, now }: { userId: string; secretSealed: string; now: Date }): boolean {
  return write(db, (tx) => {
    const existing = tx.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, userId)).get();
    if (existing?.enabledAt) return false;
    tx.insert(twoFactor)
      .values({ userId, secretSealed, createdAt: now })
      .onConflictDoUpdate({ target: twoFactor.userId, set: { secretSealed, createdAt: now, lastUsedStep: null } })
      .run();
    return true;
  });
}

/** Drops a set-up that was never confirmed; one that is on stays on. */
export function cancelPendingTwoFactor(db: Db, { userId }: { userId: string }): void {
  write(db, (tx) => tx.delete(twoFactor).where(and(eq(twoFactor.userId, userId), isNull(twoFactor.enabledAt))).run());
}

/** Turns the waiting secret on, with the step of its first code used up and a fresh set of recovery codes. */
export function enableTwoFactor(db: Db, { userId, step, codeHashes, now }: { userId: string; step: number; codeHashes: string[]; now: Date }): boolean {
  return write(db, (tx) => {
    const changed = tx
      .update(twoFactor)
      .set({ enabledAt: now, lastUsedStep: step })
      .where(and(eq(twoFactor.userId, userId), isNull(twoFactor.enabledAt)))
      .run().changes;
    if (changed !== 1) return false;
    writeRecoveryCodes(tx, userId, codeHashes);
    return true;
  });
}

function writeRecoveryCodes(tx: WriteTx, userId: string, codeHashes: string[]): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash }))).run();
}

/** Replaces every recovery code of a user whose two-factor sign-in is on. */
export function replaceRecoveryCodes(db: Db, { userId, codeHashes }: { userId: string; codeHashes: string[] }): boolean {
  return write(db, (tx) => {
    const on = tx.select({ userId: twoFactor.userId }).from(twoFactor).where(and(eq(twoFactor.userId, userId), isNotNull(twoFactor.enabledAt))).get();
    if (!on) return false;
    writeRecoveryCodes(tx, userId, codeHashes);
    return true;
  });
}

/**
 * Uses up a time step: true only if it is later than the last one used, so
 * a code (even one seen over a shoulder) works once. One UPDATE decides, so
 * two requests racing with the same code cannot both win.
 */
export function useTimeStep(db: Db, { userId, step }: { userId: string; step: number }): boolean {
  return write(db, 
    (tx) =>
      tx
        .update(twoFactor)
        .set({ lastUsedStep: step })
        .where(
          and(eq(twoFactor.userId, userId), isNotNull(twoFactor.enabledAt), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))),
        )
        .run().changes === 1,
  );
}

/** The stored hashes of the user's recovery codes not yet used. */
export function unusedRecoveryCodes(db: Db, { userId }: { userId: string }): string[] {
  return db
    .select({ codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all()
    .map((row) => row.codeHash);
}

/**
 * Uses up a recovery code: true only the first time (one UPDATE decides, so
 * two requests racing with one code cannot both win). `rehashed` replaces
 * an old-format hash as it is used, so none is left in the table.
 */
export function useRecoveryCode(db: Db, { userId, codeHash, now, rehashed }: { userId: string; codeHash: string; now: Date; rehashed?: string }): boolean {
  return write(db, 
    (tx) =>
      tx
        .update(recoveryCodes)
        .set({ usedAt: now, ...(rehashed ? { codeHash: rehashed } : {}) })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
        .run().changes === 1,
  );
}

/** Turns two-factor sign-in off: the secret and every recovery code go. */
export function deleteTwoFactor(db: Db, { userId }: { userId: string }): boolean {
  return write(db, (tx) => {
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    return tx.delete(twoFactor).where(eq(twoFactor.userId, userId)).run().changes === 1;
  });
}
