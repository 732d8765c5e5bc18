import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { createPasswordReset, resetLinkOwner, spendPasswordReset } from "@/lib/data/password-resets";
import { blockingKeys, countAttempt, signInKeys, THROTTLE_WRITE } from "@/lib/data/sign-in-throttle";
import { findUserByEmail } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { MINUTE_MS } from "@/lib/time/units";
import type { SendAccountEmail } from "./mailer";
import { hashPassword } from "./password";
import { newPasswordProblem } from "./password-screen";
import { tryAgainIn } from "./try-again";

/** How long a reset link works. */
export const RESET_LINK_MS = 30 * MINUTE_MS;

export const resetTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new link for the account: the token goes in the link; only its hash is stored. */
export async function issueResetLink(db: Db, { userId, origin, now }: { userId: string; origin: string; now: Date }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await createPasswordReset(db, { userId, tokenHash: resetTokenHash(token), expiresAt: new Date(now.getTime() + RESET_LINK_MS), now });
  return `${origin}/reset-password/${token}`;
}

export type ResetRequestResult = { ok: true } | { ok: false; message: string };

/**
 * "Forgot password?": the same answer whether or not the address has an
 * account. Each request counts against the sign-in limits for the address
 * and the pair, so it cannot be used to flood an inbox or probe at speed.
 * The email is not awaited, so the answer takes as long for an unknown
 * address as for a known one; a failed send is logged.
 */
export async function requestPasswordReset(
  db: Db,
  { email, address, origin, now, send }: { email: string; address: string | null; origin: string; now: Date; send: SendAccountEmail },
): Promise<ResetRequestResult> {
  const keys = signInKeys(email, address).filter((k) => k.scope !== "account");
  const blocked = await write(db, THROTTLE_WRITE, async (tx) => {
    const over = await blockingKeys(tx, { keys, now });
    if (over.length === 0) await countAttempt(tx, { keys, now });
    return over;
  });
  if (blocked.length > 0) {
    securityLog("throttled", { address, attempt: "password-reset", reason: blocked[0].scope }, "warn");
    return { ok: false, message: `Too many requests. ${tryAgainIn(Math.max(...blocked.map((b) => b.waitMs)))}` };
  }
  const user = await findUserByEmail(db, { email });
  securityLog("password-reset-requested", { userId: user?.id ?? null, address });
  if (!user) return { ok: true };
  const link = await issueResetLink(db, { userId: user.id, origin, now });
  const text = `Someone, probably you, asked to reset the password of your Shortlist account.\n\nChoose a new password here within 30 minutes:\n${link}\n\nThe link works once. If you did not ask, ignore this email: your password stays as it is.\n`;
  void send({ to: user.email, subject: "Reset your Shortlist password", text }).catch((error: unknown) => console.error("password reset email not sent:", error));
  return { ok: true };
}

export type ResetResult = { ok: true } | { ok: false; field: "newPassword" | "link"; message: string };

/** Sets a new password from a live link: screened like any new password; ends every session. */
export async function resetPassword(
  db: Db,
  { token, newPassword, address, now }: { token: string; newPassword: string; address: string | null; now: Date },
): Promise<ResetResult> {
  const tokenHash = resetTokenHash(token);
  const owner = await resetLinkOwner(db, { tokenHash, now });
  if (!owner) {
    securityLog("password-reset-refused", { address, reason: "link" }, "warn");
    return { ok: false, field: "link", message: "This link has expired or has been used. Ask for a new one." };
  }
  const problem = await newPasswordProblem(newPassword, { name: owner.name, email: owner.email });
  if (problem) return { ok: false, field: "newPassword", message: problem };
  const used = await spendPasswordReset(db, { tokenHash, passwordHash: await hashPassword(newPassword), now });
  if (!used) return { ok: false, field: "link", message: "This link has expired or has been used. Ask for a new one." };
  securityLog("password-reset-completed", { userId: used.userId, address, count: used.sessionsEnded });
  return { ok: true };
}
