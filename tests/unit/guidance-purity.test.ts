import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The guidance engine is a pure function of its input and `now`
// (shared/docs/guidance-rules.md): no framework, database, file system or
// clock, in lib/guidance or in anything it pulls in. This reads the source,
// so a new import or clock read fails here before it ships.

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENGINE = path.join(ROOT, "lib/guidance");

/** Module specifiers the engine may not reach, directly or through a helper it imports. */
const FORBIDDEN_IMPORTS: { pattern: RegExp; why: string }[] = [
  { pattern: /^next($|\/)/, why: "the framework" },
  { pattern: /^react($|[/-])/, why: "the UI library" },
  { pattern: /^drizzle-orm($|\/)/, why: "the ORM" },
  { pattern: /^better-sqlite3($|\/)/, why: "the database driver" },
  { pattern: /^server-only$/, why: "a server-only marker" },
  { pattern: /^node:/, why: "a Node built-in" },
  { pattern: /^fs($|\/)/, why: "the file system" },
  { pattern: /^@\/db($|\/)/, why: "the database layer" },
  { pattern: /^@\/lib\/data($|\/)/, why: "the data layer" },
];

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith("_")));

type Finding = { file: string; line: number; problem: string };

/** Why `specifier` is off limits, or null when the engine may import it. */
function forbiddenImport(specifier: string): string | null {
  const hit = FORBIDDEN_IMPORTS.find((f) => f.pattern.test(specifier));
  if (hit) return `imports ${specifier} (${hit.why})`;
  // "path", "crypto", "os", ... under their bare names are Node, too.
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split("/")[0])) return `imports ${specifier} (a Node built-in)`;
  return null;
}

const isName = (node: ts.Node, name: string) => ts.isIdentifier(node) && node.text === name;
const isMember = (node: ts.Node, object: string, member: string) =>
  (ts.isPropertyAccessExpression(node) && isName(node.expression, object) && node.name.text === member) ||
  (ts.isElementAccessExpression(node) &&
    isName(node.expression, object) &&
    ts.isStringLiteralLike(node.argumentExpression) &&
    node.argumentExpression.text === member);

/** Every module specifier the file names (static, type-only, re-export, dynamic or require), and every clock or randomness read. */
function scanSource(fileName: string, text: string): { specifiers: { specifier: string; line: number }[]; findings: Finding[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const specifiers: { specifier: string; line: number }[] = [];
  const findings: Finding[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const flag = (node: ts.Node, problem: string) => findings.push({ file: fileName, line: lineOf(node), problem });
  const addSpecifier = (node: ts.Expression | undefined) => {
    if (node && ts.isStringLiteralLike(node)) specifiers.push({ specifier: node.text, line: lineOf(node) });
  };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) addSpecifier(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) addSpecifier(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) addSpecifier(node.argument.literal as ts.Expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || isName(callee, "require")) addSpecifier(node.arguments[0]);
      if (isMember(callee, "Date", "now")) flag(node, "reads the clock with Date.now()");
      if (isName(callee, "Date")) flag(node, "reads the clock with Date()");
      if (isMember(callee, "Math", "random")) flag(node, "uses Math.random()");
      if (isMember(callee, "performance", "now")) flag(node, "reads the clock with performance.now()");
      if (isMember(callee, "crypto", "randomUUID") || isMember(callee, "crypto", "getRandomValues")) flag(node, "uses crypto randomness");
    } else if (ts.isNewExpression(node) && isName(node.expression, "Date") && (node.arguments?.length ?? 0) === 0) {
      flag(node, "reads the clock with new Date()");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, findings };
}

/** The file an "@/..." or relative specifier points at, or undefined for a package. */
function resolveLocal(specifier: string, fromFile: string): string | undefined | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.resolve(path.dirname(fromFile), specifier);
  else return undefined;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFilesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every engine file and every local file it reaches, with what is wrong in each. */
