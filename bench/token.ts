// npm run bench -- --engine postgres: an access token for an account on the
// Postgres database DATABASE_URL names (scripts/token-create.ts, which the
// SQLite pass runs, opens the SQLite file). Prints the token alone.
//   DATABASE_URL=postgres://… tsx --conditions=react-server bench/token.ts <email>
import { openPostgres } from "../db/postgres/open";
import { issueAccessToken } from "../lib/auth/access-tokens";
import { findUserByEmail } from "../lib/data/users";
import { redirectLog } from "../lib/security-log";

async function main() {
  redirectLog({ write: (line: string) => void process.stderr.write(line) });
  const email = process.argv[2];
  const url = process.env.DATABASE_URL;
  if (!email || !url) throw new Error("usage: DATABASE_URL=postgres://… bench/token.ts <email>");
  const { db, close } = await openPostgres(url);
  try {
    const user = await findUserByEmail(db, { email });
    if (!user) throw new Error(`no account uses ${email}`);
    const result = await issueAccessToken(db, { userId: user.id, name: "Bench", scope: "read", expiresAt: null, now: new Date(), address: null });
    if (!result.ok) throw new Error("too many tokens");
    process.stdout.write(`${result.token}\n`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
