import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { reminderSettingsOf } from "@/lib/data/reminder-settings";
import { emailChannel } from "@/lib/reminders/email";
import { schedulerPass } from "@/lib/reminders/pass";
import { retryDelay } from "@/lib/reminders/timing";
import { unsubscribeToken, userOfUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";
import { testDb } from "./support/db";
import { NOW } from "./support/guidance-data";
import { accountWithReminders, channelsOf, deliveryRows } from "./support/reminders";
import { freePort, startSmtp } from "./support/smtp";
import { turnOffEmailReminders } from "@/lib/data/reminder-settings";

const ORIGIN = "https://jobs.example.com";
const envFor = (smtpUrl: string) => ({ ...process.env, SHORTLIST_SMTP_URL: smtpUrl, SHORTLIST_URL: ORIGIN, SHORTLIST_MAIL_FROM: "Shortlist <reminders@example.com>" });
const passAt = (db: Db, at: Date, smtpUrl: string) => schedulerPass(db, { channels: channelsOf(emailChannel(envFor(smtpUrl))), clock: () => at });

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe("reminder emails over SMTP", () => {
  it("carry plain text and HTML in the user's date format, the reasons, the source line, a link, a stable Message-ID and one-click unsubscribe", async () => {
    const smtp = await startSmtp();
    closers.push(smtp.close);
    const db = testDb();
    const { user, app, upcoming } = await accountWithReminders(db, "ana@example.com", { emailCarries: "digest" });
    expect(await passAt(db, NOW, smtp.url)).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    const [row] = await deliveryRows(db);
    expect(mail.to).toEqual(["ana@example.com"]);
    expect(mail.header("From")).toBe("Shortlist <reminders@example.com>");
    expect(mail.header("Subject")).toBe("Today: 1 interview, 4 steps due");
    expect(mail.header("Message-ID")).toBe(`<${row.id}@shortlist.reminders>`);
    const token = unsubscribeToken(user.id);
    expect(mail.header("List-Unsubscribe")).toBe(`<${ORIGIN}/api/unsubscribe/${token}>`);
    expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const flat = mail.raw.replace(/=\r?\n/g, "");
    expect(flat).toContain("Your plan for Wed, 25 Nov 2026.");
    expect(flat).toContain("Starts Wed, 25 Nov 2026, 15:00");
    expect(flat).toContain("Your second interview with Acme is on Wed, 25 Nov 2026, 15:00, in 2 hours.");
    expect(flat).toContain("From =E2=80=9CRefine Your Responses=E2=80=9D in Does a Second Interview Mean You Got the Job");
    expect(flat).toContain(`${ORIGIN}/applications/${app.id}`);
    expect(flat).toContain(`${ORIGIN}/unsubscribe/${token}`);
    expect(upcoming).toBeTruthy();
  });

  it("with the SMTP server down, keeps the reason, backs off, and delivers once after it returns", async () => {
    const port = await freePort();
    const url = `smtp://127.0.0.1:${port}`;
    const db = testDb();
    await accountWithReminders(db, "ana@example.com", { emailCarries: "digest" });
    expect(await passAt(db, NOW, url)).toMatchObject({ sent: 0, failed: 1 });
    const [failed] = await deliveryRows(db);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "the SMTP server could not be reached" });

    const smtp = await startSmtp(port);
    closers.push(smtp.close);
    // Back, but the retry is not due yet: nothing goes out before its time.
    expect(await passAt(db, new Date(NOW.getTime() + retryDelay(1) - 1000), url)).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(0);
    expect(await passAt(db, new Date(NOW.getTime() + retryDelay(1)), url)).toMatchObject({ sent: 1, failed: 0 });
    expect(await passAt(db, new Date(NOW.getTime() + 2 * retryDelay(1)), url)).toMatchObject({ recorded: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].header("Message-ID")).toBe(`<${failed.id}@shortlist.reminders>`);
  });
});

describe("the unsubscribe token", () => {
  it("names its account, and nothing forged or moved to another account passes", async () => {
    const token = unsubscribeToken("user-a");
    expect(userOfUnsubscribeToken(token)).toBe("user-a");
    const mac = token.slice(token.lastIndexOf(".") + 1);
    expect(userOfUnsubscribeToken(`user-b.${mac}`)).toBeNull();
    expect(userOfUnsubscribeToken(`${token}x`)).toBeNull();
    expect(userOfUnsubscribeToken("user-a")).toBeNull();
    expect(userOfUnsubscribeToken("")).toBeNull();
  });

  it("turns off only that account's email, and answers false for an account that is gone", async () => {
    const db = testDb();
    const { user: ana } = await accountWithReminders(db, "ana@example.com");
    const { user: ben } = await accountWithReminders(db, "ben@example.com");
    expect(await turnOffEmailReminders(db, { userId: ana.id, now: NOW })).toBe(true);
    expect((await reminderSettingsOf(db, { userId: ana.id })).emailOn).toBe(false);
    expect((await reminderSettingsOf(db, { userId: ben.id })).emailOn).toBe(true);
    expect(await turnOffEmailReminders(db, { userId: "no-such-user", now: NOW })).toBe(false);
  });
});
