"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth/auth";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { hashPassword } from "@/lib/auth/password";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { tryAgainIn } from "@/lib/auth/try-again";
import { retryAfterMs, throttleKeys } from "@/lib/data/sign-in-throttle";
import { signInStorageMessage, storageErrorIn } from "@/lib/data/storage-error";
import { createUser } from "@/lib/data/users";
import { formValues, invalid, isFormData, UNREADABLE_FORM, type FormState } from "@/lib/forms/form-state";
import { saveOrExplain } from "@/lib/forms/storage-failure";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";

type SignInField = "email" | "password";
type SignUpField = "name" | "email" | "password";

// Passwords are never echoed back into the form state.
const withoutPassword = (formData: FormData) => formValues(formData, ["password"]);

async function tooManyAttemptsMessage(email: string): Promise<string | null> {
  const keys = throttleKeys(email, clientAddressFrom(await headers()));
  const wait = retryAfterMs(getDb(), keys, new Date());
  if (wait === 0) return null;
  return `Too many sign-in attempts. ${tryAgainIn(wait)}`;
}

export async function signInAction(_prev: FormState<SignInField>, formData: FormData): Promise<FormState<SignInField>> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const values = withoutPassword(formData);
  const parsed = signInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<SignInField>(parsed.error, values);
  const { email, password } = parsed.data;

  const throttled = await tooManyAttemptsMessage(email);
  if (throttled) return { message: throttled, values };

  try {
    await signIn("credentials", { email, password, redirectTo: safeNextPath(values.next) });
  } catch (error) {
    // Success is a thrown redirect: only auth failures are handled here.
    if (!(error instanceof AuthError)) throw error;
    // Wrong password or throttled: the throttle's state says which.
    if (error instanceof CredentialsSignin) {
      return { message: (await tooManyAttemptsMessage(email)) ?? "Email or password is incorrect.", values };
    }
    // Counting the attempt is a write: a full disk or a long-held lock refuses the sign-in (logged by auth's logger).
    const storage = storageErrorIn(error);
    if (storage) return { message: signInStorageMessage(storage.kind), values };
    console.error(error);
    return { message: "Sign-in failed on our side. Please try again.", values };
  }
  return {};
}

export async function signUpAction(_prev: FormState<SignUpField>, formData: FormData): Promise<FormState<SignUpField>> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const values = withoutPassword(formData);
  const parsed = signUpSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<SignUpField>(parsed.error, values);
  const { name, email, password, timeZone } = parsed.data;

  const passwordHash = await hashPassword(password);
  return saveOrExplain<SignUpField>("sign-up", values, async () => {
    const user = createUser(getDb(), { name, email, timeZone, passwordHash });
    if (!user) {
      return {
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
        values,
      };
    }
    try {
      await signIn("credentials", { email, password, redirectTo: "/" });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // A storage failure was logged by auth's logger already.
      if (!storageErrorIn(error)) console.error(error);
      return { message: "Your account was created, but signing in failed. Please sign in.", values };
    }
    return {};
  });
}
