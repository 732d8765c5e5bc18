import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedSyntax(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const HEADER = `import { applications } from "@/db/schema";\nimport type { Db } from "@/db/open";\nimport { write } from "@/lib/data/write";\n`;

describe("the lint rule against writes outside write()", () => {
  it("refuses the autocommit INSERT … RETURNING that once confirmed a lost row", async () => {
    const code = `${HEADER}export const create = (db: Db, userId: string) => db.insert(applications).values({ userId, company: "A", roleTitle: "B" }).returning().get();\n`;
    expect(await restrictedSyntax(code, "lib/data/example.ts")).toEqual([expect.stringMatching(/^Write through write\(db, \(tx\) => …\)/)]);
  });

  it("refuses updates, deletes, raw runs and transactions on db, in actions too, and the raw connection", async () => {
    const code = `${HEADER}export function f(db: Db) {\n  db.update(applications).set({ company: "x" }).run();\n  db.delete(applications).run();\n  db.transaction(() => 1);\n  return db.$client;\n}\n`;
    expect(await restrictedSyntax(code, "app/(app)/example/actions.ts")).toHaveLength(4);
  });

  it("lets the same statements through on the write helper's tx", async () => {
    const code = `${HEADER}export const create = (db: Db, userId: string) => write(db, (tx) => tx.insert(applications).values({ userId, company: "A", roleTitle: "B" }).returning().get());\n`;
    expect(await restrictedSyntax(code, "lib/data/example.ts")).toEqual([]);
  });

  it("does not flag the write helper itself", async () => {
    const [result] = await eslint.lintFiles(["lib/data/write.ts"]);
    expect(result.messages.filter((m) => m.ruleId === "no-restricted-syntax")).toEqual([]);
  });
});
