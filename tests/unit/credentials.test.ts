import { beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { ACCOUNT_FAILURE_LIMIT, THROTTLE_WINDOW_MS } from "@/lib/data/sign-in-throttle";
import { makeUser, testDb } from "./support/db";

const RIGHT = "correct horse battery staple"; // the password makeUser gives every account

let db: ReturnType<typeof testDb>;
let ana: Awaited<ReturnType<typeof makeUser>>;
const now = new Date("2026-11-25T10:00:00Z");

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
});

describe("checkCredentials", () => {
  it("accepts the right password, with any letter case in the email", async () => {
    expect(await checkCredentials(db, { email: "Ana@Example.com", password: RIGHT }, "10.0.0.1", now)).toEqual({
      ok: true,
      userId: ana.id,
      sessionVersion: 1,
    });
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    const wrong = await checkCredentials(db, { email: "ana@example.com", password: "nope nope" }, "10.0.0.1", now);
    const unknown = await checkCredentials(db, { email: "nobody@example.com", password: RIGHT }, "10.0.0.1", now);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses malformed input without throwing", async () => {
    for (const raw of [undefined, null, {}, { email: ["a"], password: 1 }, { email: "a@b.co", password: "x".repeat(10_000) }]) {
      expect(await checkCredentials(db, raw, null, now)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("once the account is throttled, even the right password waits, then works again", async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      await checkCredentials(db, { email: "ana@example.com", password: `guess ${i}` }, `10.0.0.${i}`, now);
    }
    expect(await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, "10.9.9.9", now)).toEqual({
      ok: false,
      reason: "throttled",
    });
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MS);
    expect((await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, "10.9.9.9", later)).ok).toBe(true);
  });

  it("counts parallel guesses before hashing, so a burst cannot overrun the limit", async () => {
    const burst = Array.from({ length: ACCOUNT_FAILURE_LIMIT * 2 }, (_, i) =>
      checkCredentials(db, { email: "ana@example.com", password: i === 9 ? RIGHT : `guess ${i}` }, `10.1.0.${i}`, now),
    );
    const results = await Promise.all(burst);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    // The right password came after the limit: refused, not let through.
    expect(results[9]).toEqual({ ok: false, reason: "throttled" });
  });

  it("reads the session version, so a revoked session's successor gets the new one", async () => {
    db.update(users).set({ sessionVersion: 7 }).run();
    const result = await checkCredentials(db, { email: "ana@example.com", password: RIGHT }, null, now);
    expect(result).toMatchObject({ ok: true, sessionVersion: 7 });
  });
});
