import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { newPasswordProblem } from "@/lib/auth/password-screen";
import { guessableWords, MIN_PASSWORD_SCORE, passwordWeakness, scorePassword } from "@/lib/auth/password-strength";
import { registerAccount } from "@/lib/auth/sign-up";
import { findCredentials } from "@/lib/data/users";
import { makeUser, testDb } from "./support/db";
import { captureLog } from "./support/security-log";

const CONTEXT = { name: "Robin Hale", email: "robin.hale+jobs@example.org", host: "jobs.example.com" };
const NOW = new Date("2026-11-25T10:00:00Z");

describe("password strength, with the person's name, email and the site as words a guesser tries", () => {
  it("lists the name, the email and its parts, 'shortlist' and the host as guessable", () => {
    const words = guessableWords(CONTEXT);
    for (const word of ["robin hale", "robin", "hale", "robin.hale+jobs@example.org", "robin.hale+jobs", "example.org", "example", "jobs", "shortlist", "jobs.example.com"]) {
      expect(words, word).toContain(word);
    }
    // Too short to mean anything.
    expect(guessableWords({ email: "al@x.io" })).not.toContain("al");
  });

  it.each(["Password1!", "letmein123", "iloveyou123", "password1234", "passwordpassword", "Shortlist123"])("refuses %s with the reason", async (password) => {
    const result = await scorePassword(password, CONTEXT);
    expect(result.score).toBeLessThan(MIN_PASSWORD_SCORE);
    expect(await passwordWeakness(password, CONTEXT)).toMatch(/^This password is too easy to guess: .+\. Add two or three more unrelated words\.$/);
  });

  it("says in plain words what made it weak", async () => {
    expect(await passwordWeakness("letmein123", CONTEXT)).toContain("a common word with digits added is guessed quickly");
    expect(await passwordWeakness("Password1!", CONTEXT)).toContain("a common word with digits added is guessed quickly");
    expect(await passwordWeakness("passwordpassword", CONTEXT)).toContain("repeated");
    expect(await passwordWeakness("Shortlist123", CONTEXT)).toContain("your name, your email or this site's name");
    expect(await passwordWeakness("RobinHale77", CONTEXT)).toContain("your name, your email or this site's name");
  });

  it("counts the context: a password built on this person's name is weak for them, not for someone else", async () => {
    const own = await scorePassword("hale-robin-2026", CONTEXT);
    const stranger = await scorePassword("hale-robin-2026", { name: "Kit Moss", email: "kit@example.net" });
    expect(own.guessesLog10).toBeLessThan(stranger.guessesLog10);
    expect(await passwordWeakness("jobs.example.com1", CONTEXT)).toContain("this site's name");
  });

  it("accepts a passphrase of unrelated words", async () => {
    for (const password of ["plum cobalt yonder kettle", "correct horse battery staple", "violet-tractor-mango-slate"]) {
      expect(await passwordWeakness(password, CONTEXT), password).toBeNull();
    }
  });

  it("keeps the 10,000-password list in front, with its own reason", async () => {
    expect(await newPasswordProblem("iloveyou", CONTEXT)).toContain("10,000 most common");
    expect(await newPasswordProblem("iloveyou123", CONTEXT)).toContain("digits added");
    expect(await newPasswordProblem("plum cobalt yonder kettle", CONTEXT)).toBeNull();
  });
});

describe("weak passwords refused where a password is chosen", () => {
  let db: ReturnType<typeof testDb>;
  let log: ReturnType<typeof captureLog>;
  beforeEach(() => {
    db = testDb();
    log = captureLog();
  });
  afterEach(() => log.restore());

  it("at sign-up, beside the password field, with the site's host as context", async () => {
    const input = { name: "Robin Hale", email: "robin@example.org", password: "Shortlist123" };
    const result = await registerAccount(db, { input, address: "10.0.0.1", host: "jobs.example.com", now: NOW, env: {} });
    expect(result).toMatchObject({ ok: false, reason: "invalid", field: "password", message: expect.stringContaining("this site's name") });
    const hostBased = await registerAccount(db, { input: { ...input, password: "jobsexample2026" }, address: "10.0.0.1", host: "jobs.example.com", now: NOW, env: {} });
    expect(hostBased).toMatchObject({ ok: false, field: "password" });
    expect((await findCredentials(db, { email: "robin@example.org" }))).toBeUndefined();
  });

  it("at a password change, beside the new password, before the current one is even checked", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const result = await changePassword(db, { user: ana, currentPassword: "not checked", newPassword: "letmein123", address: null, now: NOW });
    expect(result).toEqual({ ok: false, field: "newPassword", message: expect.stringContaining("a common word with digits added is guessed quickly") });
    expect(log.events()).toEqual([]);
  });
});
