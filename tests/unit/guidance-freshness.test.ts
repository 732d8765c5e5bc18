import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { GuidanceInput } from "@/lib/guidance/input";
import { guide } from "@/lib/guidance/recommend";
import { answerOf } from "./support/guidance";
import { boundaries, guidanceInputArb, scenarioArb } from "./support/guidance-arbitraries";

// guide() says until when its answer holds (changesAt): a cache serves the
// answer for every instant in [now, changesAt) with no other time bound, so
// a changesAt too late is stale advice on the dashboard. These properties
// check it is never too late, for any generated application; the tight
// cases (the answer does change there) are in guidance-clock.test.ts.

const RUNS = 300;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How many changes in a row each run follows. */
const HOPS = 6;


/**
 * Instants in [now, until) to ask again at: now, a hair after, the last
 * millisecond before `until`, every boundary the generator knows of in the
 * range, and a few anywhere in it.
 */
function instantsBefore(input: GuidanceInput, now: number, until: number, random: number[]): number[] {
  const end = Number.isFinite(until) ? until : now + 3 * 365 * DAY;
  const inRange = (t: number) => t >= now && t < end;
  const edges = boundaries(input).flatMap((t) => [t - 1, t, t + 1]);
  const spread = random.map((f) => now + Math.floor(f * (end - now)));
  return [...new Set([now, now + 1, end - 1, ...edges, ...spread].filter(inRange))];
}

describe("guide().changesAt", () => {
  it("is after now, or Infinity", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        expect(guide(input, now).changesAt).toBeGreaterThan(now.getTime());
      }),
      { numRuns: RUNS },
    );
  });

  it("holds: at any instant before it the answer is the same, and says the same changesAt, change after change", () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { maxLength: 6 }), ({ input, now }, random) => {
        // From now, then from each instant it said it changes at: those are
        // exactly the edges (a step falling due, a text ticking) worth standing on.
        let from = now.getTime();
        for (let hop = 0; hop < HOPS && Number.isFinite(from); hop++) {
          const first = guide(input, new Date(from));
          for (const t of instantsBefore(input, from, first.changesAt, random)) {
            const later = guide(input, new Date(t));
            const at = `at ${new Date(t).toISOString()}, asked at ${new Date(from).toISOString()}, changesAt ${first.changesAt}`;
            expect(answerOf(later), at).toStrictEqual(answerOf(first));
            expect(later.changesAt, at).toBe(first.changesAt);
          }
          from = first.changesAt;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("holds when asked just before any boundary, where a slip of a minute would show", () => {
    fc.assert(
      fc.property(guidanceInputArb, ({ input }) => {
        const edges = [...new Set(boundaries(input))];
        for (const edge of edges) {
          for (const from of [edge - MINUTE, edge - 1]) {
            const first = guide(input, new Date(from));
            const end = Math.min(first.changesAt, from + DAY);
            for (const t of [end - 1, ...edges.filter((b) => b > from && b < end)]) {
              const at = `at ${new Date(t).toISOString()}, asked at ${new Date(from).toISOString()}`;
              expect(answerOf(guide(input, new Date(t))), at).toStrictEqual(answerOf(first));
            }
          }
        }
      }),
      { numRuns: RUNS / 6 },
    );
  });

  it("holds for a snoozed step, with nothing handled, and with everything handled", () => {
    // The same check with the handled list varied: a snooze ending is a change
    // only for a step that fires, and a step done or dismissed shows nothing.
    const variants = (input: GuidanceInput, now: Date): GuidanceInput[] => {
      const keys = guide({ ...input, handled: [] }, now).steps.map((s) => s.key);
      const until = new Date(now.getTime() + 5 * 3_600_000);
      return [
        { ...input, handled: [] },
        { ...input, handled: keys.map((key) => ({ key, state: "snoozed" as const, until })) },
        { ...input, handled: keys.map((key, i) => ({ key, state: i % 2 ? ("done" as const) : ("dismissed" as const), until: null })) },
      ];
    };
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        for (const variant of variants(input, now)) {
          const first = guide(variant, now);
          for (const t of instantsBefore(variant, now.getTime(), first.changesAt, [0.5])) {
            expect(answerOf(guide(variant, new Date(t))), `at ${new Date(t).toISOString()}`).toStrictEqual(answerOf(first));
          }
        }
      }),
      { numRuns: RUNS / 3 },
    );
  });
});

describe("guide().readsOtherApplications", () => {
  it("when false, no number of other applications changes the answer", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 40 }), ({ input, now }, others) => {
        const first = guide(input, now);
        if (first.readsOtherApplications) return;
        expect(guide({ ...input, otherActiveApplications: others }, now)).toStrictEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it("is true exactly when a keep-searching step was made (open, put aside or done)", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        const made = guide({ ...input, handled: [] }, now).steps.some((s) => s.ruleId === "keep-searching");
        expect(guide(input, now).readsOtherApplications).toBe(made);
      }),
      { numRuns: RUNS },
    );
  });
});

// A rule that compared against now itself would leave changesAt blind to
// it: only clock.ts may read the time or the other applications' count.
const ENGINE = path.resolve(import.meta.dirname, "../../lib/guidance");
const CLOCK = "clock.ts";

function engineFiles(dir = ENGINE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? engineFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

/** Where a file reads `.now`, `.otherActiveApplications`, or uses a `now` other than passing it on. */
function timeReads(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(ENGINE, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && ["now", "otherActiveApplications"].includes(node.name.text)) found.push(`${where(node)} reads .${node.name.text}`);
    if (ts.isIdentifier(node) && node.text === "now") {
      const parent = node.parent;
      const passedOn =
        (ts.isParameter(parent) && parent.name === node) ||
        (ts.isCallExpression(parent) && parent.arguments.includes(node)) ||
        ts.isShorthandPropertyAssignment(parent) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isPropertyAccessExpression(parent) && parent.name === node);
      if (!passedOn) found.push(`${where(node)} uses now`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the engine's clock", () => {
  it("is read only through clock.ts, so every question about the time moves changesAt", () => {
    const files = engineFiles().filter((f) => path.basename(f) !== CLOCK);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => timeReads(f))).toEqual([]);
  });

  it("would catch a rule comparing against now itself, or reading the count of other applications", () => {
    const probe = path.join(ENGINE, "rules", "probe.ts");
    expect(timeReads(probe, "export const late = (facts: Facts, t: number) => facts.now.getTime() > t;")).toEqual(["rules/probe.ts:1 reads .now"]);
    expect(timeReads(probe, "export const soon = (now: Date, t: number) => now.getTime() < t;")).toEqual(["rules/probe.ts:1 uses now"]);
    expect(timeReads(probe, "export const few = (facts: Facts) => facts.input.otherActiveApplications < 3;")).toEqual([
      "rules/probe.ts:1 reads .otherActiveApplications",
    ]);
    expect(timeReads(probe, "export const ask = (input: GuidanceInput, now: Date) => gatherFacts(input, now);")).toEqual([]);
  });
});
