"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { changePasswordHash, passwordHashOf } from "@/lib/data/users";
import { changePasswordSchema } from "@/lib/validation/auth";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

export const changePasswordAction = validatedActionWithUser<typeof changePasswordSchema, Field>(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, user) => {
    const db = getDb();
    const stored = passwordHashOf(db, user.id);
    if (!stored || !(await verifyPassword(currentPassword, stored))) {
      return { fieldErrors: { currentPassword: ["Current password is incorrect."] } };
    }
    changePasswordHash(db, user.id, await hashPassword(newPassword));
    await signOut({ redirect: false });
    redirect("/sign-in?changed=1");
  },
  // Nothing typed into a password field is sent back to the browser.
  { keepValues: false },
);
