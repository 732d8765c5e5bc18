import { CsvError, parse } from "csv-parse/sync";
import { fitRow } from "./fit-row";
import { MAX_IMPORT_ROWS } from "./limits";

/**
 * A data row and the line of the file it starts on, for messages such as
 * "line 14"; `overflow` is how many values it held when more than the header.
 */
export type CsvRow = { line: number; cells: string[]; overflow?: number };
export type CsvTable = { header: string[]; rows: CsvRow[]; delimiter: Delimiter };
export type Delimiter = "," | ";" | "\t";

export type TableResult = { ok: true; table: CsvTable } | { ok: false; message: string };

/**
 * The separator of the header line, counted outside quotes: European
 * spreadsheets write `;` because `,` is their decimal point, and some
 * trackers export tabs.
 */
function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const c of text.slice(0, 64 * 1024)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c as Delimiter]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ",";
}

const lineBreaks = (cells: string[]) => cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

/**
 * Reads CSV text into a header and rows with csv-parse: quoted fields may
 * hold separators, doubled quotes and line breaks; blank lines and rows of
 * empty cells are skipped; rows are fitted to the header (fit-row.ts). More than MAX_IMPORT_ROWS
 * data rows is refused rather than cut, so nothing is silently left out.
 */
export function parseCsvTable(raw: string): TableResult {
  // One kind of line break, so csv-parse counts lines the same way for every file.
  const text = raw.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      // A quote inside an unquoted value (Acme "Labs", =HYPERLINK("…")) is a character, as spreadsheets read it.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // One more than allowed, to tell a full file from an overlong one without reading it all.
      to: MAX_IMPORT_ROWS + 2,
      // csv-parse types `info: true` records loosely; this is their documented shape.
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { ok: false, message: csvErrorMessage(error) };
  }
  const [first, ...data] = records;
  if (!first) return { ok: false, message: "This file has no rows. Export your applications again and choose the new file." };
  if (data.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      message: `This file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows; Shortlist imports up to ${MAX_IMPORT_ROWS.toLocaleString("en-US")} at a time. Split it into smaller files.`,
    };
  }
  const header = first.record.map((h) => h.trim());
  const width = header.length;
  const rows = data.map(({ record, info }) => ({
    // csv-parse counts the line a record ends on; a quoted line break moves that on.
    line: info.lines - lineBreaks(record),
    ...fitRow(record, width, delimiter),
  }));
  return { ok: true, table: { header, rows, delimiter } };
}

function csvErrorMessage(error: unknown): string {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const at = line ? `Line ${line}: ` : "";
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      return `${at}a quoted field is never closed, so the rest of the file can't be read. Check that line in a text editor, or export the file again.`;
    }
    if (error.code === "CSV_INVALID_CLOSING_QUOTE" || error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") {
      return `${at}a quote in the middle of a field isn't doubled as CSV needs (""), so the file can't be read as CSV. Export it again from your tracker.`;
    }
    return `${at}this file can't be read as CSV (${error.code.toLowerCase().replace(/^csv_/, "").replaceAll("_", " ")}).`;
  }
  return "This file can't be read as CSV.";
}
