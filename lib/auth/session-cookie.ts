import { getToken } from "next-auth/jwt";
import { reachedOverHttps } from "@/lib/http/transport-security";
import { sessionCookieName } from "./session-cookie-names";
import type { SessionClaims } from "./session-check";

export type SessionCookie = { kind: "none" } | { kind: "unreadable" } | { kind: "read"; claims: SessionClaims };

/**
 * A request's session cookie: decrypted with the app's secret under the
 * cookie's own name (Auth.js's salt, so a token made for one name is refused
 * under the other), joined from its chunks if it came in several, and
 * checked for expiry. "unreadable" is a cookie that is there but does not
 * decrypt (forged, garbled, expired, or made with another secret): the
 * security log counts those.
 *
 * Pages read this instead of calling auth(), which runs Auth.js's whole
 * session endpoint for every page: decrypt, the jwt callback's database
 * check, then a fresh cookie encrypted that a page cannot set anyway, and
 * the session as JSON both ways. Whether the session still stands is the
 * caller's question (validateSession), asked once.
 */
export async function readSessionCookie(headers: Headers, secret: string): Promise<SessionCookie> {
  const cookie = headers.get("cookie");
  if (!cookie) return { kind: "none" };
  // Only the cookie is passed on: a page takes no Bearer header in its place.
  const req = { headers: new Headers({ cookie }) };
  const cookieName = sessionCookieName(reachedOverHttps(headers));
  const raw = await getToken({ req, secret, cookieName, raw: true });
  if (!raw) return { kind: "none" };
  const claims = await getToken({ req, secret, cookieName });
  return claims ? { kind: "read", claims } : { kind: "unreadable" };
}

/** The claims alone; null for no cookie or one that does not decrypt. */
export async function sessionClaimsFrom(headers: Headers, secret: string): Promise<SessionClaims | null> {
  const cookie = await readSessionCookie(headers, secret);
  return cookie.kind === "read" ? cookie.claims : null;
}
