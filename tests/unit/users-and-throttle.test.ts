import { beforeEach, describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import {
  ACCOUNT_FAILURE_LIMIT,
  CLIENT_FAILURE_LIMIT,
  countAttempt,
  forgiveAttempt,
  retryAfterMs,
  THROTTLE_WINDOW_MS,
  throttleKeys,
} from "@/lib/data/sign-in-throttle";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import {
  adoptTimeZone,
  changePasswordHash,
  createUser,
  findCredentials,
  findUserByEmail,
  getSessionUser,
  passwordHashOf,
  revokeSessions,
  setTimeZone,
} from "@/lib/data/users";
import { makeUser, testDb } from "./support/db";

let db: ReturnType<typeof testDb>;
beforeEach(() => {
  db = testDb();
});

describe("users", () => {
  it("refuses a second account with the same email", async () => {
    await makeUser(db, "ana@example.com");
    expect(createUser(db, { name: "Other", email: "ana@example.com", passwordHash: "x" })).toBeNull();
  });

  it("session lookups never carry the password hash", async () => {
    const ana = await makeUser(db, "ana@example.com");
    expect(Object.keys(getSessionUser(db, ana.id)!).sort()).toEqual([
      "email",
      "id",
      "name",
      "sessionVersion",
      "timeZone",
      "timeZoneChosen",
    ]);
  });

  it("sign out everywhere and a password change each bump only that user's session version", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    revokeSessions(db, ana.id);
    expect(getSessionUser(db, ana.id)?.sessionVersion).toBe(2);
    changePasswordHash(db, ana.id, "scrypt$new");
    expect(getSessionUser(db, ana.id)?.sessionVersion).toBe(3);
    expect(passwordHashOf(db, ana.id)).toBe("scrypt$new");
    expect(getSessionUser(db, ben.id)?.sessionVersion).toBe(1);
    expect(findCredentials(db, "ben@example.com")?.passwordHash).not.toBe("scrypt$new");
  });
});

describe("an account's time zone", () => {
  const storedZone = (id: string) => db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, id)).get()?.timeZone;

  it("is unknown (null, shown as UTC) until given, and chosen once it is", async () => {
    const ana = await makeUser(db, "ana@example.com");
    expect(storedZone(ana.id)).toBeNull();
    expect(ana).toMatchObject({ timeZone: "UTC", timeZoneChosen: false });
    expect(getSessionUser(db, ana.id)).toMatchObject({ timeZone: "UTC", timeZoneChosen: false });
    const ben = createUser(db, { name: "Ben", email: "ben@example.com", passwordHash: "x", timeZone: "Europe/Berlin" });
    expect(ben).toMatchObject({ timeZone: "Europe/Berlin", timeZoneChosen: true });
    expect(findUserByEmail(db, "ben@example.com")).toMatchObject({ timeZone: "Europe/Berlin", timeZoneChosen: true });
  });

  it("adoptTimeZone takes the device's zone only while the account has none", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    expect(adoptTimeZone(db, ana.id, "Asia/Tokyo")).toBe(true);
    expect(getSessionUser(db, ana.id)).toMatchObject({ timeZone: "Asia/Tokyo", timeZoneChosen: true });
    // A second device does not override the first, nor a choice made in Settings.
    expect(adoptTimeZone(db, ana.id, "America/New_York")).toBe(false);
    expect(storedZone(ana.id)).toBe("Asia/Tokyo");
    setTimeZone(db, ana.id, "Europe/Berlin");
    expect(adoptTimeZone(db, ana.id, "Asia/Tokyo")).toBe(false);
    expect(storedZone(ana.id)).toBe("Europe/Berlin");
    // Only that account.
    expect(storedZone(ben.id)).toBeNull();
    expect(adoptTimeZone(db, "no-such-user", "Asia/Tokyo")).toBe(false);
  });

  it("an account created with a zone keeps it", () => {
    const cy = createUser(db, { name: "Cy", email: "cy@example.com", passwordHash: "x", timeZone: "Pacific/Auckland" })!;
    expect(adoptTimeZone(db, cy.id, "UTC")).toBe(false);
    expect(getSessionUser(db, cy.id)?.timeZone).toBe("Pacific/Auckland");
  });
});

describe("sign-in throttle", () => {
  const t0 = new Date("2026-11-25T10:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const keys = throttleKeys("ana@example.com", "10.0.0.1");

  it(`allows ${ACCOUNT_FAILURE_LIMIT - 1} failures, then asks the account to wait out the window`, () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) countAttempt(db, keys, at(i * 1000));
    expect(retryAfterMs(db, keys, at(10_000))).toBe(0);
    countAttempt(db, keys, at(10_000));
    // The window opened with the first failure, at t0.
    expect(retryAfterMs(db, keys, at(10_000))).toBe(THROTTLE_WINDOW_MS - 10_000);
    expect(retryAfterMs(db, keys, at(THROTTLE_WINDOW_MS - 1))).toBe(1);
    // Never permanent: once the window has passed, sign-in is allowed again.
    expect(retryAfterMs(db, keys, at(THROTTLE_WINDOW_MS))).toBe(0);
  });

  it("starts counting afresh after the window, and a new window throttles again", () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) countAttempt(db, keys, t0);
    const later = THROTTLE_WINDOW_MS + 1;
    countAttempt(db, keys, at(later));
    expect(retryAfterMs(db, keys, at(later + 1))).toBe(0);
    for (let i = 1; i < ACCOUNT_FAILURE_LIMIT; i++) countAttempt(db, keys, at(later + 1));
    expect(retryAfterMs(db, keys, at(later + 1))).toBe(THROTTLE_WINDOW_MS - 1);
  });

  it("a right password forgives the account's count but only its own attempt on the address", () => {
    const address = throttleKeys("ana@example.com", "10.0.0.7");
    for (let i = 0; i < CLIENT_FAILURE_LIMIT; i++) countAttempt(db, throttleKeys(`u${i}@example.com`, "10.0.0.7"), t0);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) countAttempt(db, address, t0);
    countAttempt(db, address, t0);
    forgiveAttempt(db, address);
    // The account is clear; the address still carries its earlier failures.
    expect(retryAfterMs(db, throttleKeys("ana@example.com", null), t0)).toBe(0);
    expect(retryAfterMs(db, throttleKeys("someone@example.com", "10.0.0.7"), t0)).toBe(THROTTLE_WINDOW_MS);
  });

  it("slows one address trying many accounts", () => {
    for (let i = 0; i < CLIENT_FAILURE_LIMIT; i++) {
      countAttempt(db, throttleKeys(`user${i}@example.com`, "10.0.0.9"), t0);
    }
    expect(retryAfterMs(db, throttleKeys("fresh@example.com", "10.0.0.9"), t0)).toBe(THROTTLE_WINDOW_MS);
    expect(retryAfterMs(db, throttleKeys("fresh@example.com", "10.0.0.10"), t0)).toBe(0);
  });
});

describe("safeNextPath", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeNextPath("/applications?status=offer")).toBe("/applications?status=offer");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "", undefined]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
