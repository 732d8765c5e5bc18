import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/config";

/**
 * Small secrets kept at rest or handed to the browser (a TOTP secret, a
 * pending two-factor sign-in) are sealed with AES-256-GCM under a key
 * derived from the auth secret, one key per purpose. Whoever reads the
 * database alone cannot use them; the context (such as the user id) is
 * authenticated too, so a sealed value cannot be moved to another row.
 */
export type SealPurpose = "totp-secret" | "sign-in-challenge" | "reminder-channel" | "account-email";

const VERSION = "v1";
const keys = new Map<string, Buffer>();

function keyFor(purpose: SealPurpose): Buffer {
  const secret = authSecret();
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "shortlist", `shortlist ${purpose} ${VERSION}`, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

export function seal(purpose: SealPurpose, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url")].join(".");
}

/** The plaintext, or null for anything tampered with, sealed under another key or context, or malformed. */
export function unseal(purpose: SealPurpose, sealed: string, context: string): string | null {
  const [version, ivText, bodyText, extra] = sealed.split(".");
  if (version !== VERSION || !ivText || !bodyText || extra !== undefined) return null;
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== 12 || body.length < 17) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
