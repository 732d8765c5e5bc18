import { MAX_SALARY } from "@/lib/validation/application";
import type { SalaryPeriod } from "@/lib/vocabulary";

export type ParsedSalary = { min: number; max: number; currency: string | null; period: SalaryPeriod | null };
export type SalaryResult = { ok: true; value: ParsedSalary | null } | { ok: false; message: string };

// Compound symbols before the bare "$" they contain.
const SYMBOLS: [RegExp, string][] = [
  [/C\$|CA\$/i, "CAD"],
  [/A\$|AU\$/i, "AUD"],
  [/US\$|\$/i, "USD"],
  [/€/, "EUR"],
  [/£/, "GBP"],
  [/¥/, "JPY"],
  [/₹/, "INR"],
  [/₩/, "KRW"],
  [/zł/i, "PLN"],
];

let isoCodes: Set<string> | undefined;
const knownCurrency = (code: string) => {
  isoCodes ??= new Set(Intl.supportedValuesOf("currency"));
  return isoCodes.has(code);
};

function currencyOf(text: string): string | null {
  // A written code wins over a symbol: "$" is also the sign of CAD and AUD.
  for (const m of text.toUpperCase().matchAll(/\b([A-Z]{3})\b/g)) if (knownCurrency(m[1])) return m[1];
  // Longer symbols first, so "C$" is not read as "$".
  for (const [pattern, code] of SYMBOLS) if (pattern.test(text)) return code;
  return null;
}

function periodOf(text: string): SalaryPeriod | null {
  const t = text.toLowerCase();
  if (/\/\s*h(ou)?r\b|\/\s*h\b|per hour|hourly|an hour|\bph\b|stunde/.test(t)) return "hour";
  if (/\/\s*mo(nth)?\b|per month|monthly|a month|\bpm\b|monat/.test(t)) return "month";
  if (/\/\s*y(ea)?r\b|per (year|annum)|yearly|annual|a year|\bp\.?a\.?\b|jahr/.test(t)) return "year";
  return null;
}

/**
 * "150,000", "150.000" (a European thousands point), "120'000", "90k",
 * "1.5k", "52.50": a whole amount, or null when the text is no number.
 */
function amount(raw: string): number | null {
  const m = /^(\d[\d.,' ]*?)\s*([km])?$/i.exec(raw.trim());
  if (!m) return null;
  let digits = m[1].replace(/[\s']/g, "");
  let fraction = "0";
  // A last separator followed by anything but three digits is a decimal point: 52.50, 1.5k.
  const last = /[.,](\d+)$/.exec(digits);
  if (last && last[1].length !== 3) {
    fraction = last[1];
    digits = digits.slice(0, -last[0].length);
  }
  if (!/^\d+$|^\d{1,3}([.,]\d{3})+$/.test(digits)) return null;
  const value = Number(`${digits.replace(/[.,]/g, "")}.${fraction}`);
  const scale = { k: 1_000, m: 1_000_000 }[m[2]?.toLowerCase() as "k" | "m"] ?? 1;
  return Math.round(value * scale);
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
