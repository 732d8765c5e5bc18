import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { passwordResets } from "@/db/schema";
import { requestPasswordReset, resetPassword, resetTokenHash, RESET_LINK_MS } from "@/lib/auth/password-reset";
import type { AccountEmail } from "@/lib/auth/mailer";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, checkSession } from "@/lib/data/sessions";
import { passwordHashOf } from "@/lib/data/users";
import { makeUser, testDb } from "./support/db";
import { NOW } from "./support/guidance-data";
import { captureLog } from "./support/security-log";

const ORIGIN = "https://jobs.example.com";
const NEW_PASSWORD = "velvet compass thunder 88";
let db: Db;
let sent: AccountEmail[];
const send = async (email: AccountEmail) => void sent.push(email);
const ask = (email: string, at = NOW, address = "10.0.0.1") => requestPasswordReset(db, { email, address, origin: ORIGIN, now: at, send });
const tokenOf = (email: AccountEmail) => email.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1] ?? "";

beforeEach(() => {
  db = testDb();
  sent = [];
});

describe("forgot password", () => {
  it("answers the same for an address with an account and one without, and emails only the owner", async () => {
    const log = captureLog();
    try {
      await makeUser(db, "ana@example.com");
      expect(await ask("ana@example.com")).toEqual({ ok: true });
      expect(await ask("nobody@example.com")).toEqual({ ok: true });
      await Promise.resolve();
      expect(sent.map((m) => m.to)).toEqual(["ana@example.com"]);
      expect(sent[0].text).toContain(`${ORIGIN}/reset-password/`);
      expect(log.events().filter((e) => e === "password-reset-requested")).toHaveLength(2);
    } finally {
      log.restore();
    }
  });

  it("keeps only the token's hash", async () => {
    const log = captureLog();
    await makeUser(db, "ana@example.com");
    await ask("ana@example.com");
    await Promise.resolve();
    const token = tokenOf(sent[0]);
    const rows = await db.select().from(passwordResets);
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(resetTokenHash(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(log.raw.join("")).not.toContain(token);
    log.restore();
  });

  it("works once, ends every session, and a second use is refused", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const session = await createSession(db, { userId: ana.id, userAgent: "Firefox", address: "10.0.0.1", now: NOW });
    expect(await checkSession(db, { userId: ana.id, sessionId: session, sessionVersion: ana.sessionVersion, now: NOW })).toMatchObject({ ok: true });
    await ask("ana@example.com");
    await Promise.resolve();
    const token = tokenOf(sent[0]);
    expect(await resetPassword(db, { token, newPassword: "password", address: null, now: NOW })).toMatchObject({ ok: false, field: "newPassword" });
    expect(await resetPassword(db, { token, newPassword: NEW_PASSWORD, address: null, now: NOW })).toEqual({ ok: true });
    expect(await verifyPassword(NEW_PASSWORD, (await passwordHashOf(db, { userId: ana.id })) ?? "")).toBe(true);
    expect(await checkSession(db, { userId: ana.id, sessionId: session, sessionVersion: ana.sessionVersion, now: NOW })).toMatchObject({ ok: false });
    expect(await resetPassword(db, { token, newPassword: "another fine passphrase 7", address: null, now: NOW })).toMatchObject({ ok: false, field: "link" });
  });

  it("stops working 30 minutes after it was sent", async () => {
    await makeUser(db, "ana@example.com");
    await ask("ana@example.com");
    await Promise.resolve();
    const token = tokenOf(sent[0]);
    expect(await resetPassword(db, { token, newPassword: NEW_PASSWORD, address: null, now: new Date(NOW.getTime() + RESET_LINK_MS) })).toMatchObject({ ok: false, field: "link" });
  });

  it("is throttled like sign-in: the sixth request from one address for one email waits", async () => {
    await makeUser(db, "ana@example.com");
    for (let i = 0; i < 5; i++) expect(await ask("ana@example.com")).toEqual({ ok: true });
    expect(await ask("ana@example.com")).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many requests\./) });
  });
});
