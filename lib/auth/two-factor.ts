import "server-only";
import type { Db } from "@/db/open";
import { codeKeys, signInKeys } from "@/lib/data/sign-in-throttle";
import {
  deleteTwoFactor,
  enableTwoFactor,
  getTwoFactor,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  savePendingTwoFactor,
  unusedRecoveryCodes,
  useRecoveryCode,
  useTimeStep,
} from "@/lib/data/two-factor";
import { passwordHashOf } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { guardedAttempt, guardedPasswordCheck, type Throttled } from "./credentials";
import { verifyPassword } from "./password";
import { seal, unseal } from "./secret-box";
import { findRecoveryCode, hashRecoveryCode, isLegacyRecoveryHash } from "./recovery-codes";
import { asTotpCode, matchingTimeStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from "./totp";

const hashRecoveryCodes = (codes: string[]) => Promise.all(codes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c)!)));

type Who = { userId: string; address: string | null; now: Date };

const WRONG = { ok: false, reason: "wrong" } as const;

export type CodeCheck = { ok: true; method: "totp" | "recovery" } | { ok: false; reason: "wrong" | "reused" } | Throttled;

// The secret is sealed with the user's id as context: it cannot be copied onto another account's row.
const sealSecret = (userId: string, secret: string) => seal("totp-secret", secret, userId);
const openSecret = (userId: string, sealed: string) => unseal("totp-secret", sealed, userId);

/**
 * Checks a code typed at sign-in or in Settings: six digits are an
 * authenticator code (each time step accepted once), anything else is tried
 * as a recovery code (each accepted once). Throttled like passwords.
 */
export async function checkSecondFactor(db: Db, { userId, address, now, code }: Who & { code: string }): Promise<CodeCheck> {
  const result = await guardedAttempt<CodeCheck>(db, codeKeys(userId, address), now, async () => {
    const row = await getTwoFactor(db, { userId });
    if (!row?.enabledAt) return WRONG;
    const totpCode = asTotpCode(code);
    if (totpCode) {
      const secret = openSecret(userId, row.secretSealed);
      const step = secret ? matchingTimeStep(secret, totpCode, now) : null;
      if (step === null) return WRONG;
      return (await useTimeStep(db, { userId, step })) ? { ok: true, method: "totp" } : { ok: false, reason: "reused" };
    }
    const recovery = normaliseRecoveryCode(code);
    const stored = recovery ? await findRecoveryCode(recovery, await unusedRecoveryCodes(db, { userId })) : null;
    if (!recovery || !stored) return WRONG;
    const rehashed = isLegacyRecoveryHash(stored) ? await hashRecoveryCode(recovery) : undefined;
    if (!(await useRecoveryCode(db, { userId, codeHash: stored, now, rehashed }))) return WRONG;
    securityLog("recovery-code-used", { userId, address, remaining: await recoveryCodesLeft(db, { userId }) });
    return { ok: true, method: "recovery" };
  });
  if (!result.ok && result.reason === "throttled") securityLog("throttled", { userId, address, attempt: "two-factor", reason: result.scope }, "warn");
  return result;
}

/** Starts (or starts over) a set-up: a new secret waits for its first code. False when two-factor is already on. */
export async function startTwoFactorSetup(db: Db, { userId, now }: { userId: string; now: Date }): Promise<boolean> {
  return savePendingTwoFactor(db, { userId, secretSealed: sealSecret(userId, newTotpSecret()), now });
}

/** The secret of a set-up waiting for its first code, to show as a QR code and as text. */
export async function pendingTwoFactorSecret(db: Db, { userId }: { userId: string }): Promise<string | null> {
  const row = await getTwoFactor(db, { userId });
  return row && !row.enabledAt ? openSecret(userId, row.secretSealed) : null;
}

export type TwoFactorStatus =
  | { kind: "on"; enabledAt: Date; recoveryCodesLeft: number }
  | { kind: "pending"; secret: string }
  | { kind: "off" };

/** What Settings shows: on (since when, codes left), a set-up waiting for its first code (its secret), or off. */
export async function twoFactorStatus(db: Db, { userId }: { userId: string }): Promise<TwoFactorStatus> {
  const row = await getTwoFactor(db, { userId });
  if (row?.enabledAt) return { kind: "on", enabledAt: row.enabledAt, recoveryCodesLeft: await recoveryCodesLeft(db, { userId }) };
  const secret = row ? openSecret(userId, row.secretSealed) : null;
  return secret ? { kind: "pending", secret } : { kind: "off" };
}

type Reauthentication = Who & { email: string; password: string };
type PasswordAgain = { ok: true } | { ok: false; reason: "wrong" | "throttled"; retryAfterMs: number };

/**
 * The password again, under the sign-in limits, before the way an account
 * signs in changes: a session left open (or a stolen cookie) is not enough
 * to turn two-factor on with someone else's authenticator, or off.
 */
