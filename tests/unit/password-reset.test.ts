import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { passwordResets, reminderDeliveries } from "@/db/schema";
import { requestPasswordReset, resetPassword, resetTokenHash, RESET_LINK_MS } from "@/lib/auth/password-reset";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, checkSession } from "@/lib/data/sessions";
import { saveReminderSettings } from "@/lib/data/reminder-settings";
import { passwordHashOf } from "@/lib/data/users";
import { sendDue } from "@/lib/reminders/pass";
import { DEFAULT_REMINDER_SETTINGS } from "@/lib/reminders/settings";
import { makeUser, testDb } from "./support/db";
import { NOW } from "./support/guidance-data";
import { channelsOf, recordingChannel } from "./support/reminders";
import { captureLog } from "./support/security-log";

const ORIGIN = "https://jobs.example.com";
const NEW_PASSWORD = "velvet compass thunder 88";
type Email = { to: string; subject: string; text: string };
let db: Db;
let channel: ReturnType<typeof recordingChannel>;
let sent: Email[];
const ask = (email: string, at = NOW, address = "10.0.0.1") => requestPasswordReset(db, { email, address, origin: ORIGIN, now: at });
/** What the scheduler sends after the request: the outbox's account emails, as the email channel gets them. */
async function deliver(at = NOW) {
  const result = await sendDue(db, { channels: channelsOf(channel), clock: () => at });
  sent = channel.accounts.map((o) => ({ to: o.email, ...o.account }));
  return result;
}
const tokenOf = (email: Email) => email.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1] ?? "";

beforeEach(() => {
  db = testDb();
  channel = recordingChannel();
  sent = [];
});

describe("forgot password", () => {
  it("answers the same for an address with an account and one without, and emails only the owner", async () => {
    const log = captureLog();
    try {
      await makeUser(db, "ana@example.com");
      expect(await ask("ana@example.com")).toEqual({ ok: true });
      expect(await ask("nobody@example.com")).toEqual({ ok: true });
      await deliver();
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
    await deliver();
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
    await deliver();
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
    await deliver();
    const token = tokenOf(sent[0]);
    expect(await resetPassword(db, { token, newPassword: NEW_PASSWORD, address: null, now: new Date(NOW.getTime() + RESET_LINK_MS) })).toMatchObject({ ok: false, field: "link" });
  });

  it("is throttled like sign-in: the sixth request from one address for one email waits", async () => {
    await makeUser(db, "ana@example.com");
    for (let i = 0; i < 5; i++) expect(await ask("ana@example.com")).toEqual({ ok: true });
    expect(await ask("ana@example.com")).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many requests\./) });
  });

  it("goes through the outbox: written with the link, sealed, sent once, then forgotten", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await ask("ana@example.com");
    const [queued] = await db.select().from(reminderDeliveries);
    expect(queued).toMatchObject({ userId: ana.id, channel: "email", kind: "account", status: "pending" });
    expect(JSON.parse(queued.message)).toMatchObject({ subject: "Reset your Shortlist password" });
    expect(queued.message).not.toContain("/reset-password/");
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual([{ to: "ana@example.com", subject: "Reset your Shortlist password", text: expect.stringContaining(`${ORIGIN}/reset-password/`) }]);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    expect(channel.accounts).toHaveLength(1);
    const [done] = await db.select().from(reminderDeliveries);
    expect(done.status).toBe("sent");
    expect(JSON.parse(done.message)).toEqual({ subject: "Reset your Shortlist password" });
  });

  it("is sent even when the account turned email reminders off, and no unsubscribe comes with it", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await saveReminderSettings(db, { userId: ana.id, settings: { ...DEFAULT_REMINDER_SETTINGS, emailOn: false }, now: NOW });
    await ask("ana@example.com");
    await deliver();
    expect(sent.map((m) => m.to)).toEqual(["ana@example.com"]);
    expect(sent[0].text).not.toMatch(/unsubscribe/i);
  });

  it("waits out an SMTP server that is away, and is delivered once when it is back", async () => {
    await makeUser(db, "ana@example.com");
    await ask("ana@example.com");
    channel.failWith = "the SMTP server could not be reached";
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    channel.failWith = null;
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    expect(await deliver(new Date(NOW.getTime() + 10 * 60_000))).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    const token = tokenOf(sent[0]);
    expect(await resetPassword(db, { token, newPassword: NEW_PASSWORD, address: null, now: new Date(NOW.getTime() + 10 * 60_000) })).toEqual({ ok: true });
  });
});
