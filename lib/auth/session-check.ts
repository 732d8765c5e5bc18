import "server-only";
import type { Db } from "@/db/open";
import { checkSession } from "@/lib/data/sessions";
import type { SessionUser } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";

export type SignedInUser = SessionUser & { sessionId: string };

/** What a session cookie carries about its session (set at sign-in, in lib/auth/auth.ts). */
export type SessionClaims = { uid?: unknown; sv?: unknown; sid?: unknown };

/**
 * The user a cookie's claims stand for, or null when its session is gone
 * (signed out, ended from another device, revoked) or over its time limits.
 * Both the jwt callback and requireUser() ask this, so a refused cookie gets
 * nothing from pages, actions or /api/auth/session alike.
 */
export function validateSession(db: Db, claims: SessionClaims, { now, address }: { now: Date; address: string | null }): SignedInUser | null {
  const { uid, sv, sid } = claims;
  // A cookie from before session records has no sid: it is refused, once, and its owner signs in again.
  if (typeof uid !== "string" || typeof sv !== "number" || typeof sid !== "string") return null;
  const result = checkSession(db, { userId: uid, sessionId: sid, sessionVersion: sv, now });
  if (result.ok) return { ...result.user, sessionId: sid };
  if (result.reason === "idle" || result.reason === "absolute") securityLog("session-ended", { userId: uid, address, reason: result.reason });
  return null;
}
