import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// The import graph of the app's own source, read from the files themselves:
// every import, `import type`, re-export, `import()` and `require` between
// local files is an edge. Type-only imports count: a circle through a type
// still ties two modules together, and breaking one never costs a runtime
// change.

export type Edge = { from: string; to: string; line: number };

/** Every .ts/.tsx file under `dir` (relative to `root`), sorted; none of `.d.ts`. */
export function sourceFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((entry) => {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : sourceFiles(root, rel);
      return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [rel] : [];
    })
    .sort();
}

/** Every module specifier a file names, with its line. */
export function specifiersOf(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require")))
      add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file (relative to `root`) an "@/..." or relative specifier names; undefined for a package or a file that is not there. */
export function resolveLocal(root: string, specifier: string, fromFile: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(fromFile), specifier);
  else return undefined;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((c) => {
    const full = path.join(root, c);
    return existsSync(full) && statSync(full).isFile();
  });
}

/** The edges between local files that start in `files`. */
export function edgesOf(root: string, files: readonly string[]): Edge[] {
  return files.flatMap((from) =>
    specifiersOf(from, readFileSync(path.join(root, from), "utf8")).flatMap(({ specifier, line }) => {
      const to = resolveLocal(root, specifier, from);
      return to ? [{ from, to, line }] : [];
    }),
  );
}

/**
 * The import circles: each group of files that reach one another (a strongly
 * connected component of two or more files, or one that imports itself),
 * every group sorted, the groups sorted by their first file.
 */
export function circles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)?.add(to);
  }
  // Tarjan's algorithm, with an explicit stack: the graph has hundreds of files.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; rest: string[] }[] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, rest: [...(next.get(node) ?? [])].sort() });
    };
    enter(start);
    while (work.length) {
      const top = work[work.length - 1];
      const child = top.rest.shift();
      if (child !== undefined) {
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(top.node, Math.min(low.get(top.node) as number, index.get(child) as number));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent) as number, low.get(top.node) as number));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          group.push(member);
        } while (member !== top.node);
        if (group.length > 1 || next.get(top.node)?.has(top.node)) groups.push(group.sort());
      }
    }
  }
  return groups.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** One shortest way round a circle, starting and ending at `start`: "a.ts -> b.ts -> a.ts". */
export function wayRound(edges: readonly Edge[], group: readonly string[], start = group[0]): string {
  const inGroup = new Set(group);
  const from = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length) {
    const node = queue.shift() as string;
    for (const e of edges) {
      if (e.from !== node || !inGroup.has(e.to)) continue;
      if (e.to === start) {
        const way = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = from.get(at)) way.splice(1, 0, at);
        return [...way, start].join(" -> ");
      }
      if (!seen.has(e.to)) {
        seen.add(e.to);
        from.set(e.to, node);
        queue.push(e.to);
      }
    }
  }
  return group.join(" -> ");
}

/** Edges that cross a boundary the layers forbid, as "from:line -> to". */
export function crossings(edges: readonly Edge[], fromDir: string, toDir: string): string[] {
  return edges.filter((e) => e.from.startsWith(`${fromDir}/`) && e.to.startsWith(`${toDir}/`)).map((e) => `${e.from}:${e.line} -> ${e.to}`);
}
