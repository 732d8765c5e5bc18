import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { emailField, requiredText } from "./fields";

/**
 * Settings → Account: name and email. The current password is needed only
 * when the email changes (the action decides, knowing the email on file).
 */
export const accountDetailsSchema = z.object({
  name: requiredText("Name", 100),
  email: emailField,
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH, "That password is incorrect.").optional(),
});
export type AccountDetailsField = keyof z.infer<typeof accountDetailsSchema>;

export const EMAIL_NEEDS_PASSWORD = "Enter your current password to change your email.";
export const EMAIL_TAKEN = "Another account already uses that email.";
