import { formatPlace, formatSalary } from "@/lib/applications/labels";
import type { ApplicationStatus } from "@/lib/vocabulary";
import type { Analysis, FormatInfo, RowProblem, StageChoice } from "./analyse";
import type { Delimiter } from "./csv-table";
import { DUPLICATE_REASONS, splitDuplicates, type DuplicateFields } from "./duplicates";
import type { ColumnTarget, MappingProblem } from "./fields";
import { LISTED_PROBLEMS, PREVIEW_ROWS } from "./limits";

/** One row of the preview, as it will be saved (or why it won't be). */
export type PreviewRow = {
  line: number;
  outcome: "new" | "duplicate" | "problem";
  company: string;
  roleTitle: string;
  status: ApplicationStatus | null;
  appliedOn: string | null;
  place: string | null;
  salary: string | null;
  source: string | null;
  notes: string | null;
  rounds: number;
  events: number;
  archived: boolean;
  /** Why it is a duplicate, or what is wrong with it. */
  reason: string | null;
};

export type ImportCounts = { rows: number; fresh: number; duplicates: number; problems: number; rounds: number; events: number; people: number };

/** What the page shows before anything is saved, and what the command line prints. */
export type ImportSummary = {
  kind: Analysis["kind"];
  format: FormatInfo | null;
  encoding: string | null;
  delimiter: Delimiter | null;
  header: string[];
  samples: string[][];
  mapping: ColumnTarget[];
  mappingProblems: MappingProblem[];
  stages: StageChoice[];
  counts: ImportCounts;
  preview: PreviewRow[];
  problems: RowProblem[];
  duplicates: { line: number; reason: string }[];
};

type Item = {
  line: number;
  fields: DuplicateFields;
  row: Omit<PreviewRow, "line" | "outcome" | "reason">;
  people: string[];
};

const excerpt = (text: string | null | undefined) => (text ? (text.length > 140 ? `${text.slice(0, 139)}…` : text) : null);

function items(analysis: Analysis): Item[] {
  if (analysis.kind === "csv") {
    return analysis.candidates.map((c) => {
      const a = c.application;
      return {
        line: c.line,
        fields: a,
        people: c.rounds.flatMap((r) => r.newInterviewers.map((p) => `${p.name}\u0000${p.email ?? ""}`)),
        row: {
          company: a.company,
          roleTitle: a.roleTitle,
          status: a.status,
          appliedOn: a.appliedOn ?? null,
          place: formatPlace({ location: a.location ?? null, workMode: a.workMode ?? null }),
          salary: formatSalary({ salaryMin: a.salaryMin ?? null, salaryMax: a.salaryMax ?? null, salaryCurrency: a.salaryCurrency ?? null, salaryPeriod: a.salaryPeriod ?? null }),
          source: a.source ?? null,
          notes: excerpt(a.notes),
          rounds: c.rounds.length,
          events: c.events.length,
          archived: c.archived,
        },
      };
    });
  }
  // A Shortlist export has no lines: its applications are numbered in file order.
  return analysis.document.applications.map((a, i) => ({
    line: i + 1,
    fields: a,
    people: a.rounds.flatMap((r) => r.people),
    row: {
      company: a.company,
      roleTitle: a.roleTitle,
      status: a.status,
      appliedOn: a.appliedOn,
      place: formatPlace(a),
      salary: formatSalary(a),
      source: a.source,
      notes: excerpt(a.notes),
      rounds: a.rounds.length,
      events: a.events.length,
      archived: a.archivedAt !== null,
    },
  }));
}

/**
 * Counts and preview of an analysed file against the user's applications
 * (`known`, their duplicate keys): which rows are new, which look like ones
 * already in Shortlist or earlier in the file, and which have problems.
 * `known` is not changed.
 */
export function summarise(analysis: Analysis, known: ReadonlySet<string>): ImportSummary {
  const all = items(analysis);
  const { fresh, duplicates } = splitDuplicates(all, (i) => i.fields, new Set(known), { withinFile: analysis.kind === "csv" });
  const said = (d: (typeof duplicates)[number]) => `${d.earlierInFile ? "Same as a row above" : "Already in Shortlist"}: ${DUPLICATE_REASONS[d.reason]}.`;
  const duplicateLines = new Map(duplicates.map((d) => [d.item.line, said(d)]));
  const problemLines = new Map(analysis.problems.map((p) => [p.line, p]));

  // The first rows of the file in order, whatever became of each.
  const firstLines = [...all.map((i) => i.line), ...analysis.problems.map((p) => p.line)].sort((a, b) => a - b).slice(0, PREVIEW_ROWS);
  const byLine = new Map(all.map((i) => [i.line, i]));
  const preview = firstLines.map((line): PreviewRow => {
    const problem = problemLines.get(line);
    if (problem) {
      return { line, outcome: "problem", company: problem.company ?? "", roleTitle: problem.roleTitle ?? "", status: null, appliedOn: null, place: null, salary: null, source: null, notes: null, rounds: 0, events: 0, archived: false, reason: problem.messages.join(" ") };
    }
    const item = byLine.get(line) as Item;
    const duplicate = duplicateLines.get(line);
    return { line, ...item.row, outcome: duplicate ? "duplicate" : "new", reason: duplicate ?? null };
  });

  const csv = analysis.kind === "csv" ? analysis : null;
  return {
    kind: analysis.kind,
    format: analysis.format,
    encoding: csv?.encoding ?? null,
    delimiter: csv?.delimiter ?? null,
    header: csv?.header ?? [],
    samples: csv?.samples ?? [],
    mapping: csv?.mapping ?? [],
    mappingProblems: csv?.mappingProblems ?? [],
    stages: csv?.stages ?? [],
    counts: {
      rows: analysis.rows,
      fresh: fresh.length,
      duplicates: duplicates.length,
      problems: analysis.problems.length,
      rounds: fresh.reduce((n, i) => n + i.row.rounds, 0),
      events: fresh.reduce((n, i) => n + i.row.events, 0),
      people: new Set(fresh.flatMap((i) => i.people)).size,
    },
    preview,
    problems: analysis.problems.slice(0, LISTED_PROBLEMS),
    duplicates: duplicates.slice(0, LISTED_PROBLEMS).map((d) => ({ line: d.item.line, reason: said(d) })),
  };
}
