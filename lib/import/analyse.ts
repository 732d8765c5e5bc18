import type { ExportDocument } from "@/lib/export/document";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import { parseCsvTable, type CsvRow, type Delimiter } from "./csv-table";
import { slashOrderOf } from "./dates";
import { decodeFile } from "./decode";
import { overflowMessage } from "./fit-row";
import { mappingProblems, type ColumnTarget, type MappingProblem } from "./fields";
import { recogniseFormat, type KnownFormat } from "./formats";
import { parseStageHistory } from "./history";
import { rowToCandidate, type Candidate } from "./normalise";
import { looksLikeJson, readShortlistJson } from "./shortlist-json";
import { defaultStatusFor, isKnownStage, stageKey } from "./status-map";

/** What the user changed on the page: the column mapping and the status for each stage name. */
export type ImportOptions = { mapping?: ColumnTarget[]; statuses?: Record<string, ApplicationStatus> };

export type StageChoice = { key: string; label: string; rows: number; status: ApplicationStatus; known: boolean };
export type RowProblem = { line: number; messages: string[]; company?: string; roleTitle?: string };
export type FormatInfo = { id: string; label: string };

export type CsvAnalysis = {
  kind: "csv";
  /** Null when the header matched no known format: the page asks for the mapping. */
  format: FormatInfo | null;
  encoding: string;
  delimiter: Delimiter;
  header: string[];
  /** A few values from each column, to help map it. */
  samples: string[][];
  mapping: ColumnTarget[];
  mappingProblems: MappingProblem[];
  stages: StageChoice[];
  rows: number;
  candidates: Candidate[];
  problems: RowProblem[];
};
export type JsonAnalysis = { kind: "shortlist-json"; format: FormatInfo; rows: number; document: ExportDocument; problems: RowProblem[] };
export type Analysis = CsvAnalysis | JsonAnalysis;
export type AnalysisResult = { ok: true; analysis: Analysis } | { ok: false; message: string };

export type AnalyseProgress = (phase: "checking", done: number, total: number) => void;

const CHUNK = 1000;
/** Lets a server answer other requests, and stream progress, between chunks of a long file. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export const SHORTLIST_JSON: FormatInfo = { id: "shortlist-json", label: "Shortlist JSON export" };

/** A file read and mapped, before its rows are checked: enough to refuse a bad file at once. */
export type PreparedImport =
  | { kind: "shortlist-json"; analysis: JsonAnalysis }
  | { kind: "csv"; base: Omit<CsvAnalysis, "stages" | "candidates" | "problems">; rows: CsvRow[]; format: KnownFormat | null; options: ImportOptions; timeZone: string };

/**
 * Decodes an uploaded file, recognises its format (or takes the user's
 * mapping) and checks that mapping. Quick even for a large file; the rows
 * themselves are checked by checkRows.
 */
export function prepareImport(args: { bytes: Uint8Array; options: ImportOptions; timeZone: string }): { ok: true; prepared: PreparedImport } | { ok: false; message: string } {
  const decoded = decodeFile(args.bytes);
  if (!decoded.ok) return decoded;
  if (looksLikeJson(decoded.text)) {
    const json = readShortlistJson(decoded.text);
    if (!json.ok) return json;
    const analysis: JsonAnalysis = { kind: "shortlist-json", format: SHORTLIST_JSON, rows: json.document.applications.length, document: json.document, problems: [] };
    return { ok: true, prepared: { kind: "shortlist-json", analysis } };
  }
  const parsed = parseCsvTable(decoded.text);
  if (!parsed.ok) return parsed;
  const { header, rows, delimiter } = parsed.table;
  if (rows.length === 0) return { ok: false, message: "This file has a header but no applications under it." };

  const recognised = recogniseFormat(header);
  const chosen = args.options.mapping;
  if (chosen && chosen.length !== header.length) {
    return { ok: false, message: "The column choices don't match this file. Choose the file again." };
  }
  const mapping = chosen ?? recognised.mapping;
  // A recognised file keeps its format's defaults (status, source, date order) when the user changes a column.
  const format = recognised.format;
  const base = {
    kind: "csv" as const,
    format: format ? { id: format.id, label: format.label } : null,
    encoding: decoded.encoding,
    delimiter,
    header,
    samples: header.map((_, i) => rows.map((r) => r.cells[i]?.trim() ?? "").filter((v) => v && v !== "-").slice(0, 3).map((v) => v.slice(0, 80))),
    mapping,
    mappingProblems: mappingProblems(header, mapping),
    rows: rows.length,
  };
  return { ok: true, prepared: { kind: "csv", base, rows, format, options: args.options, timeZone: args.timeZone } };
}

