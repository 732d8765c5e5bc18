import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E_ENGINE } from "../../../playwright.config";
import { raw, row, rows, sql } from "./db";

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
export async function everythingOf(userId: string, email: string): Promise<Record<string, number>> {
  const columns =
    E2E_ENGINE === "postgres"
      ? await rows<{ tbl: string; name: string }>(
          sql`select table_name tbl, column_name as name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
        )
      : await rows<{ tbl: string; name: string }>(
          sql`select m.name tbl, c.name from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table' and m.name not like 'sqlite_%'`,
        );
  const byTable = new Map<string, string[]>();
  for (const { tbl, name } of columns) byTable.set(tbl, [...(byTable.get(tbl) ?? []), name]);
  const found: Record<string, number> = {};
  for (const [table, names] of byTable) {
    let checks = sql`false`;
    for (const c of names) checks = sql`${checks} or cast(${raw(`"${c}"`)} as text) in (${userId}, ${email}) or cast(${raw(`"${c}"`)} as text) like ${`%${email}%`}`;
    const n = (await row<{ n: number }>(sql`select count(*) n from ${raw(table)} where ${checks}`))!.n;
    if (n) found[table] = n;
  }
  return found;
}

export async function expectImported(page: Page, count: number) {
  const outcome = page.getByTestId("import-outcome");
  const name = `Imported ${count.toLocaleString("en-US")} ${count === 1 ? "application" : "applications"}`;
  await expect(outcome.getByRole("heading", { name })).toBeFocused({ timeout: 30_000 });
}
