// Splits a V8 CPU profile (node --cpu-prof) into the phases the profiling
// script separated with idle gaps, and sums each phase's samples by where
// they were spent: the source file, read through the build's source maps,
// or the package it belongs to. Pure reading of files; no server here.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type Phase = { totalMs: number; idleMs: number; self: [string, number][]; inclusive: [string, number][] };

/** A source path as the bundler names it, to a short name: a package, or the project file. */
function placeOf(source: string): string {
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = source.slice(modules + "node_modules/".length).split("/");
    const pkg = parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
    // Next ships its own React and others under dist/compiled: name them.
    const compiled = parts.indexOf("compiled");
    if (pkg === "next" && compiled >= 0) return `next (compiled ${parts[compiled + 1]})`;
    return pkg;
  }
  const project = source.indexOf("[project]/");
  return project >= 0 ? source.slice(project + "[project]/".length) : source.replace(/^turbopack:\/\/\//, "");
}

function sourceMapper(buildDir: string) {
  const maps = new Map<string, SourceMap | null>();
  return (frame: CallFrame): string => {
    if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : `native ${frame.functionName || "(anonymous)"}`;
    if (frame.url.startsWith("node:")) return frame.url;
    if (!frame.url.startsWith("file://")) return frame.url;
    const file = fileURLToPath(frame.url);
    if (!file.startsWith(buildDir)) return placeOf(file);
    let map = maps.get(file);
    if (map === undefined) {
      map = existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))) : null;
      maps.set(file, map);
    }
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    return entry?.originalSource ? placeOf(entry.originalSource) : `build: ${file.slice(buildDir.length + 1)}`;
  };
}

/** Folds a project file into the folder worth reading a figure for; a package stays itself. */
const groupOf = (place: string) => (/^(app|lib|db)\//.test(place) ? place.split("/").slice(0, 2).join("/") : place);

export function attribute(profile: CpuProfile, { gapMs, phases, buildDir }: { gapMs: number; phases: number; buildDir: string }): Phase[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = (id: number) => byId.get(id)!.callFrame.functionName === "(idle)";

  // Sample i lasts timeDeltas[i + 1] microseconds (V8's deltas lead their sample).
  const duration = (i: number) => (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const gaps: [number, number][] = [];
  // A gap may hold a blip of work (a timer, a collection): it ends only after more than this much.
  const BLIP_MS = 5;
  let runStart = -1;
  let runEnd = -1;
  let runMs = 0;
  let busyMs = 0;
  const close = () => {
    if (runStart >= 0 && runMs >= gapMs) gaps.push([runStart, runEnd]);
    runStart = -1;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    if (idle(profile.samples[i])) {
      if (runStart < 0) {
        runStart = i;
        runMs = 0;
      }
      runMs += duration(i);
      runEnd = i + 1;
      busyMs = 0;
    } else if (runStart >= 0 && (busyMs += duration(i)) > BLIP_MS) {
      close();
    }
  }
  close();
  if (gaps.length < phases + 1) return [];

  const place = sourceMapper(buildDir);
  const placeOfNode = new Map<number, string>();
  const placed = (id: number) => {
    let p = placeOfNode.get(id);
    if (p === undefined) placeOfNode.set(id, (p = place(byId.get(id)!.callFrame)));
    return p;
  };

  const result: Phase[] = [];
  for (let k = gaps.length - phases - 1; k < gaps.length - 1; k++) {
    const from = gaps[k][1];
    const to = gaps[k + 1][0];
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let totalMs = 0;
    let idleMs = 0;
    for (let i = from; i < to; i++) {
      const id = profile.samples[i];
      const t = duration(i);
      if (idle(id)) {
        idleMs += t;
        continue;
      }
      totalMs += t;
      self.set(placed(id), (self.get(placed(id)) ?? 0) + t);
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(groupOf(placed(n)));
      for (const g of seen) inclusive.set(g, (inclusive.get(g) ?? 0) + t);
    }
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
    result.push({
      totalMs,
      idleMs,
      self: sorted(self),
      // Everything sits under the server's own frames: show what is informative, down to 1%.
      inclusive: sorted(inclusive).filter(([, t]) => t >= totalMs * 0.01 && t < totalMs * 0.995),
    });
  }
  return result;
}