/**
 * Checks every row of a prepared file as the import will save it, mapping
 * stage names to statuses; yields between chunks so a server can stream
 * progress. The same file and options always give the same analysis.
 * Duplicates are found later, against the user's applications.
 */
export async function checkRows(prepared: PreparedImport, { now, onProgress }: { now: Date; onProgress?: AnalyseProgress }): Promise<Analysis> {
  if (prepared.kind === "shortlist-json") return prepared.analysis;
  const { base, rows, format, options, timeZone } = prepared;
  // Without a company and a role nothing can be read: the page shows the mapping step first.
  if (base.mappingProblems.length) return { ...base, stages: [], candidates: [], problems: [] };
  const mapping = base.mapping;
  const column = (field: ColumnTarget) => mapping.indexOf(field);
  const valuesOf = (i: number) => (i < 0 ? [] : rows.map((r) => r.cells[i] ?? ""));

  const dateColumns = (["appliedOn", "addedOn", "interviewAt", "archived"] as const).flatMap((f) => valuesOf(column(f)));
  const slashOrder = slashOrderOf(dateColumns, format?.slashOrder ?? "mdy");
  const stages = stageChoices(valuesOf(column("status")), valuesOf(column("stageHistory")), options.statuses ?? {}, timeZone);
  const ctx = {
    header: base.header,
    mapping,
    statuses: new Map(stages.map((s) => [s.key, s.status])),
    slashOrder,
    defaultStatus: format?.defaultStatus ?? null,
    source: format?.source ?? null,
    timeZone,
    now,
  };

  const candidates: Candidate[] = [];
  const problems: RowProblem[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    for (const row of rows.slice(start, start + CHUNK)) {
      if (row.overflow) {
        problems.push({ line: row.line, messages: [overflowMessage(row.overflow, base.header.length)] });
        continue;
      }
      const result = rowToCandidate(row.line, row.cells, ctx);
      if (result.ok) candidates.push(result.candidate);
      else problems.push({ line: result.line, messages: result.messages, company: result.company, roleTitle: result.roleTitle });
    }
    onProgress?.("checking", Math.min(rows.length, start + CHUNK), rows.length);
    if (start + CHUNK < rows.length) await breathe();
  }
  return { ...base, stages, candidates, problems };
}

/** prepareImport then checkRows: the whole analysis of an uploaded file. */
export async function analyseImport(args: {
  bytes: Uint8Array;
  options: ImportOptions;
  timeZone: string;
  now: Date;
  onProgress?: AnalyseProgress;
}): Promise<AnalysisResult> {
  const prepared = prepareImport(args);
  if (!prepared.ok) return prepared;
  return { ok: true, analysis: await checkRows(prepared.prepared, args) };
}

/** Each stage name in the file (status column and stage history), how many rows use it, and its status. */
function stageChoices(
  statusValues: string[],
  historyValues: string[],
  chosen: Record<string, ApplicationStatus>,
  timeZone: string,
): StageChoice[] {
  const found = new Map<string, { label: string; rows: number }>();
  const count = (label: string) => {
    const key = stageKey(label);
    if (!key) return;
    const entry = found.get(key);
    if (entry) entry.rows++;
    else found.set(key, { label: label.trim(), rows: 1 });
  };
  for (const value of statusValues) if (value.trim() && value.trim() !== "-") count(value);
  for (const value of historyValues) for (const entry of parseStageHistory(value, "mdy", timeZone).entries) count(entry.label);
  return [...found.entries()]
    .map(([key, { label, rows }]) => {
      const pick = chosen[key];
      const valid = pick && (APPLICATION_STATUSES as readonly string[]).includes(pick);
      return { key, label, rows, status: valid ? pick : defaultStatusFor(label), known: isKnownStage(label) };
    })
    .sort((a, b) => b.rows - a.rows || a.label.localeCompare(b.label));
}
