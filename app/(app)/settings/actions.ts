"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { guardedPasswordCheck } from "@/lib/auth/credentials";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { tryAgainIn } from "@/lib/auth/try-again";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { throttleKeys } from "@/lib/data/sign-in-throttle";
import { changePasswordHash, passwordHashOf, setTimeZone } from "@/lib/data/users";
import { changePasswordSchema, timeZoneSchema } from "@/lib/validation/auth";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

export const changePasswordAction = validatedActionWithUser<typeof changePasswordSchema, Field>(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, user) => {
    const db = getDb();
    const stored = passwordHashOf(db, user.id);
    // Guesses here count against the same limit as sign-in, so a stolen
    // session cannot be used to find the password by trial.
    const check = await guardedPasswordCheck(db, throttleKeys(user.email, null), new Date(), async () =>
      Boolean(stored) && verifyPassword(currentPassword, stored ?? ""),
    );
    if (!check.ok) {
      const message =
        check.retryAfterMs > 0 ? `Too many attempts. ${tryAgainIn(check.retryAfterMs)}` : "Current password is incorrect.";
      return { fieldErrors: { currentPassword: [message] } };
    }
    changePasswordHash(db, user.id, await hashPassword(newPassword));
    await signOut({ redirect: false });
    redirect("/sign-in?changed=1");
  },
  // Nothing typed into a password field is sent back to the browser.
  { keepValues: false },
);

export const setTimeZoneAction = validatedActionWithUser<typeof timeZoneSchema, "timeZone">(
  timeZoneSchema,
  async ({ timeZone }, user) => {
    setTimeZone(getDb(), user.id, timeZone);
    revalidatePath("/", "layout");
    return { message: `Times are now shown in ${timeZone}.`, values: { timeZone } };
  },
);
