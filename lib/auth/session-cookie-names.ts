/** Auth.js's session cookie, by its default name; `__Secure-` in front when the site is reached over HTTPS. */
export const SESSION_COOKIE = "authjs.session-token";
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`] as const;
