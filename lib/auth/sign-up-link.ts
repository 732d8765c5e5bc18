import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/open";
import { beginSignUp, finishSignUp, signUpRequestOf } from "@/lib/data/sign-up-requests";
import { signInKeys } from "@/lib/data/sign-in-throttle";
import { securityLog } from "@/lib/security-log";
import { MINUTE_MS } from "@/lib/time/units";
import type { SignUpInput } from "@/lib/validation/auth";
import { guardedPasswordCheck } from "./credentials";
import type { SendAccountEmail } from "./mailer";
import { verifyPassword } from "./password";
import { tryAgainIn } from "./try-again";

// Sign-up when the server sends email: every sign-up is answered "check
// your email", whether or not the address has an account, so the form
// cannot be used to learn who has one. A new address gets a link that
// finishes the account; one with an account gets a note to its owner.

/** How long a sign-up link works. */
export const SIGN_UP_LINK_MS = 30 * MINUTE_MS;

export const signUpTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export type SignUpMail = { send: SendAccountEmail; origin: string };

const finishText = (link: string) =>
  `Someone, probably you, asked to create a Shortlist account with this address.\n\nTo finish, open this link within 30 minutes and enter the password you chose:\n${link}\n\nThe link works once. If you did not ask, ignore this email: no account is made.\n`;

const ownerText = (origin: string) =>
  `Someone, perhaps you, tried to create a new Shortlist account with this address, which already has one. Nothing was changed.\n\nSign in: ${origin}/sign-in\nForgot your password? Choose a new one: ${origin}/sign-in/forgot\n\nIf it was not you, there is nothing to do: nobody can make a second account with your address.\n`;

/**
 * The second half of a sign-up's equal work (the caller has screened and
 * hashed the password already): one write, then one email that is not
 * awaited, so a taken address answers as fast as a new one. A failed send
 * is logged.
 */
export async function emailSignUp(
  db: Db,
  { input, passwordHash, address, now, mail }: { input: SignUpInput; passwordHash: string; address: string | null; now: Date; mail: SignUpMail },
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const request = { email: input.email, name: input.name, passwordHash, timeZone: input.timeZone ?? null };
  const { owner } = await beginSignUp(db, { request, tokenHash: signUpTokenHash(token), expiresAt: new Date(now.getTime() + SIGN_UP_LINK_MS), now });
  const email = owner
    ? { to: owner.email, subject: "Someone tried to sign up with your address", text: ownerText(mail.origin) }
    : { to: input.email, subject: "Finish creating your Shortlist account", text: finishText(`${mail.origin}/sign-up/finish/${token}`) };
  securityLog("sign-up-requested", { userId: owner?.id ?? null, address, reason: owner ? "address-has-an-account" : "new-address" });
  void mail.send(email).catch((error: unknown) => console.error("sign-up email not sent:", error));
}

export type FinishResult = { ok: true; email: string } | { ok: false; field: "link" | "password"; message: string };

const SPENT = "This link has expired or has been used. Sign up again to get a new one.";

/**
 * Finishes a sign-up from its emailed link, with the password chosen at
 * sign-up: the link alone is not enough, so an account someone else
 * started with your address (and their password) cannot become yours to
 * use and theirs to read. The password check is throttled like a sign-in.
 */
export async function finishSignUpFromLink(
  db: Db,
  { token, password, address, now }: { token: string; password: string; address: string | null; now: Date },
): Promise<FinishResult> {
  const tokenHash = signUpTokenHash(token);
  const request = await signUpRequestOf(db, { tokenHash, now });
  if (!request) {
    securityLog("sign-up-refused", { address, reason: "link" }, "warn");
    return { ok: false, field: "link", message: SPENT };
  }
  const keys = signInKeys(request.email, address).filter((k) => k.scope !== "account");
  const check = await guardedPasswordCheck(db, keys, now, () => verifyPassword(password, request.passwordHash));
  if (!check.ok) {
    securityLog("sign-up-refused", { address, reason: check.retryAfterMs ? "throttled" : "wrong-password" }, "warn");
    const message = check.retryAfterMs ? `Too many tries. ${tryAgainIn(check.retryAfterMs)}` : "That is not the password you chose when you signed up.";
    return { ok: false, field: "password", message };
  }
  const finished = await finishSignUp(db, { tokenHash, now });
  if (!finished.ok) {
    securityLog("sign-up-refused", { address, reason: finished.reason }, "warn");
    return { ok: false, field: "link", message: finished.reason === "taken" ? "This address has an account already: sign in instead." : SPENT };
  }
  securityLog("account-created", { userId: finished.userId, address });
  return { ok: true, email: request.email };
}
