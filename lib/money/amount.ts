// Amounts and currencies as people type them, shared by the application
// form and the importer so that "90k" means the same in both.

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

/** The currency a text names: a written code ("USD") first, else a symbol; null when none. */
export function currencyOf(text: string): string | null {
  // A written code wins over a symbol: "$" is also the sign of CAD and AUD.
  for (const m of text.toUpperCase().matchAll(/\b([A-Z]{3})\b/g)) if (knownCurrency(m[1])) return m[1];
  // Longer symbols first, so "C$" is not read as "$".
  for (const [pattern, code] of SYMBOLS) if (pattern.test(text)) return code;
  return null;
}

/**
 * "150,000", "150.000" (a European thousands point), "120'000", "90 000",
 * "90k", "90.5k", "52.50": the amount, or null when the text is no number.
 * Not rounded: the caller decides whether a fraction is allowed.
 */
export function readAmount(raw: string): number | null {
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
  // 90.5 * 1000 is 90500.00000000001 in floating point.
  return Number((value * scale).toFixed(6));
}

/**
 * One amount with an optional currency around it: "£90,000", "90k EUR",
 * "$ 90.5k". Null when what is left after the currency is no amount.
 */
export function readMoney(raw: string): { amount: number; currency: string | null } | null {
  const currency = currencyOf(raw);
  let bare = raw;
  for (const [pattern] of SYMBOLS) bare = bare.replace(new RegExp(pattern.source, `${pattern.flags}g`), " ");
  bare = bare.replace(/\b[A-Z]{3}\b/gi, (code) => (knownCurrency(code.toUpperCase()) ? " " : code));
  const amount = readAmount(bare);
  return amount === null ? null : { amount, currency };
}
