import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkCredentials, signInKeysFor } from "@/lib/auth/credentials";
import { deviceTokenFrom, issueDeviceToken, readDeviceToken, trustedDeviceId } from "@/lib/auth/device-cookie";
import { BACKOFF_BASE_MS, LIMIT_ENV, throttleLimits } from "@/lib/auth/limits";
import { retryAfterMs, signInKeys } from "@/lib/data/sign-in-throttle";
import { makeUser, testDb } from "./support/db";

const RIGHT = "correct horse battery staple"; // makeUser's
const T0 = new Date("2026-11-25T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let db: ReturnType<typeof testDb>;
let ana: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});
afterEach(() => vi.unstubAllEnvs());

describe("device cookies", () => {
  it("name the account and a device of their own, and are signed", () => {
    const token = issueDeviceToken(ana.id);
    const device = readDeviceToken(token)!;
    expect(device.userId).toBe(ana.id);
    expect(device.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(readDeviceToken(issueDeviceToken(ana.id))!.deviceId).not.toBe(device.deviceId);
    // Kept by a sign-in that presents it.
    expect(readDeviceToken(issueDeviceToken(ana.id, device.deviceId))!.deviceId).toBe(device.deviceId);
  });

  it("refuse a forged or altered one, and one for another account", () => {
    const token = issueDeviceToken(ana.id);
    const [v, , id, mac] = token.split(".");
    expect(readDeviceToken(`${v}.${Buffer.from(ben.id).toString("base64url")}.${id}.${mac}`)).toBeNull();
    expect(readDeviceToken(`${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`)).toBeNull();
    expect(readDeviceToken("d1.x.y")).toBeNull();
    expect(readDeviceToken("")).toBeNull();
    expect(trustedDeviceId(token, ben.id)).toBeNull();
    expect(trustedDeviceId(token, ana.id)).toBe(id);
    vi.stubEnv("AUTH_SECRET", "another server's secret entirely");
    expect(readDeviceToken(token)).toBeNull();
  });

  it("are read from the Cookie header under the name the scheme uses", () => {
    expect(deviceTokenFrom("a=1; shortlist-device=d1.x.y.z; b=2", false)).toBe("d1.x.y.z");
    expect(deviceTokenFrom("shortlist-device=d1.x.y.z", true)).toBeNull();
    expect(deviceTokenFrom("__Host-shortlist-device=d1.x.y.z", true)).toBe("d1.x.y.z");
    expect(deviceTokenFrom(null, false)).toBeNull();
  });
});

describe("no lockout by strangers", () => {
  const guessFrom = (address: string, now: Date, password = "a wrong guess", deviceToken: string | null = null) =>
    checkCredentials(db, { email: "ana@example.com", password }, { address, now, deviceToken });

  it("a device that signed in before is exempt from the account-wide limit strangers filled", async () => {
    vi.stubEnv(LIMIT_ENV.account, "6");
    vi.stubEnv(LIMIT_ENV.pair, "2");
    const { account } = throttleLimits();
    for (let i = 0; i < account; i++) await guessFrom(`203.0.113.${i}`, T0);
    // A new device of the owner's waits (briefly) like everyone else...
    expect(await guessFrom("198.51.100.7", T0, RIGHT)).toMatchObject({ ok: false, reason: "throttled", scope: "account", retryAfterMs: BACKOFF_BASE_MS });
    // ...the owner's own device does not, even at an address the strangers share.
    const owners = issueDeviceToken(ana.id);
    expect(await guessFrom("203.0.113.1", T0, RIGHT, owners)).toMatchObject({ ok: true, userId: ana.id });
    // Another account's device cookie, or a forged one, earns nothing.
    expect(await guessFrom("198.51.100.7", T0, RIGHT, issueDeviceToken(ben.id))).toMatchObject({ reason: "throttled" });
    expect(await guessFrom("198.51.100.7", T0, RIGHT, `${owners.slice(0, -1)}x`)).toMatchObject({ reason: "throttled" });
  });

  it("a device's own failures hold back that device alone, with the same growing delays", async () => {
    vi.stubEnv(LIMIT_ENV.pair, "2");
    const owners = issueDeviceToken(ana.id);
    const stolen = issueDeviceToken(ana.id);
    await guessFrom("10.0.0.1", T0, "wrong one", stolen);
    await guessFrom("10.0.0.1", at(1), "wrong two", stolen);
    expect(await guessFrom("10.0.0.1", at(2), RIGHT, stolen)).toMatchObject({ reason: "throttled", scope: "device", retryAfterMs: BACKOFF_BASE_MS - 1 });
    // Those failures counted against that device, not the account, the pair or the address.
    expect(await retryAfterMs(db, { keys: signInKeys("ana@example.com", "10.0.0.1"), now: at(2) })).toBe(0);
    expect(await guessFrom("10.0.0.1", at(2), RIGHT, owners)).toMatchObject({ ok: true });
    // After its delay, the held device gets its turn.
    expect(await guessFrom("10.0.0.1", at(1 + BACKOFF_BASE_MS), RIGHT, stolen)).toMatchObject({ ok: true });
  });

  it("an unknown email is never treated as a known device's", async () => {
    const token = issueDeviceToken(ana.id);
    expect((await signInKeysFor(db, { email: "nobody@example.com", address: "10.0.0.1", deviceToken: token })).map((k) => k.scope)).toEqual(["account", "pair", "client"]);
    expect((await signInKeysFor(db, { email: "ana@example.com", address: "10.0.0.1", deviceToken: token })).map((k) => k.scope)).toEqual(["device"]);
  });
});
