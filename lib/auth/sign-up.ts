import "server-only";
import type { Db } from "@/db/open";
import { countAttempt, retryAfterMs, signUpKeys } from "@/lib/data/sign-in-throttle";
import { createUser } from "@/lib/data/users";
import { write } from "@/lib/data/write";
import { securityLog } from "@/lib/security-log";
import type { SignUpInput } from "@/lib/validation/auth";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-screen";

/** SHORTLIST_SIGN_UP: "open" (the default) lets anyone make an account; anything else closes sign-up. */
export function signUpOpen(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.SHORTLIST_SIGN_UP?.trim().toLowerCase();
  return !value || value === "open";
}

export type SignUpResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "closed" }
  | { ok: false; reason: "throttled"; retryAfterMs: number }
  | { ok: false; reason: "invalid"; field: "email" | "password"; message: string };

/**
 * Makes an account, if sign-up is open and this address has not made too
 * many lately. Every try counts against the address, since each costs a
 * deliberately slow hash.
 */
export async function registerAccount(
  db: Db,
  { input, address, now, env = process.env }: { input: SignUpInput; address: string | null; now: Date; env?: Record<string, string | undefined> },
): Promise<SignUpResult> {
  if (!signUpOpen(env)) return { ok: false, reason: "closed" };
  const keys = signUpKeys(address);
  const wait = write(db, (tx) => {
    const blockedFor = retryAfterMs(tx, keys, now);
    if (blockedFor === 0) countAttempt(tx, keys, now);
    return blockedFor;
  });
  if (wait > 0) {
    securityLog("throttled", { address, attempt: "sign-up" }, "warn");
    return { ok: false, reason: "throttled", retryAfterMs: wait };
  }
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) return { ok: false, reason: "invalid", field: "password", message: problem };

  const passwordHash = await hashPassword(input.password);
  const user = createUser(db, { name: input.name, email: input.email, timeZone: input.timeZone, passwordHash });
  if (!user) return { ok: false, reason: "invalid", field: "email", message: "An account with this email already exists. Sign in instead." };
  securityLog("account-created", { userId: user.id, address });
  return { ok: true, userId: user.id };
}
