import type { Db } from "@/db/open";
import { issueResetLink, requestPasswordReset, resetPassword, resetTokenHash } from "@/lib/auth/password-reset";
import { createPasswordReset, spendPasswordReset } from "@/lib/data/password-resets";
import { HOUR, NOW } from "./guidance-data";

const ORIGIN = "https://jobs.example.com";
/** Passes the screening: not common, not the email's name. */
const NEW_PASSWORD = "lantern orchard quiver 42";

export type ResetFixture = { db: Db; user: { id: string; email: string }; resetToken: string };

/** A live reset link of Ana's: its token. */
export async function prepareReset(db: Db, { anaId }: { anaId: string }): Promise<string> {
  const link = await issueResetLink(db, { userId: anaId, origin: ORIGIN, now: NOW });
  return link.slice(link.lastIndexOf("/") + 1);
}

export const RESET_WRITE_CASES: Record<string, (f: ResetFixture) => unknown> = {
  "lib/auth/password-reset.ts#issueResetLink": (f) => issueResetLink(f.db, { userId: f.user.id, origin: ORIGIN, now: NOW }),
  "lib/auth/password-reset.ts#requestPasswordReset": (f) =>
    requestPasswordReset(f.db, { email: f.user.email, address: "10.0.0.9", origin: ORIGIN, now: NOW }),
  "lib/auth/password-reset.ts#resetPassword": (f) => resetPassword(f.db, { token: f.resetToken, newPassword: NEW_PASSWORD, address: null, now: NOW }),
  "lib/data/password-resets.ts#createPasswordReset": (f) =>
    createPasswordReset(f.db, { userId: f.user.id, tokenHash: "another-hash", expiresAt: new Date(NOW.getTime() + HOUR), now: NOW, email: { subject: "Reset", text: "a link" } }),
  "lib/data/password-resets.ts#spendPasswordReset": (f) => spendPasswordReset(f.db, { tokenHash: resetTokenHash(f.resetToken), passwordHash: "new-hash", now: NOW }),
};
