import { describe, expect, it } from "vitest";
import type { CsvAnalysis } from "@/lib/import/analyse";
import type { Candidate } from "@/lib/import/normalise";
import { analysed, fixture } from "./support/imports";

async function csv(name: string): Promise<CsvAnalysis> {
  const analysis = await analysed(fixture(name));
  if (analysis.kind !== "csv") throw new Error("not read as CSV");
  return analysis;
}
const byCompany = (a: CsvAnalysis, company: string): Candidate => {
  const found = a.candidates.find((c) => c.application.company === company);
  if (!found) throw new Error(`no ${company} in ${a.candidates.map((c) => c.application.company).join(", ")}`);
  return found;
};

describe("LinkedIn Job Applications.csv", () => {
  it("is recognised, reads month-first dates with a 12-hour clock, and keeps the job's other columns in the notes", async () => {
    const a = await csv("linkedin-job-applications.csv");
    expect(a.format?.id).toBe("linkedin-applications");
    const acme = byCompany(a, "Acme Rockets").application;
    expect(acme).toMatchObject({ roleTitle: "Senior Engineer", status: "applied", source: "LinkedIn", appliedOn: "2024-03-07" });
    // A quoted field with a line break stays one field, in the notes under its column's name.
    // Contact email and phone are the account holder's own, the same on every row: left out.
    expect(acme.notes).toBe("Resume name: resume-2024.pdf\n\nQuestion and answers: Years of experience: 8\nWork authorisation: Yes");
    expect(byCompany(a, "Globex, Inc.").application.appliedOn).toBe("2023-12-11");
    expect(byCompany(a, 'The "Quoted" Company').application.roleTitle).toBe("Staff Engineer (Remote)");
  });

  it("names each bad row by the line it starts on, counting the line break inside the quoted field above", async () => {
    const a = await csv("linkedin-job-applications.csv");
    expect(a.problems).toEqual([
      expect.objectContaining({ line: 7, messages: ["Applied date “2/30/24, 10:00 AM” isn't a date Shortlist can read."] }),
      expect.objectContaining({ line: 8, messages: ["Company is required."] }),
    ]);
    // The trailing row of empty cells is no row at all.
    expect(a.rows).toBe(6);
  });
});

describe("LinkedIn Saved Jobs.csv", () => {
  it("becomes saved applications dated when they were saved", async () => {
    const a = await csv("linkedin-saved-jobs.csv");
    expect(a.format?.id).toBe("linkedin-saved");
    const hooli = byCompany(a, "Hooli");
    expect(hooli.application).toMatchObject({ status: "saved", roleTitle: "Frontend Engineer", source: "LinkedIn" });
    expect(hooli.application.appliedOn).toBeUndefined();
    expect(hooli.createdAt?.toISOString()).toBe("2024-03-01T09:00:00.000Z");
  });
});

describe("Huntr board export", () => {
  it("maps its lists to statuses, HTML descriptions to plain notes, and its salary styles to ranges", async () => {
    const a = await csv("huntr-board.csv");
    expect(a.format?.id).toBe("huntr");
    expect(Object.fromEntries(a.stages.map((s) => [s.label, s.status]))).toEqual({
      Applied: "applied",
      Interview: "interviewing",
      Offer: "offer",
      "Phone Screen 📞": "screening",
      Rejected: "rejected",
      "Waiting on them": "applied",
      Wishlist: "saved",
    });
    const lumen = byCompany(a, "Lumen").application;
    expect(lumen).toMatchObject({ status: "saved", salaryMin: 150_000, salaryMax: 170_000, salaryCurrency: "USD", salaryPeriod: "year" });
    expect(lumen.notes).toBe('Description:\nAbout us\n\nWe build search, fast & well.\n\n * Go\n * SQL, "Postgres"');
    expect(byCompany(a, "Soylent").application).toMatchObject({ salaryMin: 150_000, salaryMax: 170_000, salaryCurrency: "USD", location: "Remote, EU" });
    expect(byCompany(a, "Wonka").application).toMatchObject({ salaryMin: 120_000, salaryMax: 140_000, salaryCurrency: "EUR", salaryPeriod: "year" });
    // "90k" has no currency: kept word for word in the notes rather than guessed.
    expect(byCompany(a, "Umbrella").application).toMatchObject({ notes: "Salary: 90k" });
    expect(byCompany(a, "Umbrella").application).not.toHaveProperty("salaryMin");
    // "-" is an empty cell.
    expect(byCompany(a, "Tyrell").application.location).toBeUndefined();
    // No applied-date column: past "saved", the day it was added stands in.
    expect(byCompany(a, "Umbrella").application.appliedOn).toBe("2024-02-02");
    expect(lumen.appliedOn).toBeUndefined();
    expect(a.problems).toEqual([expect.objectContaining({ line: 7, company: "Cyberdyne", messages: [expect.stringContaining("Salary “competitive”")] })]);
  });

  it("reads Huntr's looser header (Company, Title, List, Date Applied) too", async () => {
    const a = await analysed(Buffer.from("Company,Title,List,Date Applied\nAcme,Engineer,Applied,2024-03-07\n"));
    expect(a.kind === "csv" && a.format?.id).toBe("huntr");
    expect(a.kind === "csv" && a.candidates[0].application).toMatchObject({ company: "Acme", roleTitle: "Engineer", status: "applied", appliedOn: "2024-03-07" });
  });
});

