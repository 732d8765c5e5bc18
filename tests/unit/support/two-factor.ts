import type { Db } from "@/db/open";
import { hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { newRecoveryCodes, normaliseRecoveryCode, timeStepAt, totpCodeAt } from "@/lib/auth/totp";
import { confirmTwoFactorSetup, pendingTwoFactorSecret, startTwoFactorSetup } from "@/lib/auth/two-factor";
import { enableTwoFactor, getTwoFactor } from "@/lib/data/two-factor";

/** makeUser's password for every account. */
export const PASSWORD = "correct horse battery staple";

/** Two-factor turned on the way Settings does it; the secret is read back as the page would show it. */
export async function turnOnTwoFactor(db: Db, user: { id: string; email: string }, now: Date) {
  await startTwoFactorSetup(db, { userId: user.id, now });
  const secret = await pendingTwoFactorSecret(db, { userId: user.id });
  if (!secret) throw new Error("no pending secret");
  const result = await confirmTwoFactorSetup(db, { userId: user.id, email: user.email, address: "10.0.0.1", now, password: PASSWORD, code: totpCodeAt(secret, now) });
  if (!result.ok) throw new Error(`set-up refused: ${result.reason}`);
  return { secret, recoveryCodes: result.recoveryCodes };
}

/** The code an authenticator app shows `steps` 30-second steps after `now`. */
export const codeAt = (secret: string, now: Date, steps = 0) => totpCodeAt(secret, new Date(now.getTime() + steps * 30_000));

/** Recovery codes as the database keeps them. */
export const recoveryCodeHashes = (codes: string[]) => Promise.all(codes.map((code) => hashRecoveryCode(normaliseRecoveryCode(code)!)));

// One set of codes for every fixture: ten scrypt hashes per test would cost about half a second each.
let fixtureCodes: Promise<{ codes: string[]; hashes: string[] }> | undefined;
const sharedCodes = () =>
  (fixtureCodes ??= (async () => {
    const codes = newRecoveryCodes();
    return { codes, hashes: await recoveryCodeHashes(codes) };
  })());

/**
 * Two-factor turned on with the very steps confirmTwoFactorSetup takes once
 * the password and the first code are right, without their ~0.3 s password
 * hash: for fixtures that need the state, not the set-up, in every test.
 */
export async function twoFactorOnWithoutPassword(db: Db, userId: string, now: Date) {
  await startTwoFactorSetup(db, { userId, now });
  const secret = await pendingTwoFactorSecret(db, { userId });
  if (!secret) throw new Error("no pending secret");
  const { codes, hashes } = await sharedCodes();
  const pending = await getTwoFactor(db, { userId });
  if (!pending || !(await enableTwoFactor(db, { userId, secretSealed: pending.secretSealed, step: timeStepAt(now), codeHashes: hashes, now }))) throw new Error("not turned on");
  return { secret, recoveryCodes: codes, recoveryCodeHashes: hashes };
}
