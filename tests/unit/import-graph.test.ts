import path from "node:path";
import { describe, expect, it } from "vitest";
import { circles, crossings, edgesOf, sourceFiles, specifiersOf, wayRound, type Edge } from "./support/import-graph";

// The flow runs one way (shared/docs/conventions.md): db/ is the foundation,
// lib/ builds on it, app/ on both. Nothing imports back up the layers, and no
// two modules import each other, directly or round a longer circle.

const ROOT = path.resolve(import.meta.dirname, "../..");
const files = ["lib", "app", "db"].flatMap((dir) => sourceFiles(ROOT, dir));
const edges = edgesOf(ROOT, files);

/**
 * What db/ still imports from lib/, exactly: the command-line programs that
 * are to move out of db/ (to scripts/), db/client.ts, db/migrate.ts and
 * db/restore.ts reading lib/config.ts, and db/schema.ts reading
 * lib/vocabulary.ts. The list must shrink, never grow: a new import fails,
 * and so does an entry no longer true (delete it then).
 */
const DB_IMPORTS_FROM_LIB_TODAY: Record<string, string[]> = {
  "db/backup.ts": ["lib/config.ts"],
  "db/client.ts": ["lib/config.ts"],
  "db/data-export.ts": ["lib/config.ts", "lib/data/account-export.ts", "lib/data/users.ts", "lib/export/csv.ts", "lib/time/zoned.ts"],
  "db/data-import.ts": [
    "lib/config.ts",
    "lib/data/imports.ts",
    "lib/data/users.ts",
    "lib/import/analyse.ts",
    "lib/import/duplicates.ts",
    "lib/import/fields.ts",
    "lib/import/limits.ts",
    "lib/import/plan.ts",
    "lib/import/status-map.ts",
    "lib/import/summary-text.ts",
    "lib/import/summary.ts",
    "lib/validation/import-options.ts",
  ],
  "db/migrate.ts": ["lib/config.ts"],
  "db/restore.ts": ["lib/config.ts"],
  "db/schema.ts": ["lib/vocabulary.ts"],
  "db/seed.ts": ["lib/auth/password.ts", "lib/config.ts", "lib/data/applications.ts", "lib/data/users.ts", "lib/sample-data.ts"],
};

/** Which files each file imports from `toDir`, as a sorted map. */
function importsInto(list: readonly Edge[], fromDir: string, toDir: string): Record<string, string[]> {
  const found: Record<string, Set<string>> = {};
  for (const e of list) if (e.from.startsWith(`${fromDir}/`) && e.to.startsWith(`${toDir}/`)) (found[e.from] ??= new Set()).add(e.to);
  return Object.fromEntries(
    Object.keys(found)
      .sort()
      .map((from) => [from, [...found[from]].sort()]),
  );
}

describe("the import graph of lib/, app/ and db/", () => {
  it("reads the app's files and the imports between them", () => {
    expect(files).toEqual(expect.arrayContaining(["lib/guidance/facts.ts", "lib/guidance/clock.ts", "app/(app)/page.tsx", "db/write.ts"]));
    expect(edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: "lib/guidance/facts.ts", to: "lib/guidance/clock.ts" })]));
  });

  it("has no import circles", () => {
    expect(circles(edges).map((group) => wayRound(edges, group))).toEqual([]);
  });

  it("never imports from app/ into lib/ or db/", () => {
    expect([...crossings(edges, "lib", "app"), ...crossings(edges, "db", "app")]).toEqual([]);
  });

  it("lets db/ import from lib/ only what is listed, and all of it", () => {
    const detail = crossings(edges, "db", "lib").join("\n");
    expect(importsInto(edges, "db", "lib"), detail).toEqual(DB_IMPORTS_FROM_LIB_TODAY);
  });
});

describe("the import graph check itself", () => {
  const edge = (from: string, to: string): Edge => ({ from, to, line: 1 });

  it("reads every kind of import, type-only ones included", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "@/lib/b";',
      'export { c } from "../c";',
      'export * from "./d";',
      'const e = await import("./e");',
      'type F = typeof import("./f");',
      'const g = require("./g");',
      'import "./h";',
    ].join("\n");
    expect(specifiersOf("x.ts", text).map((s) => s.specifier)).toEqual(["./a", "@/lib/b", "../c", "./d", "./e", "./f", "./g", "./h"]);
  });

  it("finds a circle of two, a longer one and a file importing itself, and nothing in a chain", () => {
    const graph = [edge("a", "b"), edge("b", "a"), edge("c", "d"), edge("d", "e"), edge("e", "c"), edge("f", "f"), edge("g", "h"), edge("h", "i")];
    expect(circles(graph)).toEqual([["a", "b"], ["c", "d", "e"], ["f"]]);
    expect(wayRound(graph, ["c", "d", "e"])).toBe("c -> d -> e -> c");
  });

  it("names each import that crosses a layer", () => {
    expect(crossings([edge("db/x.ts", "lib/y.ts"), edge("lib/y.ts", "db/x.ts")], "db", "lib")).toEqual(["db/x.ts:1 -> lib/y.ts"]);
  });
});
