"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { requestContext } from "@/lib/auth/request-context";
import { requestOrigin } from "@/lib/calendar/feed-url";
import { formValues, invalid, isFormData, refuseFileParts, UNREADABLE_FORM, type FormState } from "@/lib/forms/form-state";
import { saveOrExplain } from "@/lib/forms/storage-failure";
import { smtpConfigured } from "@/lib/reminders/email";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/auth";

const SENT = "If that address has an account, a link to choose a new password is on its way. It works once, for 30 minutes.";

export async function forgotPasswordAction(_prev: FormState<"email">, formData: FormData): Promise<FormState<"email">> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const files = refuseFileParts<"email">(formData);
  if (files) return files;
  const values = formValues(formData);
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return invalid<"email">(parsed.error, values);
  if (!smtpConfigured()) return { message: "Password resets by email are not set up on this server. Ask whoever runs it." };
  const { address } = await requestContext();
  const origin = await requestOrigin();
  return saveOrExplain("password reset request", values, async () => {
    const result = await requestPasswordReset(getDb(), { email: parsed.data.email, address, origin, now: new Date() });
    return result.ok ? { message: SENT } : { message: result.message, values };
  });
}

type ResetField = "newPassword" | "confirmPassword";

export async function resetPasswordAction(_prev: FormState<ResetField>, formData: FormData): Promise<FormState<ResetField>> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const files = refuseFileParts<ResetField>(formData);
  if (files) return files;
  // Nothing typed into a password field is sent back.
  const parsed = resetPasswordSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<ResetField>(parsed.error, {});
  const { address } = await requestContext();
  const result = await saveOrExplain<ResetField>("password reset", {}, async () => {
    const reset = await resetPassword(getDb(), { token: parsed.data.token, newPassword: parsed.data.newPassword, address, now: new Date() });
    if (reset.ok) return { message: "done" };
    return reset.field === "link" ? { message: reset.message } : { fieldErrors: { newPassword: [reset.message] } };
  });
  if (result.message === "done") redirect("/sign-in?reset=1");
  return result;
}
