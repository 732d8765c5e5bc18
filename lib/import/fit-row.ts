// A row with more values than its header, as spreadsheets forgive it: a date
// whose comma was not quoted (LinkedIn's `9/1/26, 1:00 PM`), or a formula whose
// quotes hold a comma (`=HYPERLINK("http://…","click")`), is put back
// together; what still does not fit is reported on its line, never shifted.

const SLASHED_DAY = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*$/;
const CLOCK = /^\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*$/i;

/** Whether a value was cut short: it ends inside quotes or with a bracket left open ("=HYPERLINK(…", "Engineer (Remote"). */
function isOpen(text: string): boolean {
  let quoted = false;
  let depth = 0;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth = Math.max(0, depth - 1);
  }
  return quoted || depth > 0;
}

export type FittedRow = {
  cells: string[];
  /** How many values the line held, when more than the header names even after repairs. */
  overflow?: number;
};

/** Joins cells[i] and the cells after it, as the line had them before the separator split them. */
function join(cells: string[], from: number, count: number, delimiter: string): string[] {
  return [...cells.slice(0, from), cells.slice(from, from + count).join(delimiter), ...cells.slice(from + count)];
}

function rejoinDates(cells: string[], width: number, delimiter: string): string[] {
  let out = cells;
  for (let i = 0; i < out.length - 1 && out.length > width; i++) {
    if (SLASHED_DAY.test(out[i]) && CLOCK.test(out[i + 1])) out = join(out, i, 2, delimiter);
  }
  return out;
}

/** A value left open is joined with the cells after it up to the one that closes it. */
function rejoinOpen(cells: string[], width: number, delimiter: string): string[] {
  let out = cells;
  for (let i = 0; i < out.length && out.length > width; i++) {
    if (!isOpen(out[i])) continue;
    for (let span = 2; i + span <= out.length && out.length - (span - 1) >= width; span++) {
      // Only as far as the row needs: a join that would leave it too short was a guess too far.
      if (!isOpen(out.slice(i, i + span).join(delimiter))) {
        out = join(out, i, span, delimiter);
        break;
      }
    }
  }
  return out;
}

/**
 * Fits a parsed row to a header of `width` columns. Short rows are padded
 * (spreadsheets drop trailing empty cells); long ones are repaired as above,
 * then trailing empty cells are dropped; a row still too long keeps its
 * values and says how many there were.
 */
export function fitRow(record: string[], width: number, delimiter: string): FittedRow {
  if (record.length < width) return { cells: [...record, ...Array<string>(width - record.length).fill("")] };
  if (record.length === width) return { cells: record };
  let cells = rejoinOpen(rejoinDates(record, width, delimiter), width, delimiter);
  while (cells.length > width && cells[cells.length - 1].trim() === "") cells = cells.slice(0, -1);
  return cells.length === width ? { cells } : { cells, overflow: record.length };
}

/** What the preview says of a row fitRow could not fit. */
export const overflowMessage = (values: number, width: number) =>
  `This row has ${values} values for ${width} columns: is a value with a comma in it (such as a date written 9/1/26, 1:00 PM) not in quotes?`;
