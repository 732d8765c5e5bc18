// Pure: the guidance engine words its reasons with this too.

const GROUPED = new Intl.NumberFormat("en-US");

/**
 * "1 day", "3 days", "0 rows", "2 people": a count and the word for that
 * many (`one` for exactly one, `many` for any other count). The count is
 * grouped as English writes it ("1,234 rows"); `digits: "plain"` leaves it
 * bare ("1234 other applications"), as the guidance engine's sentences have
 * always read.
 */
export function plural(count: number, one: string, many = `${one}s`, digits: "grouped" | "plain" = "grouped"): string {
  return `${digits === "plain" ? count : GROUPED.format(count)} ${count === 1 ? one : many}`;
}
