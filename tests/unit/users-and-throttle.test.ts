import { beforeEach, describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  DEFAULT_LIMITS,
  LIMIT_ENV,
  SIGN_UP_WINDOW_MS,
  THROTTLE_WINDOW_MS,
  throttleLimits,
} from "@/lib/auth/limits";
import { addressBlock, blockingKeys, codeKeys, countAttempt, forgiveAttempt, retryAfterMs, signInKeys, signUpKeys } from "@/lib/data/sign-in-throttle";
import { eq } from "drizzle-orm";
import { signInThrottle, users } from "@/db/schema";
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
    expect(await createUser(db, { name: "Other", email: "ana@example.com", passwordHash: "x" })).toBeNull();
  });

  it("session lookups never carry the password hash", async () => {
    const ana = await makeUser(db, "ana@example.com");
    expect(Object.keys((await getSessionUser(db, { userId: ana.id }))!).sort()).toEqual([
      "email",
      "hourCycle",
      "id",
      "locale",
      "name",
      "seenLocale",
      "sessionVersion",
      "timeZone",
      "timeZoneChosen",
    ]);
  });

  it("sign out everywhere and a password change each bump only that user's session version", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    await revokeSessions(db, { userId: ana.id });
    expect((await getSessionUser(db, { userId: ana.id }))?.sessionVersion).toBe(2);
    await changePasswordHash(db, { userId: ana.id, passwordHash: "scrypt$new" });
    expect((await getSessionUser(db, { userId: ana.id }))?.sessionVersion).toBe(3);
    expect(await passwordHashOf(db, { userId: ana.id })).toBe("scrypt$new");
    expect((await getSessionUser(db, { userId: ben.id }))?.sessionVersion).toBe(1);
    expect((await findCredentials(db, { email: "ben@example.com" }))?.passwordHash).not.toBe("scrypt$new");
  });
});

describe("an account's time zone", () => {
  const storedZone = async (id: string) => (await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, id)).limit(1))[0]?.timeZone;

  it("is unknown (null, shown as UTC) until given, and chosen once it is", async () => {
    const ana = await makeUser(db, "ana@example.com");
    expect(await storedZone(ana.id)).toBeNull();
    expect(ana).toMatchObject({ timeZone: "UTC", timeZoneChosen: false });
    expect(await getSessionUser(db, { userId: ana.id })).toMatchObject({ timeZone: "UTC", timeZoneChosen: false });
    const ben = await createUser(db, { name: "Ben", email: "ben@example.com", passwordHash: "x", timeZone: "Europe/Berlin" });
    expect(ben).toMatchObject({ timeZone: "Europe/Berlin", timeZoneChosen: true });
    expect(await findUserByEmail(db, { email: "ben@example.com" })).toMatchObject({ timeZone: "Europe/Berlin", timeZoneChosen: true });
  });

  it("adoptTimeZone takes the device's zone only while the account has none", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    expect(await adoptTimeZone(db, { userId: ana.id, timeZone: "Asia/Tokyo" })).toBe(true);
    expect(await getSessionUser(db, { userId: ana.id })).toMatchObject({ timeZone: "Asia/Tokyo", timeZoneChosen: true });
    // A second device does not override the first, nor a choice made in Settings.
    expect(await adoptTimeZone(db, { userId: ana.id, timeZone: "America/New_York" })).toBe(false);
    expect(await storedZone(ana.id)).toBe("Asia/Tokyo");
    await setTimeZone(db, { userId: ana.id, timeZone: "Europe/Berlin" });
    expect(await adoptTimeZone(db, { userId: ana.id, timeZone: "Asia/Tokyo" })).toBe(false);
    expect(await storedZone(ana.id)).toBe("Europe/Berlin");
    // Only that account.
    expect(await storedZone(ben.id)).toBeNull();
    expect(await adoptTimeZone(db, { userId: "no-such-user", timeZone: "Asia/Tokyo" })).toBe(false);
  });

  it("an account created with a zone keeps it", async () => {
    const cy = (await createUser(db, { name: "Cy", email: "cy@example.com", passwordHash: "x", timeZone: "Pacific/Auckland" }))!;
    expect(await adoptTimeZone(db, { userId: cy.id, timeZone: "UTC" })).toBe(false);
    expect((await getSessionUser(db, { userId: cy.id }))?.timeZone).toBe("Pacific/Auckland");
  });
});

