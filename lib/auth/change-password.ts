import "server-only";
import type { Db } from "@/db/open";
import { signInKeys } from "@/lib/data/sign-in-throttle";
import { changePasswordHash, passwordHashOf } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { guardedPasswordCheck } from "./credentials";
import { hashPassword, verifyPassword } from "./password";
import { newPasswordProblem } from "./password-screen";
import { tryAgainIn } from "./try-again";

export type ChangePasswordResult = { ok: true } | { ok: false; field: "currentPassword" | "newPassword"; message: string };

/**
 * A new password needs the current one (guesses count against the same
 * limits as sign-in, so a stolen session cannot find it by trial) and must
 * pass the same screening as at sign-up. It ends every session, this one
 * too, and gives the calendar feed a new URL.
 */
export async function changePassword(
  db: Db,
  {
    user,
    currentPassword,
    newPassword,
    address,
    host = null,
    now,
  }: { user: { id: string; email: string; name?: string }; currentPassword: string; newPassword: string; address: string | null; host?: string | null; now: Date },
): Promise<ChangePasswordResult> {
  const problem = await newPasswordProblem(newPassword, { name: user.name, email: user.email, host });
  if (problem) return { ok: false, field: "newPassword", message: problem };

  const stored = await passwordHashOf(db, { userId: user.id });
  const check = await guardedPasswordCheck(db, signInKeys(user.email, address), now, async () => Boolean(stored) && verifyPassword(currentPassword, stored ?? ""));
  if (!check.ok) {
    const throttled = check.retryAfterMs > 0;
    securityLog(throttled ? "throttled" : "password-change-refused", { userId: user.id, address, attempt: "password-check", reason: throttled ? check.scope : "wrong-password" }, "warn");
    return { ok: false, field: "currentPassword", message: throttled ? `Too many attempts. ${tryAgainIn(check.retryAfterMs)}` : "Current password is incorrect." };
  }
  const ended = await changePasswordHash(db, { userId: user.id, passwordHash: await hashPassword(newPassword) });
  securityLog("password-changed", { userId: user.id, address, count: ended });
  return { ok: true };
}
