import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { write } from "@/db/write";
import { checkCredentials } from "@/lib/auth/credentials";
import { DEFAULT_LIMITS, LIMIT_ENV, THROTTLE_WINDOW_MS, throttleLimits } from "@/lib/auth/limits";
import { makeUser, testDb } from "./support/db";

const RIGHT = "correct horse battery staple"; // the password makeUser gives every account

let db: ReturnType<typeof testDb>;
let ana: Awaited<ReturnType<typeof makeUser>>;
const now = new Date("2026-11-25T10:00:00Z");

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Smaller limits through the documented variables: each guess costs a real scrypt hash. */
function smallLimits() {
  vi.stubEnv(LIMIT_ENV.pair, "2");
  vi.stubEnv(LIMIT_ENV.account, "7");
  return throttleLimits();
}

describe("checkCredentials", () => {
  it("accepts the right password, with any letter case in the email", async () => {
    expect(await checkCredentials(db, { email: "Ana@Example.com", password: RIGHT }, { address: "10.0.0.1", now: now })).toEqual({
      ok: true,
      userId: ana.id,
      sessionVersion: 1,
    });
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    const wrong = await checkCredentials(db, { email: "ana@example.com", password: "nope nope" }, { address: "10.0.0.1", now: now });
    const unknown = await checkCredentials(db, { email: "nobody@example.com", password: RIGHT }, { address: "10.0.0.1", now: now });
    // Only the security log learns which it was.
    expect(wrong).toEqual({ ok: false, reason: "invalid", userId: ana.id });
    expect(unknown).toEqual({ ok: false, reason: "invalid", userId: null });
  });

  it("refuses malformed input without throwing", async () => {
    for (const raw of [undefined, null, {}, { email: ["a"], password: 1 }, { email: "a@b.co", password: "x".repeat(10_000) }]) {
      expect(await checkCredentials(db, raw, { address: null, now: now })).toEqual({ ok: false, reason: "invalid", userId: null });
    }
  });

  it("once the account is throttled from an address, even the right password waits there, then works again", async () => {
    for (let i = 0; i < DEFAULT_LIMITS.pair; i++) {
      await checkCredentials(db, { email: "ana@example.com", password: `guess ${i}` }, { address: "10.0.0.1", now: now });
    }
    expect(await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, { address: "10.0.0.1", now: now })).toMatchObject({
      ok: false,
      reason: "throttled",
      scope: "pair",
    });
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MS);
    expect((await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, { address: "10.0.0.1", now: later })).ok).toBe(true);
  });

  it("a stranger's failures from elsewhere do not keep the owner's right password out from a new address", async () => {
    const limits = smallLimits();
    // Up to the pair limit from each of several addresses: every stranger address is stopped...
    const strangers = Math.floor((limits.account - 1) / limits.pair);
    expect(strangers).toBeGreaterThan(1);
    for (let s = 0; s < strangers; s++) {
      for (let i = 0; i < limits.pair; i++) {
        await checkCredentials(db, { email: "ana@example.com", password: `guess ${i}` }, { address: `203.0.113.${s}`, now: now });
      }
      expect(await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, { address: `203.0.113.${s}`, now: now })).toMatchObject({ reason: "throttled" });
    }
    // ...while the owner, from an address of their own, signs in.
    expect(await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, { address: "198.51.100.7", now: now })).toMatchObject({ ok: true, userId: ana.id });
  });

  it("the account's overall bound holds once failures from everywhere reach it, and ends with its window", async () => {
    const limits = smallLimits();
    for (let i = 0; i < limits.account; i++) {
      await checkCredentials(db, { email: "ana@example.com", password: `guess ${i}` }, { address: `203.0.113.${i}`, now: now });
    }
    expect(await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, { address: "198.51.100.7", now: now })).toMatchObject({
      reason: "throttled",
      scope: "account",
    });
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MS);
    expect((await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, { address: "198.51.100.7", now: later })).ok).toBe(true);
  });

  it("counts parallel guesses before hashing, so a burst cannot overrun the limit", async () => {
    const limit = DEFAULT_LIMITS.pair;
    const burst = Array.from({ length: limit * 2 }, (_, i) =>
      checkCredentials(db, { email: "ana@example.com", password: i === limit * 2 - 1 ? RIGHT : `guess ${i}` }, { address: "10.1.0.1", now: now }),
    );
    const results = await Promise.all(burst);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(limit);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(limit);
    // The right password came after the limit: refused, not let through.
    expect(results[limit * 2 - 1]).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("reads the session version, so a revoked session's successor gets the new one", async () => {
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.update(users).set({ sessionVersion: 7 });
    });
    const result = await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, { address: null, now: now });
    expect(result).toMatchObject({ ok: true, sessionVersion: 7 });
  });
});
