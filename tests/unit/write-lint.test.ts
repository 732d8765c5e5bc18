import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The code below is linted as text, with no file on disk for the type-aware
// rules' project to find: those are switched off here, the rest are the real config's.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/await-thenable": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
});

async function restrictedSyntax(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const HEADER = `import { applications } from "@/db/schema";\nimport type { Db } from "@/db/open";\nimport { write } from "@/db/write";\n`;

describe("the lint rule against writes outside write()", () => {
  it("refuses the autocommit INSERT … RETURNING that once confirmed a lost row", async () => {
    const code = `${HEADER}export const create = async (db: Db, { userId }: { userId: string }) => db.insert(applications).values({ userId, company: "A", roleTitle: "B" }).returning();\n`;
    expect(await restrictedSyntax(code, "lib/data/example.ts")).toEqual([expect.stringMatching(/^Write through write\(db, /)]);
  });

  it("refuses updates, deletes, raw runs and transactions on db, in actions too, and the raw connection", async () => {
    const code = `${HEADER}export async function f(db: Db) {\n  await db.update(applications).set({ company: "x" });\n  await db.delete(applications);\n  db.transaction(() => 1);\n  return db.$client;\n}\n`;
    expect(await restrictedSyntax(code, "app/(app)/example/actions.ts")).toHaveLength(4);
  });

  it("lets the same statements through on the write helper's tx", async () => {
    const code = `${HEADER}export const create = (db: Db, { userId }: { userId: string }) =>\n  write(db, { userId }, async (tx) => tx.insert(applications).values({ userId, company: "A", roleTitle: "B" }).returning());\n`;
    expect(await restrictedSyntax(code, "lib/data/example.ts")).toEqual([]);
  });

  it("does not flag the write helper itself", async () => {
    const [result] = await eslint.lintFiles(["db/write.ts"]);
    expect(result.messages.filter((m) => m.ruleId === "no-restricted-syntax")).toEqual([]);
  });
});

describe("the lint rule that keeps the engine out of lib/ and app/", () => {
  it.each(["better-sqlite3", "drizzle-orm/better-sqlite3", "drizzle-orm/sqlite-core"])("refuses an import of %s", async (module) => {
    const code = `import * as engine from "${module}";\nexport const used = engine;\n`;
    expect(await restrictedImports(code, "lib/data/example.ts")).toHaveLength(1);
    expect(await restrictedImports(code, "app/(app)/example/page.tsx")).toHaveLength(1);
  });

  it("refuses the synchronous driver's .get(), .all() and .run(), and lets awaited queries and Map.get(key) through", async () => {
    const sync = `${HEADER}export function f(db: Db) {\n  db.select().from(applications).all();\n  db.select().from(applications).get();\n  return write(db, { key: "x" }, async (tx) => tx.delete(applications).run());\n}\n`;
    expect(await restrictedSyntax(sync, "lib/data/example.ts")).toEqual([
      expect.stringMatching(/^Await the query/),
      expect.stringMatching(/^Await the query/),
      expect.stringMatching(/^Await the query/),
    ]);
    const awaited = `${HEADER}export async function f(db: Db, seen: Map<string, number>) {\n  const rows = await db.select().from(applications);\n  return [rows, seen.get("a")];\n}\n`;
    expect(await restrictedSyntax(awaited, "app/(app)/example/page.tsx")).toEqual([]);
  });
});
