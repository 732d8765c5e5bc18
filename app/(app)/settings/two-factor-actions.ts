"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { requestContext } from "@/lib/auth/request-context";
import { tryAgainIn } from "@/lib/auth/try-again";
import { confirmTwoFactorSetup, renewRecoveryCodes, startTwoFactorSetup, turnOffTwoFactor } from "@/lib/auth/two-factor";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { cancelPendingTwoFactor } from "@/lib/data/two-factor";
import { invalid, formValues, type FormState } from "@/lib/forms/form-state";
import { passwordAndCodeSchema, twoFactorCodeSchema } from "@/lib/validation/auth";

/** A form state that can also carry recovery codes, shown once and never stored in the clear. */
export type CodesState = FormState<"password" | "code"> & { recoveryCodes?: string[] };

const WRONG_CODE = "That code is not right. Enter the 6-digit code your app shows now.";
const REUSED_CODE = "That code has already been used. Wait for your app to show the next one.";
const WRONG_PASSWORD = "Your password is incorrect.";

export async function startTwoFactorSetupAction(): Promise<void> {
  const user = await requireUser();
  await startTwoFactorSetup(getDb(), { userId: user.id, now: new Date() });
  revalidatePath("/settings");
}

export async function cancelTwoFactorSetupAction(): Promise<void> {
  const user = await requireUser();
  await cancelPendingTwoFactor(getDb(), { userId: user.id });
  revalidatePath("/settings");
}

const tooMany = (field: "password" | "code", retryAfterMs: number): CodesState => ({
  fieldErrors: { [field]: [`Too many ${field === "code" ? "codes tried" : "attempts"}. ${tryAgainIn(retryAfterMs)}`] },
});

/**
 * The password and a first code turn two-factor on. The page is not
 * revalidated here: the recovery codes in this state are shown until the
 * user says they have them.
 */
export async function confirmTwoFactorAction(_state: CodesState, formData: FormData): Promise<CodesState> {
  const user = await requireUser();
  const parsed = passwordAndCodeSchema.safeParse(formValues(formData));
  // Nothing typed into the password field is sent back.
  if (!parsed.success) return invalid<"password" | "code">(parsed.error, {});
  const result = await confirmTwoFactorSetup(getDb(), {
    userId: user.id,
    email: user.email,
    address: (await requestContext()).address,
    now: new Date(),
    ...parsed.data,
  });
  if (result.ok) return { recoveryCodes: result.recoveryCodes };
  if (result.reason === "throttled") return tooMany(result.field, result.retryAfterMs);
  if (result.reason === "no-setup") return { message: "This set-up is no longer waiting for a code. Reload the page and start again." };
  return { fieldErrors: { [result.field]: [result.field === "password" ? WRONG_PASSWORD : WRONG_CODE] } };
}

/** Ten new recovery codes for a current code; the old ones stop working. */
export async function renewRecoveryCodesAction(_state: CodesState, formData: FormData): Promise<CodesState> {
  const user = await requireUser();
  const parsed = twoFactorCodeSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid<"code">(parsed.error, {});
  const result = await renewRecoveryCodes(getDb(), { userId: user.id, address: (await requestContext()).address, now: new Date(), code: parsed.data.code });
  if (result.ok) return { recoveryCodes: result.recoveryCodes };
  if (result.reason === "throttled") return tooMany("code", result.retryAfterMs ?? 0);
  return { fieldErrors: { code: [result.reason === "reused" ? REUSED_CODE : WRONG_CODE] } };
}

export const turnOffTwoFactorAction = validatedActionWithUser<typeof passwordAndCodeSchema, "password" | "code">(
  passwordAndCodeSchema,
  async ({ password, code }, user) => {
    const result = await turnOffTwoFactor(getDb(), {
      userId: user.id,
      email: user.email,
      address: (await requestContext()).address,
      now: new Date(),
      password,
      code,
    });
    // The form goes with the setting, so the page says it is off (and is read again: the redirect revalidates).
    if (result.ok) redirect("/settings?two-factor=off#two-factor-heading");
    const message =
      result.reason === "throttled"
        ? `Too many attempts. ${tryAgainIn(result.retryAfterMs ?? 0)}`
        : result.field === "password"
          ? WRONG_PASSWORD
          : result.reason === "reused"
            ? REUSED_CODE
            : "That code is not right. Enter a code from your app, or one of your recovery codes.";
    return { fieldErrors: { [result.field]: [message] } };
  },
  { keepValues: false },
);
