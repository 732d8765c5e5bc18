// Makes a personal access token for an account, for operators and scripts.
//   npm run token:create -- --user you@example.com --scope read|write [--name "…"] [--days 30|90|365]
// Prints the token alone on standard output (so `$(npm run -s token:create …)` works); everything else goes to standard error.
import { parseArgs } from "node:util";
import { openConfigured } from "../db/open-configured";
import { issueAccessToken } from "../lib/auth/access-tokens";
import { findUserByEmail } from "../lib/data/users";
import { redirectLog } from "../lib/security-log";
import { DAY_MS } from "../lib/time/units";

const USAGE = 'Usage: npm run token:create -- --user <email> --scope read|write [--name "…"] [--days 30|90|365]';

async function main() {
  // Standard output carries the token alone: the security log's line goes to standard error.
  redirectLog({ write: (line: string) => void process.stderr.write(line) });
  const { values } = parseArgs({
    options: { user: { type: "string" }, scope: { type: "string" }, name: { type: "string" }, days: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const scope = values.scope;
  const days = values.days === undefined ? null : Number(values.days);
  if (!values.user || (scope !== "read" && scope !== "write") || (days !== null && ![30, 90, 365].includes(days))) throw new Error(USAGE);
  const name = (values.name ?? "Made on the command line").trim().slice(0, 80) || "Made on the command line";
  const { db, close } = await openConfigured(undefined, { needsSecret: true });
  try {
    const user = await findUserByEmail(db, { email: values.user.trim().toLowerCase() });
    if (!user) throw new Error(`No account uses ${values.user}.`);
    const now = new Date();
    const expiresAt = days === null ? null : new Date(now.getTime() + days * DAY_MS);
    const result = await issueAccessToken(db, { userId: user.id, name, scope, expiresAt, now, address: null });
    if (!result.ok) throw new Error(`${user.email} has too many tokens; revoke some in Settings → Access tokens.`);
    process.stdout.write(`${result.token}\n`);
    process.stderr.write(`Made a ${scope === "read" ? "read-only" : "read-and-write"} token “${name}” for ${user.email}${days ? `, expiring in ${days} days` : ", never expiring"}. It is not stored: keep it now.\n`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
