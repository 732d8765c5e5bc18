import { getToken } from "next-auth/jwt";
import { reachedOverHttps } from "@/lib/http/transport-security";
import type { SessionClaims } from "./session-check";

/**
 * The claims in a request's session cookie: decrypted with the app's secret
 * under the cookie's own name (Auth.js's salt, so a token made for one name
 * is refused under the other), joined from its chunks if it came in several,
 * and checked for expiry. Null for no cookie, or one that does not decrypt.
 *
 * Pages read this instead of calling auth(), which runs Auth.js's whole
 * session endpoint for every page: decrypt, the jwt callback's database
 * check, then a fresh cookie encrypted that a page cannot set anyway, and
 * the session as JSON both ways. Whether the session still stands is the
 * caller's question (validateSession), asked once.
 */
export async function sessionClaimsFrom(headers: Headers, secret: string): Promise<SessionClaims | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  // Only the cookie is passed on: a page takes no Bearer header in its place.
  return getToken({ req: { headers: new Headers({ cookie }) }, secret, secureCookie: reachedOverHttps(headers) });
}
