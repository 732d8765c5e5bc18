"use server";

import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth/auth";
import { requestContext } from "@/lib/auth/request-context";
import { finishSignUpFromLink } from "@/lib/auth/sign-up-link";
import { formValues, invalid, isFormData, refuseFileParts, UNREADABLE_FORM, type FormState } from "@/lib/forms/form-state";
import { saveOrExplain } from "@/lib/forms/storage-failure";
import { finishSignUpSchema } from "@/lib/validation/auth";

/** The emailed link's form: makes the account with the password chosen at sign-up, then signs in. Nothing typed is sent back. */
export async function finishSignUpAction(_prev: FormState<"password">, formData: FormData): Promise<FormState<"password">> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const files = refuseFileParts<"password">(formData);
  if (files) return files;
  const parsed = finishSignUpSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<"password">(parsed.error, {});
  const { token, password } = parsed.data;
  const { address } = await requestContext();
  return saveOrExplain<"password">("sign-up", {}, async () => {
    const finished = await finishSignUpFromLink(getDb(), { token, password, address, now: new Date() });
    if (!finished.ok) return finished.field === "link" ? { message: finished.message } : { fieldErrors: { password: [finished.message] } };
    try {
      await signIn("credentials", { email: finished.email, password, redirectTo: "/" });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      return { message: "Your account was created, but signing in failed. Please sign in." };
    }
    return {};
  });
}
