import { MAX_SALARY } from "@/lib/validation/application";
import { currencyOf, readAmount } from "@/lib/money/amount";
import type { SalaryPeriod } from "@/lib/vocabulary";

export type ParsedSalary = { min: number; max: number; currency: string | null; period: SalaryPeriod | null };
export type SalaryResult = { ok: true; value: ParsedSalary | null } | { ok: false; message: string };

function periodOf(text: string): SalaryPeriod | null {
  const t = text.toLowerCase();
  if (/\/\s*h(ou)?r\b|\/\s*h\b|per hour|hourly|an hour|\bph\b|stunde/.test(t)) return "hour";
  if (/\/\s*d(ay)?\b|per day|daily|a day|day rate|per diem|pro tag/.test(t)) return "day";
  if (/\/\s*w(ee)?k\b|per week|weekly|a week|pro woche/.test(t)) return "week";
  if (/\/\s*mo(nth)?\b|per month|monthly|a month|\bpm\b|monat/.test(t)) return "month";
  if (/\/\s*y(ea)?r\b|per (year|annum)|yearly|annual|a year|\bp\.?a\.?\b|jahr/.test(t)) return "year";
  return null;
}

/** A whole amount, or null when the text is no number. */
function amount(raw: string): number | null {
  const value = readAmount(raw);
  return value === null ? null : Math.round(value);
}

/** Whole amounts with no period written: small ones are hourly, middling ones monthly. */
export function guessPeriod(max: number): SalaryPeriod {
  return max < 300 ? "hour" : max < 20_000 ? "month" : "year";
}

/**
 * Reads a salary as trackers and spreadsheets write it: `$150,000 -
 * $170,000`, `150000-170000 USD`, `90k`, `€60k–70k a year`, `$45/hr`.
 * A blank or "-" is no salary; text with no number is a problem for the row.
 */
export function parseSalary(raw: string): SalaryResult {
  const text = raw.trim();
  if (text === "" || /^(-|–|—|n\/?a|none|null|tbd|\?)$/i.test(text)) return { ok: true, value: null };
  const currency = currencyOf(text);
  const period = periodOf(text);
  // Keep digits, separators, multipliers and range dashes; symbols, codes and words go.
  const bare = text
    .replace(/\b(to|bis)\b/gi, "-")
    .replace(/[–—]/g, "-")
    .replace(/(\d)\s*([km])\b/gi, "$1$2")
    .replace(/[^\d.,\skm-]|\b[a-z]+\b(?<![km])/gi, " ")
    .replace(/(?<!\d)[km]|[km](?=[a-z])/gi, " ");
  const parts = bare.split(/\s*-\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return { ok: false, message: `isn't a salary Shortlist can read; write it like 150,000 - 170,000 USD.` };
  const values = parts.map(amount);
  if (values.some((v) => v === null)) return { ok: false, message: `isn't a salary Shortlist can read; write it like 150,000 - 170,000 USD.` };
  let [min, max] = [values[0] as number, (values[1] ?? values[0]) as number];
  // "150-170k": the multiplier written once applies to both ends.
  if (parts.length === 2 && /k$/i.test(parts[1]) && !/k$/i.test(parts[0]) && min < 1000) min *= 1000;
  if (max < min) [min, max] = [max, min];
  if (max > MAX_SALARY) return { ok: false, message: `is more than ${MAX_SALARY.toLocaleString("en-US")}.` };
  return { ok: true, value: { min, max, currency, period } };
}
