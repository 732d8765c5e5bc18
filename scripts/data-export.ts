// Writes one account's data, as the Settings page's downloads do.
//   npm run data:export -- --user you@example.com --format json|csv [path]
// Without a path the file is named as the download is, in this folder; "-" writes to standard output.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { exportDocument, exportJsonChunks } from "../lib/data/account-export";
import { findUserByEmail } from "../lib/data/users";
import { applicationsCsvChunks } from "../lib/export/csv";
import { localDate } from "../lib/time/zoned";
import { openConfigured } from "../db/open-configured";

const USAGE = "Usage: npm run data:export -- --user <email> --format json|csv [path]";

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { user: { type: "string" }, format: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const format = values.format;
  if (!values.user || (format !== "json" && format !== "csv") || positionals.length > 1) throw new Error(USAGE);
  const { db, where, close } = await openConfigured();
  try {
    const user = await findUserByEmail(db, { email: values.user.trim().toLowerCase() });
    if (!user) throw new Error(`No account uses ${values.user}.`);
    const now = new Date();
    process.stderr.write(`Reading ${user.email}'s data from ${where}…\n`);
    const document = await exportDocument(db, { userId: user.id, now });
    const day = localDate(now, user.timeZone);
    const target = positionals[0] ?? (format === "json" ? `shortlist-export-${day}.json` : `shortlist-applications-${day}.csv`);
    const out: Writable = target === "-" ? process.stdout : createWriteStream(target);
    const total = document.applications.length;
    const chunks = format === "json" ? exportJsonChunks(document, 100) : applicationsCsvChunks(document.applications, now, 100);
    // The first piece of either format is its header, before any application.
    let written = -100;
    for (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, "drain");
      written = Math.max(0, Math.min(total, written + 100));
      process.stderr.write(`\rWriting: ${written.toLocaleString("en-US")}/${total.toLocaleString("en-US")} applications\x1b[K`);
    }
    if (out !== process.stdout) {
      out.end();
      await once(out, "finish");
    }
    const rounds = document.applications.reduce((sum, a) => sum + a.rounds.length, 0);
    process.stderr.write(`\nWrote ${total.toLocaleString("en-US")} applications (${rounds.toLocaleString("en-US")} rounds) as ${format.toUpperCase()}${target === "-" ? "" : ` to ${target}`}.\n`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
