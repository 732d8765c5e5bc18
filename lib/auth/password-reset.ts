import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { createPasswordReset, resetLinkOwner, spendPasswordReset } from "@/lib/data/password-resets";
import { blockingKeys, countAttempt, signInKeys, THROTTLE_WRITE } from "@/lib/data/sign-in-throttle";
import { findUserByEmail } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { MINUTE_MS } from "@/lib/time/units";
import { hashPassword } from "./password";
import { newPasswordProblem } from "./password-screen";
import { tryAgainIn } from "./try-again";

/** How long a reset link works. */
export const RESET_LINK_MS = 30 * MINUTE_MS;

export const resetTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

const resetEmail = (link: string) => ({
  subject: "Reset your Shortlist password",
  text: `Someone, probably you, asked to reset the password of your Shortlist account.\n\nChoose a new password here within 30 minutes:\n${link}\n\nThe link works once. If you did not ask, ignore this email: your password stays as it is.\n`,
});

/**
 * A new link for the account: the token goes in the link; only its hash is
 * stored. `byEmail` puts the email carrying it in the outbox, in the same
 * transaction; without it (the operator's command) the link is only returned.
 */
export async function issueResetLink(db: Db, { userId, origin, now, byEmail = false }: { userId: string; origin: string; now: Date; byEmail?: boolean }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const link = `${origin}/reset-password/${token}`;
  const expiresAt = new Date(now.getTime() + RESET_LINK_MS);
  await createPasswordReset(db, { userId, tokenHash: resetTokenHash(token), expiresAt, now, ...(byEmail ? { email: resetEmail(link) } : {}) });
  return link;
}

export type ResetRequestResult = { ok: true } | { ok: false; message: string };

/**
 * "Forgot password?": the same answer whether or not the address has an
 * account. Each request counts against the sign-in limits for the address
 * and the pair, so it cannot be used to flood an inbox or probe at speed.
 * The email goes through the outbox, sent by the scheduler the write wakes,
 * so the answer does not wait on the SMTP server for a known address; a
 * failed send is listed in the account's Settings like a reminder's.
 */
export async function requestPasswordReset(
  db: Db,
  { email, address, origin, now }: { email: string; address: string | null; origin: string; now: Date },
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
  await issueResetLink(db, { userId: user.id, origin, now, byEmail: true });
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
