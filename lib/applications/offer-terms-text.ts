import type { OfferTerms } from "@/lib/data/offer-terms";

/** "£95,000", or the bare number and code when the currency is unknown to Intl. */
export function moneyText(amount: number | null, currency: string | null, locale: string): string | null {
  if (amount === null) return null;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency ?? "USD", maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount.toLocaleString(locale)} ${currency ?? ""}`.trim();
  }
}

/** Base plus bonus when both are in one currency: what the two offers pay a year, side by side. */
export function totalCash(terms: Pick<OfferTerms, "base" | "bonus">): number | null {
  if (terms.base === null) return null;
  return terms.base + (terms.bonus ?? 0);
}
