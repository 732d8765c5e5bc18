import "server-only";
import { seal, unseal } from "@/lib/auth/secret-box";

// An email about the account (a password reset link) goes through the
// reminders' outbox like any reminder: written in the transaction that made
// the link, claimed and sent once, retried when the SMTP server is away. Its
// text holds a live link, so the outbox keeps it sealed with the auth secret,
// bound to the delivery's user, and forgets it once sent.

export type AccountEmail = { subject: string; text: string };

/** What an account email's outbox row holds: the subject in the clear (Settings lists failures by it), the text sealed. */
type Stored = { subject: string; sealed?: string };

const context = (userId: string) => `account-email ${userId}`;

export function storedAccountEmail(userId: string, { subject, text }: AccountEmail): string {
  return JSON.stringify({ subject, sealed: seal("account-email", text, context(userId)) } satisfies Stored);
}

/** The row once sent: the subject alone. */
export const sentAccountEmail = (message: string): string => JSON.stringify({ subject: (JSON.parse(message) as Stored).subject } satisfies Stored);

/** The email to send, or null when its text cannot be opened (sent already, or sealed under another auth secret). */
export function openAccountEmail(userId: string, message: string): AccountEmail | null {
  const { subject, sealed } = JSON.parse(message) as Stored;
  const text = sealed ? unseal("account-email", sealed, context(userId)) : null;
  return text === null ? null : { subject, text };
}
