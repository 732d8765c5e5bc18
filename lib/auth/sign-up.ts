import "server-only";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { countAttempt, retryAfterMs, signUpKeys, THROTTLE_WRITE } from "@/lib/data/sign-in-throttle";
import { createUser } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import type { SignUpInput } from "@/lib/validation/auth";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { newPasswordProblem } from "./password-screen";
import { emailSignUp, type SignUpMail } from "./sign-up-link";

/** SHORTLIST_SIGN_UP: "open" (the default) lets anyone make an account; anything else closes sign-up. */
export function signUpOpen(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.SHORTLIST_SIGN_UP?.trim().toLowerCase();
  return !value || value === "open";
}

export type SignUpResult =
  | { ok: true; userId: string }
  /** The server sends email: the rest is in the inbox (a link for a new address, a note for an account's owner). */
  | { ok: true; checkEmail: true }
  | { ok: false; reason: "closed" }
  | { ok: false; reason: "throttled"; retryAfterMs: number }
  | { ok: false; reason: "invalid"; field: "email" | "password"; message: string };

/**
 * Makes an account, if sign-up is open and this address has not made too
 * many lately. Every try counts against the address, since each costs a
 * deliberately slow hash. With `mail` (the server sends email), no account
 * is made yet: every sign-up, taken address or not, gets the same answer
 * after the same work, and the rest happens by email (sign-up-link.ts).
 */
export async function registerAccount(
  db: Db,
  {
    input,
    address,
    host = null,
    now,
    env = process.env,
    mail = null,
  }: { input: SignUpInput; address: string | null; host?: string | null; now: Date; env?: Record<string, string | undefined>; mail?: SignUpMail | null },
): Promise<SignUpResult> {
  if (!signUpOpen(env)) return { ok: false, reason: "closed" };
  const keys = signUpKeys(address);
  const wait = await write(db, THROTTLE_WRITE, async (tx) => {
    const blockedFor = await retryAfterMs(tx, { keys, now });
    if (blockedFor === 0) await countAttempt(tx, { keys, now });
    return blockedFor;
  });
  if (wait > 0) {
    securityLog("throttled", { address, attempt: "sign-up" }, "warn");
    return { ok: false, reason: "throttled", retryAfterMs: wait };
  }
  const problem = await newPasswordProblem(input.password, { name: input.name, email: input.email, host });
  if (problem) return { ok: false, reason: "invalid", field: "password", message: problem };

  const passwordHash = await hashPassword(input.password);
  if (mail) {
    await emailSignUp(db, { input, passwordHash, address, now, mail });
    return { ok: true, checkEmail: true };
  }
  const user = await createUser(db, { name: input.name, email: input.email, timeZone: input.timeZone, passwordHash });
  if (!user) {
    // A new account is signed in next, which verifies the password once more:
    // the taken email does the same work, so the answer's timing tells
    // nothing. (The message still does: only a server that sends email can
    // answer a taken address like any other.)
    await verifyPassword(input.password, await dummyPasswordHash());
    return { ok: false, reason: "invalid", field: "email", message: "An account with this email already exists. Sign in instead." };
  }
  securityLog("account-created", { userId: user.id, address });
  return { ok: true, userId: user.id };
}
