import { SECOND_MS } from "@/lib/time/units";
import { toWallTime, wallTimeToUtc } from "@/lib/time/zoned";

/**
 * How a file writes a date with slashes: LinkedIn writes month first
 * (3/7/24), most of Europe day first. Dotted dates (07.03.2024) are always
 * day first, ISO dates year first.
 */
export type SlashOrder = "mdy" | "dmy";

/** A calendar date (YYYY-MM-DD) and, when the file gave one, the time of day (HH:MM). */
export type ParsedDate = { date: string; time: string | null };
export type DateResult = { ok: true; value: ParsedDate | null } | { ok: false };

/** What trackers write for "no date". */
const EMPTY = new Set(["", "-", "–", "—", "n/a", "na", "none", "null", "undefined", "nan", "0"]);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const pad = (n: number) => String(n).padStart(2, "0");

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 100) year += 2000; // two-digit years in exports are this century's
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null; // 31/02, 29/02 in a common year
  return `${year}-${pad(month)}-${pad(day)}`;
}

function clock(hours?: string, minutes?: string, meridiem?: string): string | null | false {
  if (hours === undefined) return null;
  let h = Number(hours);
  const m = Number(minutes ?? 0);
  if (meridiem) {
    if (h < 1 || h > 12) return false;
    h = (h % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  }
  if (h > 23 || m > 59) return false;
  return `${pad(h)}:${pad(m)}`;
}

const TIME = String.raw`(?:[ ,T]+(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?\s*([ap]m)?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, "i");
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})${TIME}$`, "i");
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})${TIME}$`, "i");
const NAMED_DAY_FIRST = /^(\d{1,2})\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;
const NAMED_MONTH_FIRST = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
// An instant with a zone: its calendar date depends on whose zone reads it.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function withTime(date: string | null, time: string | null | false): DateResult {
  if (!date || time === false) return { ok: false };
  return { ok: true, value: { date, time } };
}

/**
 * Reads a date as trackers export them: ISO dates and instants, `3/7/24,
 * 2:22 PM`, `07.03.2024 14:30`, `Mar 7, 2024`, `7 March 2024`, and Unix
 * timestamps in seconds or milliseconds. "N/A", "-" and blanks are no date.
 * An instant is read in `timeZone`, so a late-evening application keeps its
 * own day.
 */
export function parseImportDate(raw: string, order: SlashOrder, timeZone: string): DateResult {
  const text = raw.trim();
  if (EMPTY.has(text.toLowerCase())) return { ok: true, value: null };

  if (INSTANT.test(text)) {
    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) return { ok: false };
    return fromInstant(instant, timeZone);
  }
  if (/^\d{10}$|^\d{13}$/.test(text)) return fromInstant(new Date(Number(text) * (text.length === 10 ? SECOND_MS : 1)), timeZone);

  let m = ISO_DATE.exec(text);
  if (m) return withTime(calendarDate(Number(m[1]), Number(m[2]), Number(m[3])), clock(m[4], m[5], m[6]));
  m = SLASHED.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === "mdy" ? [a, b] : [b, a];
    return withTime(calendarDate(Number(m[3]), month, day), clock(m[4], m[5], m[6]));
  }
  m = DOTTED.exec(text);
  if (m) return withTime(calendarDate(Number(m[3]), Number(m[2]), Number(m[1])), clock(m[4], m[5], m[6]));
  m = NAMED_DAY_FIRST.exec(text);
  if (m) return withTime(calendarDate(Number(m[3]), monthNumber(m[2]), Number(m[1])), null);
  m = NAMED_MONTH_FIRST.exec(text);
  if (m) return withTime(calendarDate(Number(m[3]), monthNumber(m[1]), Number(m[2])), null);
  return { ok: false };
}

function fromInstant(instant: Date, timeZone: string): DateResult {
  const wall = toWallTime(instant, timeZone);
  const date = wall.slice(0, 10);
  if (date < "1970-01-01" || date > "2100-12-31") return { ok: false };
  return { ok: true, value: { date, time: wall.slice(11, 16) } };
}

/**
 * Whether a column of slashed dates is day first: true as soon as one value
 * could only be day first (13/02/2024). Files that never say keep the
 * format's own order.
 */
export function slashOrderOf(values: string[], fallback: SlashOrder): SlashOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\//.exec(value);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? "dmy" : "mdy";
  return fallback;
}

/** The instant a parsed date stands for in `timeZone`: its own time, or noon when the file gave only the day. */
export function dateToInstant(value: ParsedDate, timeZone: string): Date | null {
  return wallTimeToUtc(`${value.date}T${value.time ?? "12:00"}`, timeZone);
}
