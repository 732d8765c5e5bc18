import "server-only";
import type { Db } from "@/db/open";
import { countAttempt, forgiveAttempt, retryAfterMs, throttleKeys, type ThrottleKey } from "@/lib/data/sign-in-throttle";
import { findCredentials } from "@/lib/data/users";
import { write } from "@/lib/data/write";
import { signInSchema } from "@/lib/validation/auth";
import { dummyPasswordHash, verifyPassword } from "./password";

export type GuardedCheck = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Runs a password check under the throttle. The attempt is counted before
 * the (slow) hash, in the same synchronous step as the limit check, so
 * parallel requests cannot overrun the limit; a right password is forgiven.
 */
export async function guardedPasswordCheck(
  db: Db,
  keys: ThrottleKey[],
  now: Date,
  check: () => Promise<boolean>,
): Promise<GuardedCheck> {
  const wait = write(db, (tx) => {
    const blockedFor = retryAfterMs(tx, keys, now);
    if (blockedFor === 0) countAttempt(tx, keys, now);
    return blockedFor;
  });
  if (wait > 0) return { ok: false, retryAfterMs: wait };
  if (!(await check())) return { ok: false, retryAfterMs: 0 };
  forgiveAttempt(db, keys);
  return { ok: true };
}

export type CredentialCheck =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Decides a sign-in attempt. An unknown email is checked against a dummy
 * hash so that it takes as long as a wrong password, and every failure
 * counts against the account and the client address.
 */
export async function checkCredentials(
  db: Db,
  raw: unknown,
  clientAddress: string | null,
  now: Date,
): Promise<CredentialCheck> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const account = findCredentials(db, email);
  const result = await guardedPasswordCheck(db, throttleKeys(email, clientAddress), now, async () => {
    const matches = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
    return Boolean(account) && matches;
  });
  if (!result.ok) return { ok: false, reason: result.retryAfterMs > 0 ? "throttled" : "invalid" };
  // The check is false without an account; this only narrows the type.
  if (!account) return { ok: false, reason: "invalid" };
  return { ok: true, userId: account.id, sessionVersion: account.sessionVersion };
}
