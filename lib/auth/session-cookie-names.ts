/** Auth.js's session cookie, by its default name over plain HTTP. */
export const SESSION_COOKIE = "authjs.session-token";
/**
 * Over HTTPS the name carries `__Host-`: the browser then keeps it only if it
 * is Secure, has Path=/ and no Domain, so a sibling subdomain cannot plant or
 * overwrite it. (A cookie under the old `__Secure-` name is not read: its
 * owner signs in again once.)
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;

export const sessionCookieName = (secure: boolean) => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
