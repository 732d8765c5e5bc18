import "server-only";
import { z } from "zod";
import type { Db } from "@/db/open";
import { createSession } from "@/lib/data/sessions";
import { twoFactorEnabled } from "@/lib/data/two-factor";
import { getSessionUser } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { checkCredentials } from "./credentials";
import { TWO_FACTOR_CHALLENGE_MS } from "./limits";
import { seal, unseal } from "./secret-box";
import { checkSecondFactor } from "./two-factor";

/** deviceToken: the browser's device cookie, if it sent one (lib/auth/device-cookie.ts). */
export type SignInContext = { address: string | null; userAgent: string | null; now: Date; deviceToken?: string | null };

export type SignInOutcome =
  | { kind: "signed-in"; userId: string; sessionVersion: number; sessionId: string }
  /** The password was right and the account has two-factor on: no session yet, only this sealed note. */
  | { kind: "two-factor-required"; challenge: string }
  | { kind: "refused"; reason: "invalid" | "throttled" | "wrong-code" | "reused-code" | "challenge-expired" };

const challengeSchema = z.object({ uid: z.string(), sv: z.number(), exp: z.number() });
const secondStepSchema = z.object({ challenge: z.string().min(1).max(2000), code: z.string().max(100) });

/**
 * The note that the password step passed, handed to the browser (in an
 * HttpOnly cookie) for the code step. Sealed, so it cannot be forged or
 * read; it names the session version, so a password change voids it.
 */
export function issueChallenge(user: { userId: string; sessionVersion: number }, now: Date): string {
  return seal("sign-in-challenge", JSON.stringify({ uid: user.userId, sv: user.sessionVersion, exp: now.getTime() + TWO_FACTOR_CHALLENGE_MS }), "");
}

/** The user a challenge stands for, while it is unexpired, unforged and the user's sessions have not been revoked since. */
export async function openChallenge(db: Db, challenge: string, now: Date): Promise<{ userId: string; sessionVersion: number } | null> {
  const text = unseal("sign-in-challenge", challenge, "");
  const parsed = text ? challengeSchema.safeParse(JSON.parse(text)) : null;
  if (!parsed?.success || parsed.data.exp <= now.getTime()) return null;
  const user = await getSessionUser(db, { userId: parsed.data.uid });
  return user && user.sessionVersion === parsed.data.sv ? { userId: user.id, sessionVersion: user.sessionVersion } : null;
}

async function startSession(db: Db, user: { userId: string; sessionVersion: number }, context: SignInContext, twoFactor: boolean): Promise<SignInOutcome> {
  const sessionId = await createSession(db, { userId: user.userId, userAgent: context.userAgent, address: context.address, now: context.now });
  securityLog("sign-in-succeeded", { userId: user.userId, address: context.address, twoFactor });
  return { kind: "signed-in", ...user, sessionId };
}

/**
 * Decides one sign-in step, whoever posts it (the sign-in form's action or
 * a direct POST to the credentials endpoint): a session is created only
 * here, and for an account with two-factor on only after a right code.
 */
export async function signInAttempt(db: Db, raw: unknown, context: SignInContext): Promise<SignInOutcome> {
  const secondStep = secondStepSchema.safeParse(raw);
  if (secondStep.success) return codeStep(db, secondStep.data, context);

  const { address, now } = context;
  const check = await checkCredentials(db, raw, { address, now, deviceToken: context.deviceToken });
  if (!check.ok) {
    if (check.reason === "throttled") {
      securityLog("throttled", { userId: check.userId, address, attempt: "sign-in", reason: check.scope }, "warn");
    } else {
      securityLog("sign-in-failed", { userId: check.userId, address, reason: check.userId ? "wrong-password" : "unknown-account-or-malformed" }, "warn");
    }
    return { kind: "refused", reason: check.reason };
  }
  if (await twoFactorEnabled(db, { userId: check.userId })) {
    return { kind: "two-factor-required", challenge: issueChallenge(check, now) };
  }
  return startSession(db, check, context, false);
}

async function codeStep(db: Db, { challenge, code }: z.infer<typeof secondStepSchema>, context: SignInContext): Promise<SignInOutcome> {
  const { address, now } = context;
  const user = await openChallenge(db, challenge, now);
  if (!user) {
    securityLog("sign-in-failed", { address, reason: "challenge-expired-or-invalid" }, "warn");
    return { kind: "refused", reason: "challenge-expired" };
  }
  const check = await checkSecondFactor(db, { userId: user.userId, address, now, code });
  if (check.ok) return startSession(db, user, context, true);
  if (check.reason !== "throttled") securityLog("sign-in-failed", { userId: user.userId, address, reason: `${check.reason}-code` }, "warn");
  return { kind: "refused", reason: check.reason === "throttled" ? "throttled" : check.reason === "reused" ? "reused-code" : "wrong-code" };
}
