import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { countsLine, summaryLines } from "@/lib/import/summary-text";
import { makeUser, testDb } from "./support/db";
import { analysed, fixture, importFile, summaryFor } from "./support/imports";

let db: Db;
let ana: { id: string };
beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
});

describe("the preview", () => {
  it("shows the first rows in file order, each new, a duplicate (and of what) or a problem (and why)", async () => {
    const s = await summaryFor(db, ana.id, await analysed(fixture("linkedin-job-applications.csv")));
    expect(s.counts).toMatchObject({ rows: 6, fresh: 3, duplicates: 1, problems: 2 });
    expect(s.preview.map((r) => [r.line, r.outcome, r.company, r.reason])).toEqual([
      [2, "new", "Acme Rockets", null],
      [4, "new", "Globex, Inc.", null],
      [5, "new", 'The "Quoted" Company', null],
      [6, "duplicate", "Acme Rockets", "Same as a row above: the same job posting URL."],
      [7, "problem", "Initech", "Applied date “2/30/24, 10:00 AM” isn't a date Shortlist can read."],
      [8, "problem", "", "Company is required."],
    ]);
  });

  it("after an import, the same rows count as already in Shortlist", async () => {
    await importFile(db, ana.id, fixture("huntr-board.csv"));
    const s = await summaryFor(db, ana.id, await analysed(fixture("huntr-board.csv")));
    expect(s.counts).toMatchObject({ fresh: 0, duplicates: 6, problems: 1 });
    expect(s.duplicates[0]).toEqual({ line: 2, reason: "Already in Shortlist: the same job posting URL." });
  });

  it("counts what new applications bring: rounds, events and people", async () => {
    const s = await summaryFor(db, ana.id, await analysed(fixture("reactive-resume-tracker.csv")));
    expect(s.counts).toMatchObject({ fresh: 3, rounds: 3, events: 2, people: 3 });
  });

  it("reads the same in a terminal: counts, stages, and every problem by line", async () => {
    const s = await summaryFor(db, ana.id, await analysed(fixture("huntr-board.csv")));
    const text = summaryLines(s).join("\n");
    expect(countsLine(s)).toBe("6 new applications · 0 duplicates · 1 with problems");
    expect(text).toContain("Recognised as a Huntr board export.");
    expect(text).toContain("  Waiting on them (1) → Applied");
    expect(text).toContain("  Line 7: Salary “competitive” isn't a salary Shortlist can read");
  });

  it("an unknown file lists its columns and how to map them", async () => {
    const s = await summaryFor(db, ana.id, await analysed(fixture("unknown-columns.csv")));
    const text = summaryLines(s).join("\n");
    expect(text).toContain("  Org → (left out)   e.g. Acme Rockets · Globex");
    expect(text).toContain('Choose with --map "Column=field"');
  });
});
