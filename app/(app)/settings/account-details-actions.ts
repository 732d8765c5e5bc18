"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { guardedPasswordCheck } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { requestContext } from "@/lib/auth/request-context";
import { tryAgainIn } from "@/lib/auth/try-again";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { updateAccountDetails } from "@/lib/data/account-details";
import { signInKeys } from "@/lib/data/sign-in-throttle";
import { passwordHashOf } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { accountDetailsSchema, EMAIL_NEEDS_PASSWORD, EMAIL_TAKEN, type AccountDetailsField } from "@/lib/validation/account-details";

/**
 * Name and email. A new email is the key to the account, so it needs the
 * current password (guesses count against the sign-in limit, as in "Change
 * password"), and it is logged; a name alone saves without one.
 */
export const saveAccountDetailsAction = validatedActionWithUser<typeof accountDetailsSchema, AccountDetailsField>(
  accountDetailsSchema,
  async ({ name, email, currentPassword }, user) => {
    const db = getDb();
    const values = { name, email };
    const emailChanges = email !== user.email;
    const { address } = await requestContext();
    if (emailChanges) {
      if (!currentPassword) return { fieldErrors: { currentPassword: [EMAIL_NEEDS_PASSWORD] }, values };
      const stored = await passwordHashOf(db, { userId: user.id });
      const check = await guardedPasswordCheck(db, signInKeys(user.email, address), new Date(), async () =>
        Boolean(stored) && verifyPassword(currentPassword, stored ?? ""),
      );
      if (!check.ok) {
        securityLog("email-change-refused", { userId: user.id, address }, "warn");
        const message = check.retryAfterMs > 0 ? `Too many attempts. ${tryAgainIn(check.retryAfterMs)}` : "That password is incorrect.";
        return { fieldErrors: { currentPassword: [message] }, values };
      }
    }
    if ((await updateAccountDetails(db, { userId: user.id, name, email })) === "email-taken") {
      return { fieldErrors: { email: [EMAIL_TAKEN] }, values };
    }
    if (emailChanges) securityLog("email-changed", { userId: user.id, address });
    revalidatePath("/", "layout");
    return { message: emailChanges ? "Saved. Sign in with your new email from now on." : "Saved. Your name is updated.", values };
  },
  // The password typed is never sent back; name and email come back through `values` above.
  { keepValues: false },
);