describe("Teal download", () => {
  it("reads separate salary columns, excitement, its status names and archived rows", async () => {
    const a = await csv("teal-download.csv");
    expect(a.format?.id).toBe("teal");
    expect(byCompany(a, "Acme Rockets").application).toMatchObject({ salaryMin: 120_000, salaryMax: 140_000, salaryCurrency: "USD", salaryPeriod: "year", excitement: 4, appliedOn: "2024-03-02", source: "Referral" });
    expect(byCompany(a, "Initech").application).toMatchObject({ salaryMin: 60, salaryMax: 75, salaryPeriod: "hour", status: "interviewing" });
    expect(byCompany(a, "Globex").application.status).toBe("saved");
    expect(byCompany(a, "Hooli")).toMatchObject({ archived: true, application: { status: "rejected" } });
    expect(byCompany(a, "Wonka").application.status).toBe("ghosted");
    expect(byCompany(a, "Vandelay").application.status).toBe("offer");
  });
});

describe("JobSync export", () => {
  it("reads N/A as no date, its workplace types as work modes and its statuses in any case", async () => {
    const a = await csv("jobsync-export.csv");
    expect(a.format?.id).toBe("jobsync");
    expect(byCompany(a, "Globex").application).toMatchObject({ status: "saved", workMode: "hybrid", appliedOn: undefined, location: "London" });
    expect(byCompany(a, "Acme Rockets").application).toMatchObject({ status: "applied", workMode: "remote", location: undefined, source: "LinkedIn", notes: "Job type: Full Time" });
    expect(byCompany(a, "Initech").application).toMatchObject({ status: "interviewing", workMode: "onsite" });
    expect(byCompany(a, "Hooli").application.status).toBe("rejected");
    expect(byCompany(a, "Wonka").application.status).toBe("ghosted");
    expect(byCompany(a, "Tyrell").application.status).toBe("withdrawn");
    // An ISO instant is read in the user's zone (Berlin): 08:00Z is still 1 March.
    expect(byCompany(a, "Globex").createdAt?.toISOString()).toBe("2024-03-01T08:00:00.000Z");
  });
});

