import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** The engine, which cannot import the database. */
const NOT_SCANNED = [path.join("lib", "guidance")];

type FunctionFacts = { file: string; name: string; exported: boolean; calls: Set<string>; joinsWrite: boolean };

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (NOT_SCANNED.some((skip) => relative === skip || relative.startsWith(`${skip}${path.sep}`))) return [];
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** A connection's or transaction's own write builders; `cache.delete(key)` is not one. */
const WRITE_BUILDER = /^(insert|update|delete|run)$/;
const CONNECTION = /^(db|tx|database)$/;

/** Names a function calls; a write statement built on a connection counts as a call of "write". */
function calledNames(node: ts.Node, into: Set<string>): Set<string> {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) into.add(node.expression.text);
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    WRITE_BUILDER.test(node.expression.name.text) &&
    ts.isIdentifier(node.expression.expression) &&
    CONNECTION.test(node.expression.expression.text)
  ) {
    into.add("write");
  }
  ts.forEachChild(node, (child) => void calledNames(child, into));
  return into;
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The top-level functions of a file: what each calls, and whether it takes a caller's write transaction. */
function functionsOf(file: string): FunctionFacts[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const facts: FunctionFacts[] = [];
  const add = (name: string, exported: boolean, fn: ts.SignatureDeclaration & { body?: ts.Node }) => {
    // A write's handle is typed Tx (db/write.ts); a read that may run inside one takes a Db.
    const joinsWrite = fn.parameters.some((p) => p.type?.getText(source) === "Tx");
    facts.push({ file, name, exported, calls: fn.body ? calledNames(fn.body, new Set()) : new Set(), joinsWrite });
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, isExported(statement), statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          add(declaration.name.text, isExported(statement), init);
        }
      }
    }
  }
  return facts;
}

/**
 * Every exported function under lib/ that writes: it calls write(), builds a
 * write statement on a connection (even one the lint rule would refuse),
 * takes a caller's write transaction (Tx), or calls (at any depth) a function that does. Found from
 * the source, so a new write function is listed the moment it is written.
 * Keyed "lib/data/applications.ts#createApplication".
 */
export function exportedWriteFunctions(): { key: string; joinsWrite: boolean }[] {
  const all = sourceFiles("lib").flatMap(functionsOf);
  const writers = new Set(all.filter((f) => f.joinsWrite || f.calls.has("write")).map((f) => f.name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of all) {
      if (!writers.has(f.name) && [...f.calls].some((name) => writers.has(name))) {
        writers.add(f.name);
        grew = true;
      }
    }
  }
  return all
    .filter((f) => f.exported && writers.has(f.name))
    .map((f) => ({ key: `${f.file.split(path.sep).join("/")}#${f.name}`, joinsWrite: f.joinsWrite }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
