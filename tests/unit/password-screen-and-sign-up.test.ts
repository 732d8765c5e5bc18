import { dictionary } from "@zxcvbn-ts/language-common";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { changePassword } from "@/lib/auth/change-password";
import { DEFAULT_LIMITS } from "@/lib/auth/limits";
import { verifyPassword } from "@/lib/auth/password";
import { COMMON_PASSWORD_COUNT, emailName, passwordProblem } from "@/lib/auth/password-screen";
import { registerAccount, signUpOpen } from "@/lib/auth/sign-up";
import { findCredentials } from "@/lib/data/users";
import { makeUser, testDb } from "./support/db";
import { captureLog } from "./support/security-log";

const NOW = new Date("2026-11-25T10:00:00Z");
const ranked = dictionary["passwords-common"];

let db: ReturnType<typeof testDb>;
let log: ReturnType<typeof captureLog>;
beforeEach(() => {
  db = testDb();
  log = captureLog();
});
afterEach(() => log.restore());

describe("password screening", () => {
  it("refuses the passwords the issue found accepted, and common ones in any case", () => {
    for (const password of ["password", "12345678", "aaaaaaaa", "PassWord", "iloveyou", "qwertyuiop", "1q2w3e4r"]) {
      expect(passwordProblem(password, { email: "sam@example.com" }), password).not.toBeNull();
    }
    expect(passwordProblem("password", { email: "sam@example.com" })).toContain("10,000 most common");
  });

  it("reads the first 10,000 of the package's ranked list, and only those", () => {
    const inside = ranked.slice(0, COMMON_PASSWORD_COUNT).filter((p) => p.length >= 8 && !/^(.{1,3})\1+$/.test(p));
    const outside = ranked.slice(COMMON_PASSWORD_COUNT).filter((p) => p.length >= 8 && !/^(.{1,3})\1+$/.test(p) && !p.includes("sam"));
    expect(inside.length).toBeGreaterThan(1000);
    expect(passwordProblem(inside.at(-1)!, { email: "sam@example.com" })).not.toBeNull();
    expect(passwordProblem(outside[0], { email: "sam@example.com" })).toBeNull();
  });

  it("refuses a short pattern repeated, whatever its length", () => {
    expect(passwordProblem("abababababababab", { email: "sam@example.com" })).toContain("repeated");
    expect(passwordProblem("xyzxyzxyzxyz", { email: "sam@example.com" })).toContain("repeated");
    expect(passwordProblem("x".repeat(40) + "correct horse battery st", { email: "sam@example.com" })).toBeNull();
  });

  it("refuses a password containing the email's name, saying which", () => {
    expect(emailName("Jo.Smith+jobs@Example.com")).toBe("jo.smith");
    expect(passwordProblem("my name is Jo.Smith!", { email: "jo.smith+jobs@example.com" })).toContain("“jo.smith”");
    expect(passwordProblem("samantha's long passphrase", { email: "samantha@example.com" })).toContain("email name");
    // Two letters say too little to refuse anything for.
    expect(passwordProblem("a bold new passphrase", { email: "bo@example.com" })).toBeNull();
    expect(passwordProblem("plum cobalt yonder kettle", { email: "sam@example.com" })).toBeNull();
  });
});

