import "server-only";
import type { Db } from "@/db/open";
import { clearAccountFailures, recordFailure, retryAfterMs, throttleKeys } from "@/lib/data/sign-in-throttle";
import { findCredentials } from "@/lib/data/users";
import { signInSchema } from "@/lib/validation/auth";
import { dummyPasswordHash, verifyPassword } from "./password";

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
  const keys = throttleKeys(email, clientAddress);
  if (retryAfterMs(db, keys, now) > 0) return { ok: false, reason: "throttled" };

  const account = findCredentials(db, email);
  const matches = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
  if (!account || !matches) {
    recordFailure(db, keys, now);
    return { ok: false, reason: "invalid" };
  }
  clearAccountFailures(db, email);
  return { ok: true, userId: account.id, sessionVersion: account.sessionVersion };
}
