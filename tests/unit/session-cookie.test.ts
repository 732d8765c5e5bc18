import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionCookie, sessionClaimsFrom } from "@/lib/auth/session-cookie";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/auth/session-cookie-names";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const CLAIMS = { uid: "user-1", sv: 3, sid: "session-1" };
const SECURE = SECURE_SESSION_COOKIE;

/** A token as Auth.js writes it at sign-in: encrypted under the cookie's name. */
const tokenFor = (name: string, { secret = SECRET, maxAge = 3600 } = {}) => encode({ token: CLAIMS, secret, salt: name, maxAge });
const request = (cookie: string, extra: Record<string, string> = {}) => new Headers({ cookie, ...extra });

describe("sessionClaimsFrom: the session cookie a page trusts", () => {
  it("reads the claims Auth.js wrote at sign-in", async () => {
    const claims = await sessionClaimsFrom(request(`theme=dark; ${SESSION_COOKIE}=${await tokenFor(SESSION_COOKIE)}`), SECRET);
    expect(claims).toMatchObject(CLAIMS);
  });

  it("reads the __Secure- cookie when the request came over HTTPS", async () => {
    const headers = request(`${SECURE}=${await tokenFor(SECURE)}`, { "x-forwarded-proto": "https" });
    expect(await sessionClaimsFrom(headers, SECRET)).toMatchObject(CLAIMS);
  });

  it("joins a token that came in chunks", async () => {
    const token = await tokenFor(SESSION_COOKIE);
    const half = Math.floor(token.length / 2);
    const cookie = `${SESSION_COOKIE}.1=${token.slice(half)}; ${SESSION_COOKIE}.0=${token.slice(0, half)}`;
    expect(await sessionClaimsFrom(request(cookie), SECRET)).toMatchObject(CLAIMS);
  });

  it("refuses no cookie, another secret's token, a tampered one and an expired one", async () => {
    expect(await sessionClaimsFrom(new Headers(), SECRET)).toBeNull();
    expect(await sessionClaimsFrom(request("theme=dark"), SECRET)).toBeNull();
    const foreign = await tokenFor(SESSION_COOKIE, { secret: "another-secret-entirely-0123456789abcdef" });
    expect(await sessionClaimsFrom(request(`${SESSION_COOKIE}=${foreign}`), SECRET)).toBeNull();
    const token = await tokenFor(SESSION_COOKIE);
    const tampered = `${token.slice(0, -6)}${token.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await sessionClaimsFrom(request(`${SESSION_COOKIE}=${tampered}`), SECRET)).toBeNull();
    // Past its expiry and Auth.js's 15 s of clock tolerance.
    const expired = await tokenFor(SESSION_COOKIE, { maxAge: -60 });
    expect(await sessionClaimsFrom(request(`${SESSION_COOKIE}=${expired}`), SECRET)).toBeNull();
  });

  it("refuses a token moved to the other cookie name: the name is part of its key", async () => {
    const plain = await tokenFor(SESSION_COOKIE);
    expect(await sessionClaimsFrom(request(`${SECURE}=${plain}`, { "x-forwarded-proto": "https" }), SECRET)).toBeNull();
    const secure = await tokenFor(SECURE);
    expect(await sessionClaimsFrom(request(`${SESSION_COOKIE}=${secure}`), SECRET)).toBeNull();
  });

  it("takes no Bearer header in place of the cookie", async () => {
    const token = await tokenFor(SESSION_COOKIE);
    expect(await sessionClaimsFrom(request("theme=dark", { authorization: `Bearer ${token}` }), SECRET)).toBeNull();
  });

  it("uses the __Host- name over HTTPS and no longer reads the old __Secure- one", async () => {
    expect(SECURE).toBe("__Host-authjs.session-token");
    const https = { "x-forwarded-proto": "https" };
    expect(await sessionClaimsFrom(request(`${SECURE}=${await tokenFor(SECURE)}`, https), SECRET)).toMatchObject(CLAIMS);
    const old = `__Secure-${SESSION_COOKIE}`;
    expect(await readSessionCookie(request(`${old}=${await tokenFor(old)}`, https), SECRET)).toEqual({ kind: "none" });
  });

  it("tells a cookie that does not decrypt from no cookie at all, for the security log", async () => {
    expect(await readSessionCookie(request("theme=dark"), SECRET)).toEqual({ kind: "none" });
    expect(await readSessionCookie(request(`${SESSION_COOKIE}=garbage`), SECRET)).toEqual({ kind: "unreadable" });
    const expired = await tokenFor(SESSION_COOKIE, { maxAge: -60 });
    expect(await readSessionCookie(request(`${SESSION_COOKIE}=${expired}`), SECRET)).toEqual({ kind: "unreadable" });
    expect(await readSessionCookie(request(`${SESSION_COOKIE}=${await tokenFor(SESSION_COOKIE)}`), SECRET)).toMatchObject({ kind: "read", claims: CLAIMS });
  });
});
