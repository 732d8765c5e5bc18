import "server-only";
import type { Db } from "@/db/open";
import { checkSession } from "@/lib/data/sessions";
import type { SessionUser } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { securityLogPerAddress } from "@/lib/security-log-rate";

export type SignedInUser = SessionUser & { sessionId: string };

/** What a session cookie carries about its session (set at sign-in, in lib/auth/auth.ts). */
export type SessionClaims = { uid?: unknown; sv?: unknown; sid?: unknown };

/**
 * The user a cookie's claims stand for, or null when its session is gone
 * (signed out, ended from another device, revoked) or over its time limits.
 * Both the jwt callback and requireUser() ask this, so a refused cookie gets
 * nothing from pages, actions or /api/auth/session alike.
 *
 * Each refusal is a security line: the first request after a session runs
 * out logs `session-ended` (the record is deleted then); any later replay of
 * that cookie, or of one signed out or revoked, logs `session-refused` with
 * the reason (per address, rate-limited: anyone can replay a cookie at will).
 */
export async function validateSession(
  db: Db,
  claims: SessionClaims,
  { now, address }: { now: Date; address: string | null },
): Promise<SignedInUser | null> {
  const { uid, sv, sid } = claims;
  // A cookie from before session records has no sid: it is refused, and its owner signs in again.
  if (typeof uid !== "string" || typeof sv !== "number" || typeof sid !== "string") {
    securityLogPerAddress("session-refused", { userId: typeof uid === "string" ? uid : null, address, reason: "no-session-record" }, { level: "warn", now: now.getTime() });
    return null;
  }
  const result = await checkSession(db, { userId: uid, sessionId: sid, sessionVersion: sv, now });
  if (result.ok) return { ...result.user, sessionId: sid };
  if (result.reason === "idle" || result.reason === "absolute") {
    securityLog("session-ended", { userId: uid, address, reason: result.reason });
  } else {
    // "missing": signed out, ended from another device, or expired and cleared; "revoked": a password change or sign-out everywhere.
    const reason = result.reason === "missing" ? "no-such-session" : "revoked";
    securityLogPerAddress("session-refused", { userId: uid, address, reason }, { level: "warn", now: now.getTime() });
  }
  return null;
}

/** A session cookie that is there but does not decrypt: at info, since a stale or garbled cookie is common and harmless. */
export function logUnreadableCookie(address: string | null, now: Date): void {
  securityLogPerAddress("session-refused", { address, reason: "unreadable-cookie" }, { level: "info", now: now.getTime() });
}