describe("sign-in throttle", () => {
  const t0 = new Date("2026-11-25T10:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const { pair: PAIR, address: ADDRESS, account: ACCOUNT } = DEFAULT_LIMITS;
  const ana = (address: string | null) => signInKeys("ana@example.com", address);
  const fail = async (keys: ReturnType<typeof signInKeys>, times: number, when = t0) => {
    for (let i = 0; i < times; i++) await countAttempt(db, { keys, now: when });
  };

  it(`allows ${PAIR - 1} failures for an account from one address, then asks that pair for a delay after its latest failure`, async () => {
    for (let i = 0; i < PAIR - 1; i++) await countAttempt(db, { keys: ana("10.0.0.1"), now: at(i * 1000) });
    expect(await retryAfterMs(db, { keys: ana("10.0.0.1"), now: at(10_000) })).toBe(0);
    await countAttempt(db, { keys: ana("10.0.0.1"), now: at(10_000) });
    // Measured from the latest failure, at 10 s: no wall of a whole window.
    expect(await retryAfterMs(db, { keys: ana("10.0.0.1"), now: at(10_000) })).toBe(BACKOFF_BASE_MS);
    expect((await blockingKeys(db, { keys: ana("10.0.0.1"), now: at(10_000) })).map((b) => b.scope)).toEqual(["pair"]);
    expect(await retryAfterMs(db, { keys: ana("10.0.0.1"), now: at(10_000 + BACKOFF_BASE_MS - 1) })).toBe(1);
    expect(await retryAfterMs(db, { keys: ana("10.0.0.1"), now: at(10_000 + BACKOFF_BASE_MS) })).toBe(0);
  });

  it("a pair held back leaves the same account free from another address", async () => {
    await fail(ana("203.0.113.9"), PAIR);
    expect(await retryAfterMs(db, { keys: ana("203.0.113.9"), now: t0 })).toBe(BACKOFF_BASE_MS);
    expect(await retryAfterMs(db, { keys: ana("198.51.100.7"), now: t0 })).toBe(0);
  });

  it("starts counting afresh after a quiet spell as long as the window, and then throttles again", async () => {
    await fail(ana("10.0.0.1"), PAIR);
    const later = THROTTLE_WINDOW_MS;
    await countAttempt(db, { keys: ana("10.0.0.1"), now: at(later) });
    expect(await retryAfterMs(db, { keys: ana("10.0.0.1"), now: at(later + 1) })).toBe(0);
    await fail(ana("10.0.0.1"), PAIR - 1, at(later + 1));
    expect(await retryAfterMs(db, { keys: ana("10.0.0.1"), now: at(later + 1) })).toBe(BACKOFF_BASE_MS);
  });

  it("asks for delays that double after each further failure, up to the cap, and never more", async () => {
    const pair = ana("10.0.0.8");
    await fail(pair, PAIR - 1);
    let clock = 0;
    const waits: number[] = [];
    // An attacker who retries the moment each delay ends.
    for (let i = 0; i < 14; i++) {
      await countAttempt(db, { keys: pair, now: at(clock) });
      const wait = await retryAfterMs(db, { keys: pair, now: at(clock) });
      waits.push(wait);
      clock += wait;
    }
    expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32].map((n) => n * BACKOFF_BASE_MS));
    expect(Math.max(...waits)).toBe(BACKOFF_CAP_MS);
    expect(waits.at(-1)).toBe(BACKOFF_CAP_MS);
    // The cap is shorter than the quiet spell that forgives: a patient guesser never starts over.
    expect(BACKOFF_CAP_MS).toBeLessThan(THROTTLE_WINDOW_MS);
    expect(backoffDelayMs(PAIR - 1, PAIR)).toBe(0);
    expect(backoffDelayMs(10_000, PAIR)).toBe(BACKOFF_CAP_MS);
  });

  it(`slows one address trying many accounts after ${ADDRESS} failures`, async () => {
    for (let i = 0; i < ADDRESS; i++) await countAttempt(db, { keys: signInKeys(`user${i}@example.com`, "10.0.0.9"), now: t0 });
    expect(await blockingKeys(db, { keys: signInKeys("fresh@example.com", "10.0.0.9"), now: t0 })).toEqual([{ scope: "client", waitMs: BACKOFF_BASE_MS }]);
    expect(await retryAfterMs(db, { keys: signInKeys("fresh@example.com", "10.0.0.10"), now: t0 })).toBe(0);
  });

  it(`holds an account attacked from ${ACCOUNT} addresses everywhere, its much higher bound`, async () => {
    for (let i = 0; i < ACCOUNT - 1; i++) await countAttempt(db, { keys: ana(`203.0.${Math.floor(i / 200)}.${i % 200}`), now: t0 });
    expect(await retryAfterMs(db, { keys: ana("198.51.100.7"), now: t0 })).toBe(0);
    await countAttempt(db, { keys: ana("203.0.9.9"), now: t0 });
    expect(await blockingKeys(db, { keys: ana("198.51.100.7"), now: t0 })).toEqual([{ scope: "account", waitMs: BACKOFF_BASE_MS }]);
  });

  it("a right password clears its pair and takes back only its own attempt elsewhere", async () => {
    for (let i = 0; i < ADDRESS - 1; i++) await countAttempt(db, { keys: signInKeys(`u${i}@example.com`, "10.0.0.7"), now: t0 });
    await fail(ana("10.0.0.7"), PAIR - 1);
    await fail(ana("10.9.9.9"), 2);
    await countAttempt(db, { keys: ana("10.0.0.7"), now: t0 }); // the right one, counted before its check
    await forgiveAttempt(db, { keys: ana("10.0.0.7") });
    // The pair is clear: more tries from there are allowed.
    await fail(ana("10.0.0.7"), PAIR - 1);
    expect((await blockingKeys(db, { keys: ana("10.0.0.7"), now: t0 })).map((b) => b.scope)).not.toContain("pair");
    // The address still carries its earlier failures (19 + 4, the right one taken back, + 4 more now): it is held.
    expect(await retryAfterMs(db, { keys: signInKeys("someone@example.com", "10.0.0.7"), now: t0 })).toBe(backoffDelayMs(ADDRESS - 1 + 2 * (PAIR - 1), ADDRESS));
  });

  it("codes have their own pair and account counters, and share the address's", async () => {
    const codes = codeKeys("user-1", "10.0.0.3");
    expect(codes.map((k) => k.scope).sort()).toEqual(["client", "code-account", "code-pair"]);
    await fail(ana("10.0.0.3"), PAIR);
    expect(await blockingKeys(db, { keys: codes, now: t0 })).toEqual([]);
    for (let i = 0; i < DEFAULT_LIMITS.codeAccount; i++) await countAttempt(db, { keys: codeKeys("user-1", `10.1.0.${i}`), now: t0 });
    expect((await blockingKeys(db, { keys: codes, now: t0 })).map((b) => b.scope)).toEqual(["code-account"]);
  });

  it("forgets rows once every window they could count in has passed", async () => {
    await fail(signInKeys("gone@example.com", "10.0.0.20"), 1, t0);
    await fail(signUpKeys("10.0.0.21"), 1, t0);
    await fail(ana("10.0.0.22"), 1, at(SIGN_UP_WINDOW_MS - 1));
    const keys = async () => (await db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key).sort();
    expect(await keys()).toHaveLength(7);
    await countAttempt(db, { keys: signInKeys("new@example.com", "10.0.0.23"), now: at(SIGN_UP_WINDOW_MS) });
    expect((await keys()).some((k) => k.includes("gone@example.com") || k.includes("10.0.0.20") || k.includes("10.0.0.21"))).toBe(false);
    expect(await keys()).toContain("pair:ana@example.com 10.0.0.22");
    expect(await keys()).toContain("pair:new@example.com 10.0.0.23");
  });

  it("without a known address only the account's counter applies", () => {
    expect(signInKeys("ana@example.com", null).map((k) => k.scope)).toEqual(["account"]);
    expect(signUpKeys(null)).toEqual([]);
  });
});

