import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { SECOND_MS } from "@/lib/time/units";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** A code from the step before or after is accepted too, for clocks a little apart. */
const WINDOW = 1;
const ISSUER = "Shortlist";

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no i, l, o or u to misread. 16 characters carry 80 random bits.
const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_LENGTH = 16;

function totp(secret: string, email = "") {
  return new TOTP({ issuer: ISSUER, label: email, algorithm: "SHA1", digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI a QR code carries to the authenticator app. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** "JBSW Y3DP ..." : the secret in groups of four, for typing it in by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / SECOND_MS / PERIOD_SECONDS);
}

/** A code as typed ("123 456"), reduced to its digits when it looks like an authenticator code. */
export function asTotpCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${DIGITS}}$`).test(digits) ? digits : null;
}

/** The time step the code belongs to, or null when it matches none near `now`. */
export function matchingTimeStep(secret: string, code: string, now: Date): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : timeStepAt(now) + delta;
}

/** The code for a given moment: for the bench and the tests, which must compute what the app expects. */
export function totpCodeAt(secret: string, when: Date): string {
  return totp(secret).generate({ timestamp: when.getTime() });
}

/** Ten codes such as "7kqm-x2fp-9hd3-tw4c", each usable once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(RECOVERY_LENGTH)].map((byte) => RECOVERY_ALPHABET[byte % 32]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/** Any case, with or without dashes or spaces, and o/i/l read as 0/1. */
export function normaliseRecoveryCode(typed: string): string | null {
  const plain = typed.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  return plain.length === RECOVERY_LENGTH && [...plain].every((c) => RECOVERY_ALPHABET.includes(c)) ? plain : null;
}
