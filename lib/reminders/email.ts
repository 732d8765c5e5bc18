import "server-only";
import nodemailer from "nodemailer";
import { DeliveryError, type Outgoing, type ReminderChannel } from "./channel";
import { reminderOrigin } from "./origin";
import { renderHtml, renderText } from "./render";
import { unsubscribeToken } from "./unsubscribe-token";

// Email over SMTP (nodemailer): on once SHORTLIST_SMTP_URL is set.

/** The timeouts stay well inside the claim's lease (lib/data/reminder-claim.ts), so a slow server cannot make two senders send one row. */
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export const smtpConfigured = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.SHORTLIST_SMTP_URL?.trim());

function mailFrom(env: NodeJS.ProcessEnv): string {
  return env.SHORTLIST_MAIL_FROM?.trim() || `Shortlist <shortlist@${new URL(reminderOrigin(env)).hostname}>`;
}

/** nodemailer's error, in words a user can act on. */
function reasonOf(error: unknown): DeliveryError {
  const e = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  if (e.code === "EAUTH") return new DeliveryError("the SMTP server refused the login");
  if (e.code === "EENVELOPE") return new DeliveryError("the SMTP server refused the address", true);
  if (e.code === "ETIMEDOUT") return new DeliveryError("the SMTP server did not answer in time");
  if (e.code === "ECONNECTION" || e.code === "ESOCKET" || e.code === "EDNS") return new DeliveryError("the SMTP server could not be reached");
  if (typeof e.responseCode === "number") return new DeliveryError(`the SMTP server refused the message (${e.responseCode})`, e.responseCode >= 500);
  return new DeliveryError("the email could not be sent");
}

export function emailChannel(env: NodeJS.ProcessEnv = process.env): ReminderChannel {
  const url = env.SHORTLIST_SMTP_URL?.trim();
  if (!url) throw new Error("SHORTLIST_SMTP_URL is not set");
  const transport = nodemailer.createTransport(url, SMTP_TIMEOUTS);
  const origin = reminderOrigin(env);
  const from = mailFrom(env);
  /** About the account, not a reminder: plain text, and no unsubscribe (turning reminders off must not stop a reset link). */
  async function sendAccountEmail({ id, email, account }: Extract<Outgoing, { kind: "account" }>) {
    try {
      await transport.sendMail({ from, to: email, subject: account.subject, text: account.text, messageId: `<${id}@shortlist.account>` });
    } catch (error) {
      throw reasonOf(error);
    }
  }
  return {
    name: "email",
    async send(outgoing: Outgoing) {
      if (outgoing.kind === "account") return sendAccountEmail(outgoing);
      const { id, userId, email, message } = outgoing;
      const token = unsubscribeToken(userId);
      const unsubscribe = `${origin}/unsubscribe/${token}`;
      try {
        await transport.sendMail({
          from,
          to: email,
          subject: message.subject,
          text: renderText(message, { origin, unsubscribe }),
          html: renderHtml(message, { origin, unsubscribe }),
          // One id per delivery, the same on every retry: a message the server took but never confirmed is recognised as the same one.
          messageId: `<${id}@shortlist.reminders>`,
          // RFC 8058 one-click: the mail client posts to this URL, with no sign-in and no page to open.
          headers: { "List-Unsubscribe": `<${origin}/api/unsubscribe/${token}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
      } catch (error) {
        throw reasonOf(error);
      }
    },
  };
}
