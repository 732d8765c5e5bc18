import "server-only";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { blockingKeys, countAttempt, forgiveAttempt, signInKeys, THROTTLE_WRITE, type ThrottleKey, type ThrottleScope } from "@/lib/data/sign-in-throttle";
import { findCredentials } from "@/lib/data/users";
import { signInSchema } from "@/lib/validation/auth";
import { trustedDeviceId } from "./device-cookie";
import { dummyPasswordHash, verifyPassword } from "./password";

export type Throttled = { ok: false; reason: "throttled"; retryAfterMs: number; scope: ThrottleScope };

/**
 * Runs a check (a password, a code) under the throttle. The attempt is
 * counted before the check, in the same write as the limit test (writes
 * take their turn), so parallel requests cannot overrun the limit; a
 * success is forgiven.
 */
export async function guardedAttempt<R extends { ok: boolean }>(
  db: Db,
  keys: ThrottleKey[],
  now: Date,
  attempt: () => Promise<R> | R,
): Promise<R | Throttled> {
  const blocked = await write(db, THROTTLE_WRITE, async (tx) => {
    const over = await blockingKeys(tx, { keys, now });
    if (over.length === 0) await countAttempt(tx, { keys, now });
    return over;
  });
  if (blocked.length > 0) {
    const longest = blocked.reduce((a, b) => (b.waitMs > a.waitMs ? b : a));
    return { ok: false, reason: "throttled", retryAfterMs: longest.waitMs, scope: longest.scope };
  }
  const result = await attempt();
  if (result.ok) await forgiveAttempt(db, { keys });
  return result;
}

export type GuardedCheck = { ok: true } | { ok: false; retryAfterMs: number; scope?: ThrottleScope };

/** A password check (true when right) under the throttle; retryAfterMs is 0 for a plain mismatch. */
export async function guardedPasswordCheck(db: Db, keys: ThrottleKey[], now: Date, check: () => Promise<boolean>): Promise<GuardedCheck> {
  const result = await guardedAttempt(db, keys, now, async () => ((await check()) ? { ok: true as const } : { ok: false as const, reason: "wrong" as const }));
  if (result.ok) return result;
  return result.reason === "throttled" ? { ok: false, retryAfterMs: result.retryAfterMs, scope: result.scope } : { ok: false, retryAfterMs: 0 };
}

export type CredentialCheck =
  | { ok: true; userId: string; sessionVersion: number }
  // userId is for the security log only: the person signing in is told the same for both.
  | { ok: false; reason: "invalid"; userId: string | null }
  | (Throttled & { userId: string | null });

/**
 * The counters a password attempt for this email counts against: its own
 * device's alone when the device cookie is genuine and names this account,
 * otherwise the account's, the pair's and the address's.
 */
export async function signInKeysFor(
  db: Db,
  { email, address, deviceToken }: { email: string; address: string | null; deviceToken?: string | null },
): Promise<ThrottleKey[]> {
  const account = deviceToken ? await findCredentials(db, { email }) : undefined;
  const deviceId = account ? trustedDeviceId(deviceToken, account.id) : null;
  return signInKeys(email, address, undefined, deviceId);
}

/**
 * Decides a password sign-in. An unknown email is checked against a dummy
 * hash so that it takes as long as a wrong password, and every failure
 * counts against the account, the account from this address, and the
 * address (or, from the owner's known device, against that device alone).
 */
export async function checkCredentials(
  db: Db,
  raw: unknown,
  { address, now, deviceToken = null }: { address: string | null; now: Date; deviceToken?: string | null },
): Promise<CredentialCheck> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid", userId: null };
  const { email, password } = parsed.data;

  const account = await findCredentials(db, { email });
  const userId = account?.id ?? null;
  const result = await guardedAttempt(db, await signInKeysFor(db, { email, address, deviceToken }), now, async () => {
    const matches = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
    return account && matches
      ? { ok: true as const, userId: account.id, sessionVersion: account.sessionVersion }
      : { ok: false as const, reason: "invalid" as const, userId };
  });
  return result.ok || result.reason === "invalid" ? result : { ...result, userId };
}
