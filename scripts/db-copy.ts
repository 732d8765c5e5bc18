// Moves a stopped SQLite database into an empty Postgres database, for a
// Shortlist outgrowing one machine (docs/your-data.md, "Moving to PostgreSQL").
//   npm run db:copy -- --to postgres://user:password@host:5432/shortlist [--from data/shortlist.db]
// One transaction: every table or none, each table's row count checked.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CopyError, copySqliteToPostgres } from "../db/copy/sqlite-to-postgres";
import { databasePath } from "../db/location";
import { describeUrl } from "../db/postgres/startup";

const USAGE = "Usage: npm run db:copy -- --to postgres://… [--from <SQLite file>] (with the app stopped)";

async function main() {
  const { values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const to = values.to?.trim();
  if (!to || !/^postgres(ql)?:\/\//i.test(to)) throw new CopyError(USAGE);
  const from = values.from ? values.from : databasePath();
  console.log(`Copying ${from}`);
  console.log(`     to ${describeUrl(to)}`);
  const counts = await copySqliteToPostgres({
    from,
    to,
    onProgress: (table, done, total) => process.stderr.write(`\r${table}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows\x1b[K`),
  });
  process.stderr.write("\r\x1b[K");
  const rows = counts.reduce((sum, c) => sum + c.rows, 0);
  const of = (table: string) => counts.find((c) => c.table === table)?.rows ?? 0;
  console.log(`Copied ${counts.length} tables, ${rows.toLocaleString("en-US")} rows (${of("users")} accounts, ${of("applications")} applications); every table's row count matches.`);
  for (const line of nextSteps(from)) console.log(line);
}

/**
 * Sessions, access tokens and two-factor secrets are sealed with the auth
 * secret, and push subscriptions with the VAPID keys: the Postgres servers
 * must be given the ones this SQLite install kept beside its database.
 */
function nextSteps(from: string): string[] {
  const beside = (name: string) => path.join(path.dirname(path.resolve(from)), name);
  const secret = process.env.AUTH_SECRET?.trim() ? "the AUTH_SECRET it ran with" : existsSync(beside("auth-secret")) ? `the content of ${beside("auth-secret")}` : null;
  const lines = ["Next, on every server: DATABASE_URL=<that address>"];
  if (secret) lines.push(`  AUTH_SECRET=${secret} (sessions, access tokens and two-factor secrets are sealed with it)`);
  else lines.push("  AUTH_SECRET=<the secret this install used> (sessions, access tokens and two-factor secrets are sealed with it)");
  if (existsSync(beside("vapid-keys"))) {
    const keys = JSON.parse(readFileSync(beside("vapid-keys"), "utf8")) as { publicKey: string };
    lines.push(`  SHORTLIST_VAPID_PUBLIC_KEY=${keys.publicKey} and SHORTLIST_VAPID_PRIVATE_KEY=<privateKey in ${beside("vapid-keys")}> (push reminders keep working)`);
  }
  lines.push("The SQLite file is left as it was: keep it until the Postgres install has run for a while.");
  return lines;
}

main().catch((error: unknown) => {
  process.stderr.write("\n");
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
