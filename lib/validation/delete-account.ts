import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

export const deleteAccountSchema = z.object({
  password: z
    .string({ error: "Enter your password to delete your account." })
    .min(1, "Enter your password to delete your account.")
    .max(PASSWORD_MAX_LENGTH, "That password is incorrect."),
});
