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
 * What db/ imports from lib/, exactly: only the vocabulary (statuses, kinds,
 * signals), which depends on nothing, so that the pure engine can share it
 * with the schema without importing the ORM. A new import fails.
 */
const DB_IMPORTS_FROM_LIB: Record<string, string[]> = {
  "db/schema/index.ts": ["lib/vocabulary.ts"],
  "db/schema/postgres.ts": ["lib/vocabulary.ts"],
  "db/schema/sqlite.ts": ["lib/vocabulary.ts"],
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
    expect(importsInto(edges, "db", "lib"), detail).toEqual(DB_IMPORTS_FROM_LIB);
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
