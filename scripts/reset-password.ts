// For operators of a server without email: a single-use link (valid 30
// minutes) to choose a new password for an account, to hand to its owner.
//   npm run user:reset-password -- <email>
// Prints the link alone on standard output; using it ends every session.
import { openConfigured } from "../db/open-configured";
import { issueResetLink } from "../lib/auth/password-reset";
import { findUserByEmail } from "../lib/data/users";
import { reminderOrigin } from "../lib/reminders/origin";
import { redirectLog, securityLog } from "../lib/security-log";

const USAGE = "Usage: npm run user:reset-password -- <email>";

async function main() {
  // Standard output carries the link alone: the security log's line goes to standard error.
  redirectLog({ write: (line: string) => void process.stderr.write(line) });
  const email = process.argv[2]?.trim().toLowerCase();
  if (!email || email.startsWith("-")) throw new Error(USAGE);
  const { db, close } = await openConfigured(undefined, { needsSecret: true });
  try {
    const user = await findUserByEmail(db, { email });
    if (!user) throw new Error(`No account has the email ${email}.`);
    const link = await issueResetLink(db, { userId: user.id, origin: reminderOrigin(), now: new Date() });
    securityLog("password-reset-requested", { userId: user.id, address: null, attempt: "command-line" });
    process.stdout.write(`${link}\n`);
    console.error("The link works once, for 30 minutes. Set SHORTLIST_URL so it points at the address people use.");
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
