import type { Db } from "@/db/open";
import { totpCodeAt } from "@/lib/auth/totp";
import { confirmTwoFactorSetup, pendingTwoFactorSecret, startTwoFactorSetup } from "@/lib/auth/two-factor";

/** makeUser's password for every account. */
export const PASSWORD = "correct horse battery staple";

/** Two-factor turned on the way Settings does it; the secret is read back as the page would show it. */
export async function turnOnTwoFactor(db: Db, user: { id: string; email: string }, now: Date) {
  startTwoFactorSetup(db, { userId: user.id, now });
  const secret = pendingTwoFactorSecret(db, { userId: user.id });
  if (!secret) throw new Error("no pending secret");
  const result = await confirmTwoFactorSetup(db, { userId: user.id, email: user.email, address: "10.0.0.1", now, password: PASSWORD, code: totpCodeAt(secret, now) });
  if (!result.ok) throw new Error(`set-up refused: ${result.reason}`);
  return { secret, recoveryCodes: result.recoveryCodes };
}

/** The code an authenticator app shows `steps` 30-second steps after `now`. */
export const codeAt = (secret: string, now: Date, steps = 0) => totpCodeAt(secret, new Date(now.getTime() + steps * 30_000));