function checkEngine(dir = ENGINE): { files: string[]; findings: Finding[] } {
  const queue = tsFilesUnder(dir);
  const seen = new Set<string>(queue);
  const findings: Finding[] = [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const rel = path.relative(ROOT, file);
    const scan = scanSource(rel, readFileSync(file, "utf8"));
    findings.push(...scan.findings);
    for (const { specifier, line } of scan.specifiers) {
      const problem = forbiddenImport(specifier);
      if (problem) {
        // Already wrong; what lies behind it is the data layer's business.
        findings.push({ file: rel, line, problem });
        continue;
      }
      const target = resolveLocal(specifier, file);
      if (target === null) findings.push({ file: rel, line, problem: `imports ${specifier}, which resolves to no file` });
      else if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { files: [...seen].map((f) => path.relative(ROOT, f)).sort(), findings };
}

const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line} ${f.problem}`);

describe("the guidance engine stays pure", () => {
  const { files, findings } = checkEngine();

  it("reads every engine file and the helpers it imports", () => {
    expect(files).toEqual(expect.arrayContaining(["lib/guidance/recommend.ts", "lib/guidance/rules/waiting.ts", "lib/vocabulary.ts", "lib/time/zoned.ts"]));
  });

  it("imports no framework, database, data layer, server-only marker or Node built-in, and reads no clock or randomness", () => {
    expect(describeFindings(findings)).toEqual([]);
  });
});

// The analytics computations promise the same: plain rows and `now` in, numbers out.
describe("the analytics computations stay pure", () => {
  const { files, findings } = checkEngine(path.join(ROOT, "lib/analytics"));

  it("reads every analytics file and what it imports, with nothing impure among them", () => {
    expect(files).toEqual(expect.arrayContaining(["lib/analytics/analyze.ts", "lib/analytics/response-times.ts", "lib/interviews/catalog.ts"]));
    expect(describeFindings(findings)).toEqual([]);
  });
});

describe("the purity check itself", () => {
  const problems = (text: string) => {
    const scan = scanSource("example.ts", text);
    return [...scan.specifiers.map((s) => forbiddenImport(s.specifier)).filter(Boolean), ...scan.findings.map((f) => f.problem)];
  };

  it.each([
    'import { redirect } from "next/navigation";',
    'import Link from "next/link";',
    'import { cache } from "react";',
    'import { eq } from "drizzle-orm";',
    'import { sqliteTable } from "drizzle-orm/sqlite-core";',
    'import Database from "better-sqlite3";',
    'import "server-only";',
    'import { readFileSync } from "node:fs";',
    'import fs from "fs";',
    'import { readFile } from "fs/promises";',
    'import path from "path";',
    'import type { Db } from "@/db/open";',
    'import { applications } from "@/db/schema";',
    'import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";',
    'export { x } from "@/lib/data/x";',
    'export * from "node:os";',
    'const fs = await import("node:fs");',
    'const db = require("better-sqlite3");',
    'import {\n  eq,\n  and,\n} from "drizzle-orm";',
  ])("flags %s", (line) => {
    expect(problems(line).length).toBeGreaterThan(0);
  });

  it.each([
    "const t = Date.now();",
    "const t = new Date();",
    "const t = new Date;",
    "const s = Date();",
    "const r = Math.random();",
    "const p = performance.now();",
  ])("flags %s", (line) => {
    expect(problems(line).length).toBeGreaterThan(0);
  });

  it("lets the engine's own kind of code through", () => {
    const text = [
      'import { z } from "zod";',
      'import { TZDate } from "@date-fns/tz";',
      'import type { GuidanceInput } from "./input";',
      'import { wallTimeToUtc } from "@/lib/time/zoned";',
      "// new Date() and Date.now() in a comment are fine",
      'const text = "Math.random() in a string is fine";',
      "const later = new Date(now.getTime() + 1000);",
      "const d = new Date(Date.UTC(2026, 0, 1));",
    ].join("\n");
    expect(problems(text)).toEqual([]);
  });
});
