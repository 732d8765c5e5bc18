import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { readDb } from "./db";

export const FIXTURES = path.resolve("tests/fixtures/import");
export const fixturePath = (name: string) => path.resolve(FIXTURES, name);
export const fixtureBytes = (name: string) => readFileSync(fixturePath(name));

/** Picks a file in the import page's file field and waits for its preview (or its message). */
export async function chooseFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("Your export file").setInputFiles(typeof file === "string" ? fixturePath(file) : file);
}

export const counts = (page: Page) => page.getByTestId("import-counts");

/** A LinkedIn applications file of `n` rows, for watching progress on something larger than a fixture. */
export function linkedInRows(n: number, label: string): Buffer {
  const lines = ["Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers"];
  for (let i = 0; i < n; i++) lines.push(`"3/${(i % 28) + 1}/24, 9:${String(i % 60).padStart(2, "0")} AM",,,${label} ${i},Engineer ${i},https://www.linkedin.com/jobs/view/${label}-${i}/,,`);
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** Every row in the database that names the account, by its id or email, in any table. */
export function everythingOf(userId: string, email: string): Record<string, number> {
  return readDb((db) => {
    const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const found: Record<string, number> = {};
    for (const table of tables) {
      const columns = (db.prepare("select name from pragma_table_info(?)").all(table) as { name: string }[]).map((c) => c.name);
      const checks = columns.map((c) => `cast(${c} as text) in (?, ?) or cast(${c} as text) like ?`).join(" or ");
      const n = (db.prepare(`select count(*) n from ${table} where ${checks}`).get(...columns.flatMap(() => [userId, email, `%${email}%`])) as { n: number }).n;
      if (n) found[table] = n;
    }
    return found;
  });
}

export async function expectImported(page: Page, count: number) {
  const outcome = page.getByTestId("import-outcome");
  const name = `Imported ${count.toLocaleString("en-US")} ${count === 1 ? "application" : "applications"}`;
  await expect(outcome.getByRole("heading", { name })).toBeFocused({ timeout: 30_000 });
}