describe("Reactive Resume tracker export", () => {
  it("turns stage history into rounds and status-setting events, and contacts into the people met", async () => {
    const a = await csv("reactive-resume-tracker.csv");
    expect(a.format?.id).toBe("reactive-resume");
    const lumen = byCompany(a, "Lumen");
    expect(lumen.application).toMatchObject({ status: "offer", appliedOn: "2024-03-01", salaryMin: 90_000, salaryMax: 110_000, salaryCurrency: "EUR" });
    expect(lumen.application.notes).toBe('Tags: remote; senior\n\nGreat team, "fast" process');
    expect(lumen.rounds.map((r) => [r.kind, r.outcome, r.scheduledAt.toISOString()])).toEqual([
      ["screen", "advanced", "2024-03-05T11:00:00.000Z"],
      ["first", "offer", "2024-03-12T11:00:00.000Z"],
    ]);
    expect(lumen.rounds[1].newInterviewers).toEqual([
      { name: "Ana Ruiz", email: "ana@lumen.example" },
      { name: "Bo Li", email: "bo@lumen.example" },
    ]);
    expect(lumen.events).toEqual([{ kind: "offer_received", occurredAt: new Date("2024-03-20T11:00:00Z"), statusBefore: "interviewing" }]);
    // The exporter's own style: "Stage (date) → Stage (date)", and "Name (details)".
    const umbrella = byCompany(a, "Umbrella");
    expect(umbrella).toMatchObject({ archived: true, application: { status: "rejected" } });
    expect(umbrella.rounds).toEqual([expect.objectContaining({ kind: "first", outcome: "rejected", newInterviewers: [{ name: "Sam Lee", title: "Recruiter, email" }] })]);
    expect(umbrella.events.map((e) => e.kind)).toEqual(["rejection_received"]);
  });

  it("leaves out an event the status rules refuse, and says so in the notes", async () => {
    const a = await analysed(Buffer.from("Company,Role,Stage,Stage History\nAcme,Engineer,rejected,applied:2024-01-01;withdrawn:2024-01-05;rejected:2024-01-09\n"));
    const row = a.kind === "csv" ? a.candidates[0] : null;
    expect(row?.events.map((e) => e.kind)).toEqual(["withdrawn"]);
    expect(row?.application.notes).toBe("Stage history not added to the timeline: rejected on 2024-01-09");
  });
});

describe("JobHunter export", () => {
  it("reads a ;-separated file with a BOM, dd.mm.yyyy dates, German statuses and the interview date as a round", async () => {
    const a = await csv("jobhunter-export.csv");
    expect(a.format?.id).toBe("jobhunter");
    expect(a.delimiter).toBe(";");
    const mueller = byCompany(a, "Müller & Söhne GmbH").application;
    expect(mueller).toMatchObject({ roleTitle: "Softwareentwickler", location: "München", status: "applied", appliedOn: "2024-03-07", notes: "Kontakt: Frau Schmidt; Rückruf erwartet" });
    const baeckerei = byCompany(a, "Bäckerei Schön");
    expect(baeckerei.application).toMatchObject({ status: "interviewing", notes: "Zweite Runde\nvor Ort" });
    expect(baeckerei.rounds.map((r) => r.scheduledAt.toISOString())).toEqual(["2024-03-14T09:30:00.000Z"]);
    expect(byCompany(a, "Initech").application.status).toBe("rejected");
    expect(byCompany(a, "Globex").application.status).toBe("saved");
    expect(byCompany(a, "Hooli").application.status).toBe("accepted");
  });
});

describe("a spreadsheet saved by Excel on Windows", () => {
  it("decodes Windows-1252 (accents, € and dashes) and reads day-first dotted dates and European salaries", async () => {
    const a = await csv("spreadsheet-windows-1252.csv");
    expect(a.encoding).toBe("windows-1252");
    expect(a.format).toBeNull();
    expect(a.mapping).toEqual(["company", "roleTitle", "status", "appliedOn", "salary", "notes"]);
    const sg = byCompany(a, "Société Générale").application;
    expect(sg).toMatchObject({ roleTitle: "Développeuse", status: "interviewing", appliedOn: "2024-03-07", salaryMin: 60_000, salaryCurrency: "EUR", salaryPeriod: "year" });
    expect(sg.notes).toBe("Très intéressant – «vite»");
    expect(byCompany(a, "Café Crème").application).toMatchObject({ status: "applied", salaryMin: 45_000, salaryCurrency: "EUR" });
  });
});

describe("Shortlist's own CSV export", () => {
  it("imports again, taking off the apostrophe that guarded a formula-like value", async () => {
    const file = '\uFEFF"Company","Role","Status","Applied on","Notes","Shortlist ID"\r\n"\'=HYPERLINK(""x"")","Engineer","Interviewing","2024-03-07","\'- first point","abc"\r\n';
    const a = await analysed(Buffer.from(file));
    expect(a.kind === "csv" && a.format?.id).toBe("shortlist-csv");
    expect(a.kind === "csv" && a.candidates[0].application).toMatchObject({ company: '=HYPERLINK("x")', status: "interviewing", notes: "- first point" });
  });
});
