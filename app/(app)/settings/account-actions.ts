"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { guardedPasswordCheck } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { tryAgainIn } from "@/lib/auth/try-again";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { deleteAccount } from "@/lib/data/account-deletion";
import { requestContext } from "@/lib/auth/request-context";
import { signInKeys } from "@/lib/data/sign-in-throttle";
import { passwordHashOf } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { deleteAccountSchema } from "@/lib/validation/delete-account";

/**
 * Deletes the signed-in user's account and everything in it, once their
 * password checks out (guesses count against the sign-in limit, as in
 * "Change password"). The user row going takes every session with it:
 * requireUser() finds no user for an old cookie, on any device.
 */
export const deleteAccountAction = validatedActionWithUser<typeof deleteAccountSchema, "password">(
  deleteAccountSchema,
  async ({ password }, user) => {
    const db = getDb();
    const stored = await passwordHashOf(db, { userId: user.id });
    const { address } = await requestContext();
    const check = await guardedPasswordCheck(db, signInKeys(user.email, address), new Date(), async () =>
      Boolean(stored) && verifyPassword(password, stored ?? ""),
    );
    if (!check.ok) {
      return { fieldErrors: { password: [check.retryAfterMs > 0 ? `Too many attempts. ${tryAgainIn(check.retryAfterMs)}` : "That password is incorrect."] } };
    }
    await deleteAccount(db, { userId: user.id });
    securityLog("account-deleted", { userId: user.id, address });
    await signOut({ redirect: false });
    redirect("/sign-in?deleted=1");
  },
  // Nothing typed into a password field is sent back to the browser.
  { keepValues: false },
);
