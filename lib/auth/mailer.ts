import "server-only";
import nodemailer from "nodemailer";
import { reminderOrigin } from "@/lib/reminders/origin";

// Sign-up's emails (the link that finishes an account, the note to an
// address's owner), sent straight through the SMTP server. Unlike a reset
// link (lib/auth/password-reset.ts) they cannot go through the reminders'
// outbox, whose rows belong to an account, and the new address has none yet.
// Nothing is lost with a failed send but the email: the request stays, and
// signing up again sends another. A failed send is logged.

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