async function passwordAgain(db: Db, { userId, email, address, now, password }: Reauthentication): Promise<PasswordAgain> {
  const stored = await passwordHashOf(db, { userId });
  const check = await guardedPasswordCheck(db, signInKeys(email, address), now, async () => Boolean(stored) && verifyPassword(password, stored ?? ""));
  return check.ok ? check : { ok: false, reason: check.retryAfterMs > 0 ? "throttled" : "wrong", retryAfterMs: check.retryAfterMs };
}

export type SetupResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; field: "password"; reason: "wrong" | "throttled"; retryAfterMs: number }
  | { ok: false; field: "code"; reason: "no-setup" | "wrong" }
  | (Throttled & { field: "code" });

/**
 * The password, then a first code that proves the app has the secret; only
 * then is two-factor on, with ten recovery codes to show once.
 */
export async function confirmTwoFactorSetup(db: Db, { code, ...who }: Reauthentication & { code: string }): Promise<SetupResult> {
  const { userId, address, now } = who;
  const again = await passwordAgain(db, who);
  if (!again.ok) {
    securityLog(again.reason === "throttled" ? "throttled" : "two-factor-change-refused", { userId, address, attempt: "two-factor-on", reason: `password-${again.reason}` }, "warn");
    return { ...again, field: "password" };
  }
  const result = await guardedAttempt(db, codeKeys(userId, address), now, async () => {
    const row = await getTwoFactor(db, { userId });
    if (!row || row.enabledAt) return { ok: false as const, reason: "no-setup" as const };
    const secret = openSecret(userId, row.secretSealed);
    const totpCode = asTotpCode(code);
    const step = secret && totpCode ? matchingTimeStep(secret, totpCode, now) : null;
    if (step === null) return WRONG;
    const recoveryCodes = newRecoveryCodes();
    const hashes = await hashRecoveryCodes(recoveryCodes);
    if (!(await enableTwoFactor(db, { userId, secretSealed: row.secretSealed, step, codeHashes: hashes, now }))) return { ok: false as const, reason: "no-setup" as const };
    return { ok: true as const, recoveryCodes };
  });
  if (result.ok) {
    securityLog("two-factor-enabled", { userId, address });
    return result;
  }
  const throttled = result.reason === "throttled";
  securityLog(throttled ? "throttled" : "two-factor-change-refused", { userId, address, attempt: "two-factor-on", reason: throttled ? result.scope : `code-${result.reason}` }, "warn");
  return { ...result, field: "code" };
}

export type TurnOffResult = { ok: true } | { ok: false; field: "password" | "code"; reason: "wrong" | "reused" | "throttled"; retryAfterMs?: number };

/** Off needs both the password and a code (or a recovery code), so a session left open is not enough. */
export async function turnOffTwoFactor(db: Db, { code, ...who }: Reauthentication & { code: string }): Promise<TurnOffResult> {
  const { userId, address, now } = who;
  const again = await passwordAgain(db, who);
  let result: TurnOffResult;
  if (!again.ok) {
    result = { ok: false, field: "password", reason: again.reason, retryAfterMs: again.retryAfterMs };
  } else {
    const codeCheck = await checkSecondFactor(db, { userId, address, now, code });
    result = codeCheck.ok
      ? { ok: true }
      : { ok: false, field: "code", reason: codeCheck.reason, retryAfterMs: codeCheck.reason === "throttled" ? codeCheck.retryAfterMs : 0 };
  }
  if (result.ok) {
    await deleteTwoFactor(db, { userId });
    securityLog("two-factor-disabled", { userId, address });
  } else if (!(result.field === "code" && result.reason === "throttled")) {
    // (A throttled code was logged as such by checkSecondFactor.)
    securityLog(result.reason === "throttled" ? "throttled" : "two-factor-change-refused", { userId, address, attempt: "two-factor-off", reason: `${result.field}-${result.reason}` }, "warn");
  }
  return result;
}

export type NewCodesResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: "wrong" | "reused" | "throttled"; retryAfterMs?: number };

/** A fresh set of ten recovery codes for a current code; the old set stops working. */
export async function renewRecoveryCodes(db: Db, { userId, address, now, code }: Who & { code: string }): Promise<NewCodesResult> {
  const check = await checkSecondFactor(db, { userId, address, now, code });
  if (!check.ok) {
    if (check.reason !== "throttled") securityLog("two-factor-change-refused", { userId, address, attempt: "recovery-codes", reason: check.reason }, "warn");
    return check.reason === "throttled" ? { ok: false, reason: "throttled", retryAfterMs: check.retryAfterMs } : { ok: false, reason: check.reason };
  }
  const recoveryCodes = newRecoveryCodes();
  if (!(await replaceRecoveryCodes(db, { userId, codeHashes: await hashRecoveryCodes(recoveryCodes) }))) {
    return { ok: false, reason: "wrong" };
  }
  securityLog("recovery-codes-replaced", { userId, address });
  return { ok: true, recoveryCodes };
}
