import "server-only";
import nodemailer from "nodemailer";
import { reminderOrigin } from "@/lib/reminders/origin";

// One-off account emails (a password reset link), sent straight through the
// SMTP server rather than the reminders' outbox: the outbox keeps what it
// sends in the database, and a reset link must not be kept anywhere in the clear.

export type AccountEmail = { to: string; subject: string; text: string };
export type SendAccountEmail = (email: AccountEmail) => Promise<void>;

export function accountMailer(env: NodeJS.ProcessEnv = process.env): SendAccountEmail | null {
  const url = env.SHORTLIST_SMTP_URL?.trim();
  if (!url) return null;
  const transport = nodemailer.createTransport(url, { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 });
  const from = env.SHORTLIST_MAIL_FROM?.trim() || `Shortlist <shortlist@${new URL(reminderOrigin(env)).hostname}>`;
  return async ({ to, subject, text }) => {
    await transport.sendMail({ from, to, subject, text });
  };
}
