import "server-only";
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/config";

/** What every token starts with: a secret scanner can recognise one pasted where it should not be. */
export const TOKEN_PREFIX = "shl_";
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^shl_[A-Za-z0-9_-]{43}$/;

const keys = new Map<string, Buffer>();

/** One key per auth secret, derived for this purpose only. */
function hashKey(): Buffer {
  const secret = authSecret();
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "shortlist", "shortlist access-token v1", 32));
    keys.set(secret, key);
  }
  return key;
}

/** A new token: shown to its owner once, never stored. */
export function newAccessToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString("base64url");
}

export const looksLikeAccessToken = (text: string) => TOKEN_PATTERN.test(text);

/**
 * What is stored and looked up: an HMAC, not a plain hash, so a copy of the
 * database without the auth secret cannot even check a guessed token. The
 * token carries 256 random bits, so no slow hash is needed.
 */
export function accessTokenHash(token: string): string {
  return createHmac("sha256", hashKey()).update(token).digest("base64url");
}
