// Imports a file into one account, with the same code and messages as the
// import page.
//   npm run data:import -- --user you@example.com "Job Applications.csv" [--dry-run]
//     [--map "Column=field"]... [--status "Stage=status"]...
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { commitImport, duplicateFieldsOf, findImportOfFile } from "../lib/data/imports";
import { findUserByEmail } from "../lib/data/users";
import { checkRows, prepareImport } from "../lib/import/analyse";
import { knownKeys } from "../lib/import/duplicates";
import { headerKey } from "../lib/import/fields";
import { formatBytes } from "../lib/import/limits";
import { isZip, openExportZip } from "../lib/import/export-zip";
import { fileHash, planFromAnalysis } from "../lib/import/plan";
import { stageKey } from "../lib/import/status-map";
import { summarise } from "../lib/import/summary";
import { summaryLines } from "../lib/import/summary-text";
import { importOptionsSchema } from "../lib/validation/import-options";
import { plural } from "../lib/text/plural";
import { openConfigured } from "../db/open-configured";

const USAGE = 'Usage: npm run data:import -- --user <email> <file> [--dry-run] [--map "Column=field"]... [--status "Stage=status"]...';
const progress = (line: string) => process.stderr.write(`\r${line}\x1b[K`);

function pairs(values: string[] | undefined, flag: string): [string, string][] {
  return (values ?? []).map((v) => {
    const at = v.lastIndexOf("=");
    if (at <= 0) throw new Error(`${flag} takes "name=value", not "${v}".`);
    return [v.slice(0, at).trim(), v.slice(at + 1).trim()];
  });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      user: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      map: { type: "string", multiple: true },
      status: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const file = positionals[0];
  if (!values.user || !file || positionals.length > 1) throw new Error(USAGE);
  const raw = readFileSync(file);
  // A ZIP export ("Download everything"): its JSON is read as the export, its files restored with it.
  const opened = isZip(raw) ? openExportZip(raw) : null;
  if (opened && !opened.ok && opened.ours) throw new Error(opened.message);
  const bytes = opened?.ok ? opened.json : raw;
  const { db, where, close } = await openConfigured();
  try {
    const user = await findUserByEmail(db, { email: values.user.trim().toLowerCase() });
    if (!user) throw new Error(`No account uses ${values.user}. Sign up in the app first.`);
    console.log(`Reading ${file} (${formatBytes(statSync(file).size)}) for ${user.email}…`);

    // The file's own header decides what --map names; read it once without choices.
    const plain = prepareImport({ bytes, options: {}, timeZone: user.timeZone });
    if (!plain.ok) throw new Error(plain.message);
    const header = plain.prepared.kind === "csv" ? plain.prepared.base.header : [];
    let mapping = plain.prepared.kind === "csv" ? [...plain.prepared.base.mapping] : undefined;
    for (const [column, field] of pairs(values.map, "--map")) {
      const i = header.findIndex((h) => headerKey(h) === headerKey(column));
      if (i < 0 || !mapping) throw new Error(`--map: this file has no column "${column}". Its columns: ${header.join(", ")}`);
      mapping[i] = field as (typeof mapping)[number];
    }
    if (!values.map?.length) mapping = undefined;
    const statuses = Object.fromEntries(pairs(values.status, "--status").map(([stage, status]) => [stageKey(stage), status.toLowerCase()]));
    const options = importOptionsSchema.safeParse({ mapping, statuses });
    if (!options.success) throw new Error(options.error.issues[0].message);

    const prepared = prepareImport({ bytes, options: options.data, timeZone: user.timeZone });
    if (!prepared.ok) throw new Error(prepared.message);
    const now = new Date();
    const analysis = await checkRows(prepared.prepared, { now, onProgress: (_phase, done, total) => progress(`Checking rows: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`) });
    process.stderr.write("\n");
    const hash = fileHash(raw);
    const summary = summarise(analysis, knownKeys(await duplicateFieldsOf(db, { userId: user.id })));
    const earlier = await findImportOfFile(db, { userId: user.id, fileHash: hash });
    if (earlier) console.log(`You imported this same file on ${earlier.createdAt.toISOString().slice(0, 10)}; importing it again adds only what isn't in Shortlist yet.`);
    console.log(summaryLines(summary).join("\n"));
    if (summary.mappingProblems.length) {
      process.exitCode = 1;
      return;
    }
    if (values["dry-run"]) {
      console.log("\nDry run: nothing was saved.");
      return;
    }
    const plan = planFromAnalysis(analysis, { name: file, hash });
    const outcome = await commitImport(db, {
      userId: user.id,
      plan: plan.kind === "account" && opened?.ok ? { ...plan, files: opened.files } : plan,
      now,
      onProgress: (done, total) => progress(`Saving: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`),
    });
    process.stderr.write("\n");
    console.log(
      outcome.importId
        ? `\nImported ${outcome.added.toLocaleString("en-US")} applications${outcome.filesRestored ? ` and ${plural(outcome.filesRestored, "document file")}` : ""} into ${where}. In the app: /applications?imported=${outcome.importId}`
        : "\nNothing new to import: everything in this file is already in Shortlist.",
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
