import { sessionCookieName } from "./session-cookie-names";

/**
 * Auth.js's cookie settings for one request. Over HTTPS every cookie is
 * Secure and the session cookie is `__Host-` (Secure, Path=/, no Domain);
 * over plain HTTP (a laptop, a test run) neither prefix would be kept.
 */
export function sessionCookieOptions(secure: boolean) {
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
      },
    },
  };
}
