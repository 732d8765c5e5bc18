import { createHash, timingSafeEqual } from "node:crypto";
import { scryptHash, verifyScryptHash, type ScryptParams } from "./password";

/**
 * Recovery codes carry 80 random bits, under the 112 that ASVS 6.5.2 lets go
 * with a plain hash, so each is stored as scrypt with its own salt. Lighter
 * than a password's (16 MiB, some 40 ms here): a code is tried against
 * every unused one of the account, up to ten.
 */
export const RECOVERY_CODE_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

/** A recovery code (normalised) as it is stored now. */
export const hashRecoveryCode = (normalised: string): Promise<string> => scryptHash(normalised, RECOVERY_CODE_PARAMS);

/** Codes made before scrypt were stored as unsalted SHA-256 (base64url); they are rehashed when used. */
export const isLegacyRecoveryHash = (stored: string): boolean => !stored.startsWith("scrypt$");

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** Whether a typed code (normalised) is this stored one, in either format; compared in constant time either way. */
export async function recoveryCodeMatches(normalised: string, stored: string): Promise<boolean> {
  if (!isLegacyRecoveryHash(stored)) return verifyScryptHash(normalised, stored);
  const expected = Buffer.from(stored, "base64url");
  const actual = sha256(normalised);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The stored hash this code matches, or null. Every unused code is checked,
 * whether or not an earlier one matched, so the time taken says nothing
 * about which one it was.
 */
export async function findRecoveryCode(normalised: string, stored: string[]): Promise<string | null> {
  const matches = await Promise.all(stored.map((hash) => recoveryCodeMatches(normalised, hash)));
  const index = matches.indexOf(true);
  return index === -1 ? null : stored[index];
}
