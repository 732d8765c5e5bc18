import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/config";

/**
 * OWASP's device cookie: after a successful sign-in, the browser is given a
 * cookie naming the account and a random id for this device, signed with a
 * key derived from AUTH_SECRET. Presented with that account's email later,
 * it marks the attempt as coming from a device the owner has used, which
 * the account-wide limit does not hold back (lib/data/sign-in-throttle.ts);
 * its own failures are counted under its own id. It proves nothing else and
 * signs no one in.
 */
export const DEVICE_COOKIE = "shortlist-device";
/** Over HTTPS: Secure, Path=/, no Domain, so a sibling subdomain cannot plant one. */
export const SECURE_DEVICE_COOKIE = `__Host-${DEVICE_COOKIE}`;
export const deviceCookieName = (secure: boolean) => (secure ? SECURE_DEVICE_COOKIE : DEVICE_COOKIE);

const VERSION = "d1";
const ID_BYTES = 16;

let cachedKey: { secret: string; key: Buffer } | undefined;
function signingKey(): Buffer {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "shortlist", "shortlist device-cookie v1", 32)) };
  return cachedKey.key;
}

const sign = (payload: string) => createHmac("sha256", signingKey()).update(payload).digest("base64url");

/** A new device cookie's value for this account, with a fresh device id. */
export function issueDeviceToken(userId: string, deviceId = randomBytes(ID_BYTES).toString("base64url")): string {
  const payload = `${VERSION}.${Buffer.from(userId).toString("base64url")}.${deviceId}`;
  return `${payload}.${sign(payload)}`;
}

/** The account and device a cookie names, if its signature holds; null for anything else. */
export function readDeviceToken(token: string | null | undefined): { userId: string; deviceId: string } | null {
  if (!token || token.length > 300) return null;
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const payload = parts.slice(0, 3).join(".");
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId: Buffer.from(parts[1], "base64url").toString(), deviceId: parts[2] };
}

/** The device id, when the cookie is genuine and names this account; null otherwise (a stranger, or another account's device). */
export function trustedDeviceId(token: string | null | undefined, userId: string): string | null {
  const device = readDeviceToken(token);
  return device && device.userId === userId ? device.deviceId : null;
}

/** The device cookie's value in a Cookie header, under the name this scheme uses. */
export function deviceTokenFrom(cookieHeader: string | null, secure: boolean): string | null {
  const name = deviceCookieName(secure);
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, ...rest] = part.trim().split("=");
    if (k === name) return rest.join("=");
  }
  return null;
}
