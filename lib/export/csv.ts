import { PERIOD_LABELS, STATUS_LABELS, WORK_MODE_LABELS } from "@/lib/applications/labels";
import type { ExportDocumentJson } from "./document";

type ExportedApplicationJson = ExportDocumentJson["applications"][number];

/**
 * The CSV export's columns, in order, with what each holds. The README lists
 * them; Shortlist's importer recognises the header (the "Shortlist ID"
 * column), so a CSV export imports again.
 */
export const CSV_COLUMNS: { header: string; value: (a: ExportedApplicationJson, now: number) => string | number | null }[] = [
  { header: "Company", value: (a) => a.company },
  { header: "Role", value: (a) => a.roleTitle },
  { header: "Status", value: (a) => STATUS_LABELS[a.status] },
  { header: "Applied on", value: (a) => a.appliedOn },
  { header: "Location", value: (a) => a.location },
  { header: "Work mode", value: (a) => (a.workMode ? WORK_MODE_LABELS[a.workMode] : null) },
  { header: "Posting URL", value: (a) => a.postingUrl },
  { header: "Source", value: (a) => a.source },
  { header: "Salary min", value: (a) => a.salaryMin },
  { header: "Salary max", value: (a) => a.salaryMax },
  { header: "Salary currency", value: (a) => a.salaryCurrency },
  { header: "Pay period", value: (a) => (a.salaryPeriod ? PERIOD_LABELS[a.salaryPeriod] : null) },
  { header: "Excitement", value: (a) => a.excitement },
  { header: "Notes", value: (a) => a.notes },
  { header: "Archived", value: (a) => a.archivedAt?.slice(0, 10) ?? null },
  { header: "Rounds", value: (a) => a.rounds.length },
  { header: "Last round", value: (a, now) => lastBefore(a, now) },
  { header: "Next round", value: (a, now) => firstAfter(a, now) },
  { header: "Events", value: (a) => a.events.length },
  { header: "Created", value: (a) => a.createdAt },
  { header: "Updated", value: (a) => a.updatedAt },
  { header: "Shortlist ID", value: (a) => a.id },
];

const time = (iso: string) => new Date(iso).getTime();
const lastBefore = (a: ExportedApplicationJson, now: number) => a.rounds.filter((r) => time(r.scheduledAt) <= now).at(-1)?.scheduledAt ?? null;
const firstAfter = (a: ExportedApplicationJson, now: number) => a.rounds.find((r) => time(r.scheduledAt) > now)?.scheduledAt ?? null;

// A spreadsheet runs a cell that starts with one of these as a formula
// (OWASP "CSV injection"), also after spaces, and in their full-width forms.
const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@＝＋－＠]|^[\t\r]/u;

/** Whether a spreadsheet would run this text as a formula; the importer uses it to take the guard off again. */
export const looksLikeFormula = (text: string) => FORMULA_START.test(text);

/**
 * One CSV cell: quoted, quotes doubled, and a value a spreadsheet would run
 * as a formula (`=HYPERLINK(...)`, `+1`, `@SUM`) prefixed with an
 * apostrophe so it opens as the text it is. Shortlist's importer takes the
 * apostrophe off again.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = String(value);
  const safe = typeof value === "string" && looksLikeFormula(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * The applications as CSV, one row each, a piece at a time: a UTF-8 byte
 * order mark (so Excel reads accents right), the header, then the rows with
 * CRLF line ends as RFC 4180 has them.
 */
export function* applicationsCsvChunks(applications: ExportedApplicationJson[], now: Date, perChunk = 200): Generator<string> {
  yield `\uFEFF${csvLine(CSV_COLUMNS.map((c) => c.header))}`;
  const at = now.getTime();
  for (let i = 0; i < applications.length; i += perChunk) {
    yield applications
      .slice(i, i + perChunk)
      .map((a) => csvLine(CSV_COLUMNS.map((c) => c.value(a, at))))
      .join("");
  }
}
