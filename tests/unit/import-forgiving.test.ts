import { describe, expect, it } from "vitest";
import type { CsvAnalysis } from "@/lib/import/analyse";
import { parseCsvTable } from "@/lib/import/csv-table";
import { guessMapping } from "@/lib/import/fields";
import { recogniseFormat } from "@/lib/import/formats";
import { summaryLines } from "@/lib/import/summary-text";
import { summarise } from "@/lib/import/summary";
import { analysed } from "./support/imports";

const LINKEDIN_HEADER = "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers";

async function csv(text: string): Promise<CsvAnalysis> {
  const analysis = await analysed(new TextEncoder().encode(text));
  if (analysis.kind !== "csv") throw new Error("not read as CSV");
  return analysis;
}

function table(text: string) {
  const result = parseCsvTable(text);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

describe("an importer that forgives what spreadsheets forgive", () => {
  it("rejoins LinkedIn's M/D/YY, h:mm AM date when it was not quoted, so no column shifts", async () => {
    const a = await csv(
      [
        LINKEDIN_HEADER,
        "9/1/26, 1:00 PM,me@example.com,+44 7700 900123,Fernhill,Platform Engineer,https://www.linkedin.com/jobs/view/1,cv.pdf,",
        "10/12/26, 9:05 AM,me@example.com,+44 7700 900123,Acme,Data Lead,https://www.linkedin.com/jobs/view/2,cv.pdf,",
      ].join("\n"),
    );
    expect(a.problems).toEqual([]);
    expect(a.candidates.map((c) => c.application)).toEqual([
      expect.objectContaining({ company: "Fernhill", roleTitle: "Platform Engineer", appliedOn: "2026-09-01", postingUrl: "https://www.linkedin.com/jobs/view/1" }),
      expect.objectContaining({ company: "Acme", roleTitle: "Data Lead", appliedOn: "2026-10-12" }),
    ]);
    // The user's own contact columns stay out of every application's notes.
    for (const c of a.candidates) {
      expect(c.application.notes ?? "").not.toContain("me@example.com");
      expect(c.application.notes ?? "").not.toContain("7700");
    }
  });

  it("reads a quote mark inside an unquoted value as a character, and a formula's quoted comma as one value", () => {
    const t = table(['Company,Role,Link', 'Acme "Labs" Ltd,6" display engineer,=HYPERLINK("http://acme.example/jobs/1","click")'].join("\n"));
    expect(t.rows).toEqual([
      { line: 2, cells: ['Acme "Labs" Ltd', '6" display engineer', '=HYPERLINK("http://acme.example/jobs/1","click")'] },
    ]);
  });

  it("names the line of a row with an extra value, and reads the rest of the file", async () => {
    const a = await csv(["Company,Role,Location", "Acme,Engineer,Berlin", "Globex,Analyst,New York, NY", "Initech,Tester,Austin"].join("\n"));
    expect(a.candidates.map((c) => c.application.company)).toEqual(["Acme", "Initech"]);
    expect(a.problems).toEqual([
      { line: 3, messages: ["This row has 4 values for 3 columns: is a value with a comma in it (such as a date written 9/1/26, 1:00 PM) not in quotes?"] },
    ]);
    const lines = summaryLines(summarise(a, new Set()));
    expect(lines).toContain("  Line 3: This row has 4 values for 3 columns: is a value with a comma in it (such as a date written 9/1/26, 1:00 PM) not in quotes?");
  });

  it("drops empty values past the header's end instead of calling them extra", () => {
    expect(table("Company,Role\nAcme,Engineer,,\n").rows).toEqual([{ line: 2, cells: ["Acme", "Engineer"] }]);
  });

  it("reads a row with one value too few, the missing column as empty", async () => {
    const a = await csv(["Company,Role,Location", "Acme,Engineer"].join("\n"));
    expect(a.problems).toEqual([]);
    expect(a.candidates[0].application).toMatchObject({ company: "Acme", roleTitle: "Engineer" });
    expect(a.candidates[0].application.location ?? null).toBeNull();
  });

  it("a row one value short of its required columns names what is missing", async () => {
    const a = await csv(["Role,Location,Company", "Engineer,Berlin"].join("\n"));
    expect(a.problems).toEqual([expect.objectContaining({ line: 2, messages: ["Company is required."] })]);
  });

  it.each(["Excitement Rating", "excitement_level", "Excitement (1-5)", "Interest Level", "Job excitement", "Star rating"])("guesses %j as excitement", (name) => {
    expect(guessMapping(["Company", "Role", name])).toEqual(["company", "roleTitle", "excitement"]);
  });

  it("words every format's name to follow “Recognised as a”", () => {
    const linkedIn = recogniseFormat(LINKEDIN_HEADER.split(","));
    expect(`Recognised as a ${linkedIn.format?.label}.`).toBe("Recognised as a LinkedIn job applications export.");
  });
});

describe("values cut at an unquoted comma", () => {
  it("joins a bracket left open, and only as far as the header needs", () => {
    expect(table("Company,Role,Location\nAcme,Engineer (Remote, EU),Berlin\n").rows[0].cells).toEqual(["Acme", "Engineer (Remote, EU)", "Berlin"]);
    // One value too many with nothing left open: reported, not guessed at.
    expect(table("Company,Role\nAcme,Engineer,Berlin\n").rows[0]).toEqual({ line: 2, cells: ["Acme", "Engineer", "Berlin"], overflow: 3 });
  });
});

describe("day and week rates", () => {
  it("reads a contractor's day and week rates, written or in a pay-period column", async () => {
    const a = await csv(["Company,Role,Salary,Pay Period", "Acme,Contractor,£450/day,", "Globex,Contractor,£2000,per week"].join("\n"));
    expect(a.candidates.map((c) => c.application.salaryPeriod)).toEqual(["day", "week"]);
  });
});
