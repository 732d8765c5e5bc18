import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { emailField, requiredText, timeZoneField } from "./fields";

const newPassword = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .min(PASSWORD_MIN_LENGTH, `${label} must be at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `${label} must be at most ${PASSWORD_MAX_LENGTH} characters.`);

export const signUpSchema = z.object({
  name: requiredText("Name", 100),
  email: emailField,
  password: newPassword("Password"),
  // Sent by the browser, not typed: without a usable one the account gets
  // its zone from the first device it signs in on.
  timeZone: timeZoneField.optional().catch(undefined),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  // Only bounded here: the stored hash decides whether it is right.
  password: z
    .string({ error: "Password is required." })
    .min(1, "Password is required.")
    .max(PASSWORD_MAX_LENGTH, "Email or password is incorrect."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Current password is required." })
      .min(1, "Current password is required.")
      .max(PASSWORD_MAX_LENGTH, "Current password is incorrect."),
    newPassword: newPassword("New password"),
    confirmPassword: z.string({ error: "Repeat the new password." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  });

export const timeZoneSchema = z.object({ timeZone: timeZoneField });

/** The code step of a two-factor sign-in: an authenticator code or a recovery code, checked on the server. */
export const signInCodeSchema = z.object({
  code: z.string({ error: "Enter the code from your authenticator app." }).trim().min(1, "Enter the code from your authenticator app.").max(100, "That code is not right."),
});

/** Making new recovery codes: a code only. */
export const twoFactorCodeSchema = signInCodeSchema;

/** Turning two-factor on or off: the password again, and a code. */
export const passwordAndCodeSchema = z.object({
  password: z.string({ error: "Your password is required." }).min(1, "Your password is required.").max(PASSWORD_MAX_LENGTH, "Your password is incorrect."),
  code: signInCodeSchema.shape.code,
});

/** "Forgot password?": the address the link goes to, if it has an account. */
export const forgotPasswordSchema = z.object({ email: emailField });

/** The reset link's form; the token comes from the link, in a hidden field. */
export const resetPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    newPassword: newPassword("New password"),
    confirmPassword: z.string({ error: "Repeat the new password." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." });

/** The emailed sign-up link's page: the token from the link, and the password chosen at sign-up. */
export const finishSignUpSchema = z.object({
  token: z.string().min(1).max(200),
  password: z
    .string({ error: "Enter the password you chose when you signed up." })
    .min(1, "Enter the password you chose when you signed up.")
    .max(PASSWORD_MAX_LENGTH, "That is not the password you chose when you signed up."),
});