describe("sign-up throttle", () => {
  const t0 = new Date("2026-11-25T10:00:00Z");

  it(`allows ${DEFAULT_LIMITS.signUp} sign-ups per address an hour`, async () => {
    const keys = signUpKeys("10.0.0.5");
    for (let i = 0; i < DEFAULT_LIMITS.signUp - 1; i++) await countAttempt(db, { keys, now: t0 });
    expect(await retryAfterMs(db, { keys, now: t0 })).toBe(0);
    await countAttempt(db, { keys, now: t0 });
    expect(await retryAfterMs(db, { keys, now: t0 })).toBe(SIGN_UP_WINDOW_MS);
    expect(await retryAfterMs(db, { keys, now: new Date(t0.getTime() + SIGN_UP_WINDOW_MS - 1) })).toBe(1);
    expect(await retryAfterMs(db, { keys, now: new Date(t0.getTime() + SIGN_UP_WINDOW_MS) })).toBe(0);
    expect(await retryAfterMs(db, { keys: signUpKeys("10.0.0.6"), now: t0 })).toBe(0);
  });
});

describe("throttle limits from the environment", () => {
  it("reads each documented variable, and keeps the default for anything but a whole number of at least 1", () => {
    expect(throttleLimits({})).toEqual(DEFAULT_LIMITS);
    const env = { [LIMIT_ENV.signUp]: "500", [LIMIT_ENV.pair]: "0", [LIMIT_ENV.address]: "lots", [LIMIT_ENV.account]: " 80 " };
    expect(throttleLimits(env)).toEqual({ ...DEFAULT_LIMITS, signUp: 500, account: 80 });
    expect(signUpKeys("10.0.0.1", throttleLimits(env))[0].limit).toBe(500);
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

describe("addresses the per-address limits count", () => {
  it("counts IPv4 addresses one by one, and IPv6 addresses by their /64", () => {
    expect(addressBlock("203.0.113.7")).toBe("203.0.113.7");
    for (const same of ["2001:db8:aa:bb::1", "2001:db8:aa:bb:ffff:ffff:ffff:ffff", "2001:0DB8:00aa:00bb:0:0:0:1", "2001:db8:aa:bb::1%eth0"]) {
      expect(addressBlock(same), same).toBe("2001:db8:aa:bb::/64");
    }
    expect(addressBlock("2001:db8:aa:bc::1")).toBe("2001:db8:aa:bc::/64");
    expect(addressBlock("::1")).toBe("0:0:0:0::/64");
    expect(addressBlock("fe80::1")).toBe("fe80:0:0:0::/64");
    expect(addressBlock("64:ff9b:1:2::192.0.2.1")).toBe("64:ff9b:1:2::/64");
    expect(addressBlock("not an address")).toBe("not an address");
  });

  it("a stranger walking through the addresses of one IPv6 /64 is held as one address", async () => {
    const t0 = new Date("2026-11-25T10:00:00Z");
    for (let i = 0; i < DEFAULT_LIMITS.pair; i++) await countAttempt(db, { keys: signInKeys("ana@example.com", `2001:db8:aa:bb::${i + 1}`), now: t0 });
    expect((await blockingKeys(db, { keys: signInKeys("ana@example.com", "2001:db8:aa:bb::ffff"), now: t0 })).map((b) => b.scope)).toEqual(["pair"]);
    // The owner in another /64 is not held.
    expect(await retryAfterMs(db, { keys: signInKeys("ana@example.com", "2001:db8:aa:cc::1"), now: t0 })).toBe(0);
    for (let i = 0; i < DEFAULT_LIMITS.signUp; i++) await countAttempt(db, { keys: signUpKeys(`2001:db8:aa:bb::${i + 100}`), now: t0 });
    expect(await retryAfterMs(db, { keys: signUpKeys("2001:db8:aa:bb::beef"), now: t0 })).toBe(SIGN_UP_WINDOW_MS);
  });
});
