import { describe, expect, it } from "vitest";
import { analyseImport } from "@/lib/import/analyse";
import { parseCsvTable } from "@/lib/import/csv-table";
import { parseImportDate, slashOrderOf } from "@/lib/import/dates";
import { decodeFile } from "@/lib/import/decode";
import { duplicateKeys, postingKey, splitDuplicates } from "@/lib/import/duplicates";
import { guessMapping, mappingProblems } from "@/lib/import/fields";
import { MAX_EXPORT_FILE_BYTES, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/limits";
import { parseSalary } from "@/lib/import/salary";
import { defaultStatusFor, isKnownStage } from "@/lib/import/status-map";
import { NOW, ZONE } from "./support/imports";

const date = (text: string, order: "mdy" | "dmy" = "mdy") => parseImportDate(text, order, ZONE);

describe("dates in each format's own style", () => {
  it.each([
    ["3/7/24, 2:22 PM", "mdy", "2024-03-07", "14:22"],
    ["12/31/23, 12:00 AM", "mdy", "2023-12-31", "00:00"],
    ["12/1/23, 12:30 PM", "mdy", "2023-12-01", "12:30"],
    ["07.03.2024", "mdy", "2024-03-07", null],
    ["07.03.2024 14:30", "mdy", "2024-03-07", "14:30"],
    ["7/3/2024", "dmy", "2024-03-07", null],
    ["2024-03-07", "mdy", "2024-03-07", null],
    ["2024-03-07T23:30:00Z", "mdy", "2024-03-08", "00:30"],
    ["2024-03-07T23:30:00-05:00", "mdy", "2024-03-08", "05:30"],
    ["Mar 7, 2024", "mdy", "2024-03-07", null],
    ["7 March 2024", "mdy", "2024-03-07", null],
    ["1709820000", "mdy", "2024-03-07", "15:00"],
    ["2024-02-29", "mdy", "2024-02-29", null],
  ] as const)("%s reads as %s", (text, order, day, time) => {
    expect(date(text, order)).toEqual({ ok: true, value: { date: day, time } });
  });

  it.each(["", "N/A", "n/a", "-", "—", "null", "  "])("%j is no date", (text) => {
    expect(date(text)).toEqual({ ok: true, value: null });
  });

  it.each(["2/30/24, 10:00 AM", "2023-02-29", "31.04.2024", "13/13/2024", "3/7/24, 13:00 PM", "1969-12-31", "2101-01-01", "tomorrow", "2024-03-07 25:00"])(
    "%j is refused, not guessed",
    (text) => {
      expect(date(text)).toEqual({ ok: false });
    },
  );

  it("tells a day-first column from a month-first one by any value that only fits one", () => {
    expect(slashOrderOf(["1/2/2024", "13/2/2024"], "mdy")).toBe("dmy");
    expect(slashOrderOf(["1/2/2024", "2/13/2024"], "dmy")).toBe("mdy");
    expect(slashOrderOf(["1/2/2024", "3/4/2024"], "dmy")).toBe("dmy");
  });
});

describe("salaries", () => {
  it.each([
    ["$150,000 - $170,000", 150_000, 170_000, "USD", null],
    ["150000-170000 USD", 150_000, 170_000, "USD", null],
    ["90k", 90_000, 90_000, null, null],
    ["150-170k", 150_000, 170_000, null, null],
    ["€60k–70k a year", 60_000, 70_000, "EUR", "year"],
    ["60.000 €", 60_000, 60_000, "EUR", null],
    ["1,5k €", 1_500, 1_500, "EUR", null],
    ["CHF 120'000", 120_000, 120_000, "CHF", null],
    ["C$90,000", 90_000, 90_000, "CAD", null],
    ["$45/hr", 45, 45, "USD", "hour"],
    ["£3,500 per month", 3_500, 3_500, "GBP", "month"],
    ["120k to 140k GBP", 120_000, 140_000, "GBP", null],
    ["170000 - 150000 USD", 150_000, 170_000, "USD", null],
  ] as const)("%s", (text, min, max, currency, period) => {
    expect(parseSalary(text)).toEqual({ ok: true, value: { min, max, currency, period } });
  });

  it("is empty for a blank, a dash or TBD, and a problem for words or an absurd figure", () => {
    for (const text of ["", "-", "N/A", "TBD"]) expect(parseSalary(text)).toEqual({ ok: true, value: null });
    expect(parseSalary("competitive").ok).toBe(false);
    expect(parseSalary("1-2-3").ok).toBe(false);
    expect(parseSalary("$999,999,999")).toEqual({ ok: false, message: "is more than 100,000,000." });
  });
});

describe("files that are not what they should be", () => {
  it.each([
    ["an empty file", new Uint8Array(0), "This file is empty"],
    ["only a byte-order mark and blank lines", Buffer.from("\uFEFF\n\n  \n"), "This file is empty"],
    ["binary junk", Uint8Array.from({ length: 2048 }, (_, i) => (i * 131) % 256), "This file isn't text"],
    ["an Excel workbook", Buffer.from("PK\u0003\u0004[Content_Types].xml"), "Excel or other zipped file"],
    ["a PDF", Buffer.from("%PDF-1.7\n"), "This is a PDF"],
  ])("%s is refused with a plain message", async (_label, bytes, message) => {
    const result = await analyseImport({ bytes, options: {}, timeZone: ZONE, now: NOW });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it("refuses a CSV over 10 MB and any file over 50 MB without reading it; a Shortlist export may pass 10 MB", () => {
    const csv = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
    expect(decodeFile(csv)).toEqual({ ok: false, message: expect.stringContaining("Shortlist imports CSV files up to 10 MB") });
    const json = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20);
    json[0] = 0x7b;
    expect(decodeFile(json).ok).toBe(true);
    const huge = Buffer.alloc(MAX_EXPORT_FILE_BYTES + 1, 0x20);
    huge[0] = 0x7b;
    expect(decodeFile(huge)).toEqual({ ok: false, message: expect.stringContaining("its own JSON exports up to 50 MB") });
  });

  it("reads UTF-16 with its byte-order mark", () => {
    const text = "Company,Role\r\nÆble,Dev\r\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeFile(bytes)).toEqual({ ok: true, text, encoding: "utf-16le" });
  });

  it("takes 20,000 rows and refuses 20,001, naming the limit", () => {
    const rows = (n: number) => `Company,Role\n${"Acme,Engineer\n".repeat(n)}`;
    const full = parseCsvTable(rows(MAX_IMPORT_ROWS));
    expect(full.ok && full.table.rows.length).toBe(MAX_IMPORT_ROWS);
    expect(parseCsvTable(rows(MAX_IMPORT_ROWS + 1))).toEqual({ ok: false, message: expect.stringContaining("more than 20,000 rows") });
  });

  it("a header with nothing under it, and a file without company or role columns, each say what to do", async () => {
    const headerOnly = await analyseImport({ bytes: Buffer.from("Company,Role\n"), options: {}, timeZone: ZONE, now: NOW });
    expect(headerOnly).toEqual({ ok: false, message: "This file has a header but no applications under it." });
    const prose = await analyseImport({ bytes: Buffer.from("Dear hiring manager\nI am writing to apply\n"), options: {}, timeZone: ZONE, now: NOW });
    expect(prose.ok && prose.analysis.kind === "csv" && prose.analysis.mappingProblems.map((p) => p.message)).toEqual([
      "Choose the column that holds the company: every application needs one.",
      "Choose the column that holds the role title: every application needs one.",
    ]);
  });

  it("reads tabs, and a quoted separator, quote and line break as part of one field", () => {
    const tabbed = parseCsvTable('Company\tRole\n"Acme\tInc"\t"Dev ""lead""\nand more"\n');
    expect(tabbed).toEqual({ ok: true, table: { header: ["Company", "Role"], delimiter: "\t", rows: [{ line: 2, cells: ["Acme\tInc", 'Dev "lead"\nand more'] }] } });
  });
});

describe("the column mapping", () => {
  it("guesses from column names in any case or spelling, each single field once", () => {
    expect(guessMapping(["Company Name", "job_title", "Stage", "dateApplied", "Notes", "Comments", "Title", "Mystery"])).toEqual([
      "company",
      "roleTitle",
      "status",
      "appliedOn",
      "notes",
      "notes",
      "ignore",
      "ignore",
    ]);
  });

  it("names the column that fills a field twice, and every required field left unmapped", () => {
    expect(mappingProblems(["A", "B", "C"], ["company", "company", "notes"])).toEqual([
      { column: 1, message: "“A” already fills Company: choose another field or “Leave out”." },
      { column: null, message: "Choose the column that holds the role title: every application needs one." },
    ]);
    expect(mappingProblems(["A", "B", "C", "D"], ["company", "roleTitle", "notes", "notes"])).toEqual([]);
  });

  it("applies the user's mapping and refuses one that doesn't fit the file", async () => {
    const bytes = Buffer.from("Org,Gig\nAcme,Engineer\n");
    const mapped = await analyseImport({ bytes, options: { mapping: ["company", "roleTitle"] }, timeZone: ZONE, now: NOW });
    expect(mapped.ok && mapped.analysis.kind === "csv" && mapped.analysis.candidates[0].application).toMatchObject({ company: "Acme", roleTitle: "Engineer", status: "saved" });
    const wrong = await analyseImport({ bytes, options: { mapping: ["company"] }, timeZone: ZONE, now: NOW });
    expect(wrong).toEqual({ ok: false, message: "The column choices don't match this file. Choose the file again." });
  });
});

describe("status mapping", () => {
  it.each([
    ["Wishlist", "saved"],
    ["Bookmarked", "saved"],
    ["Applying", "saved"],
    ["Applied", "applied"],
    ["Phone screen", "screening"],
    ["Interview", "interviewing"],
    ["2nd Interview", "interviewing"],
    ["Negotiating", "offer"],
    ["Offer", "offer"],
    ["Accepted", "accepted"],
    ["Not Selected", "rejected"],
    ["REJECTED", "rejected"],
    ["No offer", "rejected"],
    ["I Withdrew", "withdrawn"],
    ["Expired", "ghosted"],
    ["No Response 🔕", "ghosted"],
    ["absage", "rejected"],
    ["interessant", "saved"],
    ["ghosted", "ghosted"],
  ] as const)("%s → %s", (label, status) => {
    expect(defaultStatusFor(label)).toBe(status);
    expect(isKnownStage(label)).toBe(true);
  });

  it("an unknown stage is applied by default, and flagged as a guess", () => {
    expect(defaultStatusFor("Column 7")).toBe("applied");
    expect(isKnownStage("Column 7")).toBe(false);
  });

  it("the user's choice for a stage wins over the default, for every row with that stage", async () => {
    const bytes = Buffer.from("Company,Role,Status\nA,R,Waiting\nB,R,waiting \nC,R,Applied\n");
    const result = await analyseImport({ bytes, options: { statuses: { waiting: "ghosted" } }, timeZone: ZONE, now: NOW });
    const analysis = result.ok && result.analysis.kind === "csv" ? result.analysis : null;
    expect(analysis?.stages.map((s) => [s.label, s.rows, s.status])).toEqual([
      ["Waiting", 2, "ghosted"],
      ["Applied", 1, "applied"],
    ]);
    expect(analysis?.candidates.map((c) => c.application.status)).toEqual(["ghosted", "ghosted", "applied"]);
  });
});

describe("duplicates", () => {
  it("one posting is one key, whatever tracking parameters, host case or trailing slash it carries", () => {
    expect(postingKey("https://www.linkedin.com/jobs/view/3812345678/?refId=abc&trackingId=xyz")).toBe("linkedin.com/jobs/view/3812345678");
    expect(postingKey("https://LinkedIn.com/jobs/view/3812345678")).toBe("linkedin.com/jobs/view/3812345678");
    expect(postingKey("https://jobs.example/p?id=7&utm_source=x")).toBe("jobs.example/p?id=7");
    expect(postingKey("https://jobs.example/p?id=7")).not.toBe(postingKey("https://jobs.example/p?id=8"));
  });

  it("company, role and applied date match across case and spacing, but a different date is a new application", () => {
    const known = new Set(duplicateKeys({ company: "Acme  Rockets", roleTitle: "Engineer", appliedOn: "2024-03-07" }).map(([, k]) => k));
    const rows = [
      { company: "acme rockets", roleTitle: "ENGINEER", appliedOn: "2024-03-07" },
      { company: "Acme Rockets", roleTitle: "Engineer", appliedOn: "2024-05-01" },
      { company: "Acme Rockets", roleTitle: "Engineer", appliedOn: "2024-05-01", postingUrl: "https://a.example/1" },
    ];
    const { fresh, duplicates } = splitDuplicates(rows, (r) => r, known);
    expect(fresh).toEqual([rows[1]]);
    expect(duplicates.map((d) => [d.reason, d.earlierInFile])).toEqual([
      ["company-role-date", false],
      ["company-role-date", true],
    ]);
  });
});
