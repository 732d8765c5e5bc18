import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { signUpRequests, users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import type { AccountEmail } from "@/lib/auth/mailer";
import { registerAccount } from "@/lib/auth/sign-up";
import { finishSignUpFromLink, SIGN_UP_LINK_MS, signUpTokenHash } from "@/lib/auth/sign-up-link";
import { passwordHashOf } from "@/lib/data/users";
import { makeUser, testDb } from "./support/db";
import { NOW } from "./support/guidance-data";
import { captureLog } from "./support/security-log";

// Sign-up on a server that sends email: the same answer for every address;
// a new one finishes from its emailed link, an account's owner is told.

const ORIGIN = "https://jobs.example.com";
const PASSWORD = "lantern orchard quiver 42";
let db: Db;
let sent: AccountEmail[];
let log: ReturnType<typeof captureLog>;
const mail = { send: async (email: AccountEmail) => void sent.push(email), origin: ORIGIN };
const signUp = (email: string, at = NOW) =>
  registerAccount(db, { input: { name: "Dee", email, password: PASSWORD, timeZone: "Europe/Lisbon" }, address: "10.0.0.1", now: at, env: {}, mail });
const tokenOf = (email: AccountEmail) => email.text.match(/\/sign-up\/finish\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
const finish = (token: string, at: Date, password = PASSWORD) => finishSignUpFromLink(db, { token, password, address: "10.0.0.2", now: at });

beforeEach(() => {
  db = testDb();
  sent = [];
  log = captureLog();
});
afterEach(() => log.restore());

describe("sign-up when the server sends email", () => {
  it("answers a taken address exactly as a new one, and emails its owner instead of making anything", async () => {
    const owner = await makeUser(db, "ana@example.com");
    const ownersHash = await passwordHashOf(db, { userId: owner.id });
    const taken = await signUp("ana@example.com");
    const fresh = await signUp("dee@example.com");
    expect(taken).toEqual({ ok: true, checkEmail: true });
    expect(fresh).toEqual(taken);

    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      ["ana@example.com", "Someone tried to sign up with your address"],
      ["dee@example.com", "Finish creating your Shortlist account"],
    ]);
    expect(sent[0].text).toContain(`Sign in: ${ORIGIN}/sign-in\n`);
    expect(sent[0].text).toContain(`Forgot your password? Choose a new one: ${ORIGIN}/sign-in/forgot\n`);
    expect(sent[0].text).not.toContain("/sign-up/finish/");
    // The owner's account is as it was; no account exists yet for the new address, and only its request was kept.
    expect(await passwordHashOf(db, { userId: owner.id })).toBe(ownersHash);
    expect((await db.select({ email: users.email }).from(users)).map((u) => u.email)).toEqual(["ana@example.com"]);
    const requests = await db.select().from(signUpRequests);
    expect(requests).toMatchObject([{ email: "dee@example.com", name: "Dee", timeZone: "Europe/Lisbon", expiresAt: new Date(NOW.getTime() + SIGN_UP_LINK_MS), usedAt: null }]);
    // Only the token's hash is stored; the link carries the token.
    const token = tokenOf(sent[1]);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(requests[0].tokenHash).toBe(signUpTokenHash(token));
    expect(JSON.stringify(requests)).not.toContain(token);
    expect(log.security().filter((l) => l.event === "sign-up-requested").map((l) => [l.userId, l.reason])).toEqual([
      [owner.id, "address-has-an-account"],
      [null, "new-address"],
    ]);
  });

  it("finishes the account from the link with the password chosen, once, and signs in with it", async () => {
    await signUp("dee@example.com");
    const token = tokenOf(sent[0]);
    const at = new Date(NOW.getTime() + 10 * 60_000);
    expect(await finish(token, at, "not the one chosen")).toEqual({ ok: false, field: "password", message: "That is not the password you chose when you signed up." });
    expect(await finish(token, at)).toEqual({ ok: true, email: "dee@example.com" });
    const [dee] = await db.select({ id: users.id, name: users.name, timeZone: users.timeZone }).from(users);
    expect(dee).toMatchObject({ name: "Dee", timeZone: "Europe/Lisbon" });
    expect(await checkCredentials(db, { email: "dee@example.com", password: PASSWORD }, { address: null, now: at })).toMatchObject({ ok: true, userId: dee.id });
    expect(log.security().find((l) => l.event === "account-created")).toMatchObject({ userId: dee.id, address: "10.0.0.2" });
    // Single use.
    expect(await finish(token, at)).toMatchObject({ ok: false, field: "link" });
    expect(await db.select().from(users)).toHaveLength(1);
  });

  it("works for 30 minutes and not a moment after", async () => {
    await signUp("dee@example.com");
    const token = tokenOf(sent[0]);
    expect(await finish(token, new Date(NOW.getTime() + SIGN_UP_LINK_MS))).toEqual({
      ok: false,
      field: "link",
      message: "This link has expired or has been used. Sign up again to get a new one.",
    });
    expect(await finish(token, new Date(NOW.getTime() + SIGN_UP_LINK_MS - 1))).toEqual({ ok: true, email: "dee@example.com" });
  });

  it("refuses a forged token, and a link whose address got an account meanwhile", async () => {
    expect(await finish("forged-token", NOW)).toMatchObject({ ok: false, field: "link" });
    await signUp("dee@example.com");
    const token = tokenOf(sent[0]);
    await makeUser(db, "dee@example.com");
    expect(await finish(token, NOW)).toEqual({ ok: false, field: "link", message: "This address has an account already: sign in instead." });
    expect(await finish(token, NOW)).toMatchObject({ ok: false, field: "link", message: expect.stringContaining("expired or has been used") });
  });

  it("drops spent and expired requests as new ones come", async () => {
    await signUp("dee@example.com");
    await finish(tokenOf(sent[0]), NOW);
    await signUp("eve@example.com");
    await signUp("fay@example.com", new Date(NOW.getTime() + SIGN_UP_LINK_MS + 1));
    expect((await db.select({ email: signUpRequests.email }).from(signUpRequests)).map((r) => r.email)).toEqual(["fay@example.com"]);
  });

  it("without email, signs up as before: the account at once, and a taken address told so", async () => {
    const plain = (email: string) => registerAccount(db, { input: { name: "Dee", email, password: PASSWORD }, address: "10.0.0.1", now: NOW, env: {} });
    expect(await plain("dee@example.com")).toMatchObject({ ok: true, userId: expect.any(String) });
    expect(await plain("dee@example.com")).toEqual({ ok: false, reason: "invalid", field: "email", message: "An account with this email already exists. Sign in instead." });
    expect(sent).toEqual([]);
  });
});