describe("registerAccount", () => {
  const input = (email: string, password = "plum cobalt yonder kettle") => ({ name: "Sam", email, password, timeZone: "Europe/Oslo" });

  it("makes the account when open and the password passes", async () => {
    const result = await registerAccount(db, { input: input("sam@example.com"), address: "10.0.0.1", now: NOW, env: {} });
    expect(result).toMatchObject({ ok: true });
    const stored = (await findCredentials(db, { email: "sam@example.com" }));
    expect(await verifyPassword("plum cobalt yonder kettle", stored!.passwordHash)).toBe(true);
    expect(log.events()).toEqual(["account-created"]);
  });

  it("refuses a common password at sign-up with the reason, beside the password field", async () => {
    const result = await registerAccount(db, { input: input("sam@example.com", "password"), address: "10.0.0.1", now: NOW, env: {} });
    expect(result).toMatchObject({ ok: false, reason: "invalid", field: "password", message: expect.stringContaining("most common") });
    expect((await findCredentials(db, { email: "sam@example.com" }))).toBeUndefined();
  });

  it("SHORTLIST_SIGN_UP=closed refuses every sign-up; open or unset allows it", async () => {
    expect(signUpOpen({})).toBe(true);
    expect(signUpOpen({ SHORTLIST_SIGN_UP: "open" })).toBe(true);
    expect(signUpOpen({ SHORTLIST_SIGN_UP: "closed" })).toBe(false);
    // A typo closes rather than opens.
    expect(signUpOpen({ SHORTLIST_SIGN_UP: "opne" })).toBe(false);
    const result = await registerAccount(db, { input: input("sam@example.com"), address: "10.0.0.1", now: NOW, env: { SHORTLIST_SIGN_UP: "closed" } });
    expect(result).toEqual({ ok: false, reason: "closed" });
    expect(await db.select().from(users)).toEqual([]);
  });

  it(`limits sign-ups per address to ${DEFAULT_LIMITS.signUp} an hour, counting failed tries too`, async () => {
    const env = {};
    for (let i = 0; i < DEFAULT_LIMITS.signUp; i++) {
      // Refused passwords cost no hash but still count: the check is the throttle's job, not the screen's.
      const result = await registerAccount(db, { input: input(`u${i}@example.com`, "password"), address: "10.0.0.1", now: NOW, env });
      expect(result).toMatchObject({ reason: "invalid" });
    }
    const blocked = await registerAccount(db, { input: input("late@example.com"), address: "10.0.0.1", now: NOW, env });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled", retryAfterMs: 60 * 60 * 1000 });
    expect((await findCredentials(db, { email: "late@example.com" }))).toBeUndefined();
    expect((await registerAccount(db, { input: input("other@example.com"), address: "10.0.0.2", now: NOW, env })).ok).toBe(true);
    expect(log.security().filter((l) => l.event === "throttled")).toEqual([expect.objectContaining({ address: "10.0.0.1", attempt: "sign-up" })]);
  });
});

describe("changePassword", () => {
  it("refuses a common or email-name password, and keeps the old one", async () => {
    const ana = await makeUser(db, "anabel@example.com");
    const before = (await findCredentials(db, { email: "anabel@example.com" }))!.passwordHash;
    const common = await changePassword(db, { user: ana, currentPassword: "correct horse battery staple", newPassword: "12345678", address: null, now: NOW });
    expect(common).toMatchObject({ ok: false, field: "newPassword", message: expect.stringContaining("most common") });
    const named = await changePassword(db, { user: ana, currentPassword: "correct horse battery staple", newPassword: "i am anabel, ok?", address: null, now: NOW });
    expect(named).toMatchObject({ ok: false, field: "newPassword", message: expect.stringContaining("“anabel”") });
    expect((await findCredentials(db, { email: "anabel@example.com" }))!.passwordHash).toBe(before);
  });

  it("changes it with the right current password, and bumps the session version", async () => {
    const ana = await makeUser(db, "ana@example.com");
    expect(await changePassword(db, { user: ana, currentPassword: "wrong one", newPassword: "plum cobalt yonder kettle", address: "10.0.0.1", now: NOW })).toMatchObject({
      ok: false,
      field: "currentPassword",
    });
    expect(await changePassword(db, { user: ana, currentPassword: "correct horse battery staple", newPassword: "plum cobalt yonder kettle", address: "10.0.0.1", now: NOW })).toEqual({ ok: true });
    const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, ana.id)).limit(1);
    expect(row.v).toBe(2);
    expect(log.events()).toEqual(["password-change-refused", "password-changed"]);
  });
});
