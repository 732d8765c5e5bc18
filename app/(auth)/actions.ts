"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signIn, TwoFactorRequired } from "@/lib/auth/auth";
import { clearChallengeCookie, readChallengeCookie, setChallengeCookie } from "@/lib/auth/challenge-cookie";
import { requestContext } from "@/lib/auth/request-context";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { openChallenge } from "@/lib/auth/sign-in";
import { accountMailer } from "@/lib/auth/mailer";
import { registerAccount, signUpOpen } from "@/lib/auth/sign-up";
import { requestOrigin } from "@/lib/calendar/feed-url";
import { tryAgainIn } from "@/lib/auth/try-again";
import { codeKeys, retryAfterMs } from "@/lib/data/sign-in-throttle";
import { signInKeysFor } from "@/lib/auth/credentials";
import { deviceTokenFrom } from "@/lib/auth/device-cookie";
import { reachedOverHttps } from "@/lib/http/transport-security";
import { signInStorageMessage, storageErrorIn } from "@/db/storage-error";
import { formValues, invalid, isFormData, refuseFileParts, UNREADABLE_FORM, type FormState } from "@/lib/forms/form-state";
import { saveOrExplain } from "@/lib/forms/storage-failure";
import { signInSchema, signInCodeSchema, signUpSchema } from "@/lib/validation/auth";

type SignInField = "email" | "password";
type SignUpField = "name" | "email" | "password";

// Passwords are never echoed back into the form state.
const withoutPassword = (formData: FormData) => formValues(formData, ["password"]);

async function tooManyAttemptsMessage(email: string): Promise<string | null> {
  const h = await headers();
  const deviceToken = deviceTokenFrom(h.get("cookie"), reachedOverHttps(h));
  const db = getDb();
  const keys = await signInKeysFor(db, { email, address: (await requestContext()).address, deviceToken });
  const wait = await retryAfterMs(db, { keys, now: new Date() });
  return wait === 0 ? null : `Too many sign-in attempts. ${tryAgainIn(wait)}`;
}

export async function signInAction(_prev: FormState<SignInField>, formData: FormData): Promise<FormState<SignInField>> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const files = refuseFileParts(formData);
  if (files) return files;
  const values = withoutPassword(formData);
  const parsed = signInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<SignInField>(parsed.error, values);
  const { email, password } = parsed.data;
  const next = safeNextPath(values.next);

  const throttled = await tooManyAttemptsMessage(email);
  if (throttled) return { message: throttled, values };

  let challenge: string;
  try {
    await signIn("credentials", { email, password, redirectTo: next });
    return {};
  } catch (error) {
    // Success is a thrown redirect: only auth failures are handled here.
    if (!(error instanceof AuthError)) throw error;
    if (!(error instanceof TwoFactorRequired)) {
      if (error instanceof CredentialsSignin) {
        return { message: (await tooManyAttemptsMessage(email)) ?? "Email or password is incorrect.", values };
      }
      // Counting the attempt is a write: a full disk or a long-held lock refuses the sign-in (logged by auth's logger).
      const storage = storageErrorIn(error);
      if (storage) return { message: signInStorageMessage(storage.kind), values };
      throw error;
    }
    challenge = error.challenge;
  }
  // The password was right; no session until the code is.
  await setChallengeCookie(challenge);
  redirect(next === "/" ? "/sign-in/code" : `/sign-in/code?next=${encodeURIComponent(next)}`);
}

const TIMED_OUT = "Your sign-in timed out before the code was entered. Sign in again with your email and password.";

const CODE_MESSAGES = {
  "wrong-code": "That code is not right. Check that your phone's clock is set automatically, or use a recovery code.",
  "reused-code": "That code has already been used. Wait for your app to show the next one.",
};

/** The second step of a two-factor sign-in: the challenge from the password step, and a code. */
export async function signInCodeAction(_prev: FormState<"code">, formData: FormData): Promise<FormState<"code">> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const files = refuseFileParts(formData);
  if (files) return files;
  const parsed = signInCodeSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<"code">(parsed.error, {});
  const challenge = await readChallengeCookie();
  if (!challenge) return { message: TIMED_OUT };
  const next = safeNextPath(formValues(formData).next);

  try {
    await signIn("credentials", { challenge, code: parsed.data.code, redirectTo: next });
    return {};
  } catch (error) {
    if (!(error instanceof AuthError)) {
      // Signed in (the redirect) or broken: either way this challenge is done with.
      await clearChallengeCookie();
      throw error;
    }
    if (!(error instanceof CredentialsSignin)) {
      // Marking the code used is a write: the challenge stays, so the user can try again.
      const storage = storageErrorIn(error);
      if (storage) return { message: signInStorageMessage(storage.kind) };
      throw error;
    }
    const reason = error.code;
    if (reason === "throttled") {
      const db = getDb();
      const user = await openChallenge(db, challenge, new Date());
      const wait = user ? await retryAfterMs(db, { keys: codeKeys(user.userId, (await requestContext()).address), now: new Date() }) : 0;
      return { fieldErrors: { code: [`Too many codes tried. ${tryAgainIn(wait)}`] } };
    }
    if (reason === "wrong-code" || reason === "reused-code") return { fieldErrors: { code: [CODE_MESSAGES[reason]] } };
    // Expired, or a challenge cookie the password step never made (too long
    // to be one, say): either way the only way on is to start again.
    await clearChallengeCookie();
    return { message: TIMED_OUT };
  }
}

export async function signUpAction(_prev: FormState<SignUpField>, formData: FormData): Promise<FormState<SignUpField>> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const files = refuseFileParts(formData);
  if (files) return files;
  const values = withoutPassword(formData);
  if (!signUpOpen()) return { message: "Sign-up is closed on this server.", values };
  const parsed = signUpSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<SignUpField>(parsed.error, values);

  const { address, host } = await requestContext();
  // With email, a sign-up is finished from the emailed link, and a taken address gets the same answer as a new one.
  const send = accountMailer();
  const mail = send ? { send, origin: await requestOrigin() } : null;
  const answer = await saveOrExplain<SignUpField>("sign-up", values, async () => {
    const result = await registerAccount(getDb(), { input: parsed.data, address, host, now: new Date(), mail });
    if (result.ok && "checkEmail" in result) return { message: CHECK_EMAIL };
    if (!result.ok) {
      if (result.reason === "closed") return { message: "Sign-up is closed on this server.", values };
      if (result.reason === "throttled") {
        return { message: `Too many accounts were made from your network lately. ${tryAgainIn(result.retryAfterMs)}`, values };
      }
      return { fieldErrors: { [result.field]: [result.message] }, values };
    }
    try {
      await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // A storage failure was logged by auth's logger already.
      return { message: "Your account was created, but signing in failed. Please sign in.", values };
    }
    return {};
  });
  // The same redirect for every address, with nothing of what was typed in it.
  if (answer.message === CHECK_EMAIL) redirect("/sign-up/check-email");
  return answer;
}

const CHECK_EMAIL = "check-email";
