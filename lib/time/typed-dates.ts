import type { DateFormat } from "./formats";
import { formatter } from "./zoned";

// Where a browser has no date picker (or JavaScript is off) people type the
// date the way the error example shows it: "03/14/2026" in the US,
// "14/03/2026" in Britain. Read it in that order, into what the native input sends.

const orders = new Map<string, ("day" | "month" | "year")[]>();
function fieldOrder(locale: string): ("day" | "month" | "year")[] {
  let order = orders.get(locale);
  if (!order) {
    const parts = formatter("order", "UTC", { day: "2-digit", month: "2-digit", year: "numeric" }, locale).formatToParts(0);
    order = parts.flatMap((p) => (p.type === "day" || p.type === "month" || p.type === "year" ? [p.type] : []));
    orders.set(locale, order);
  }
  return order;
}

const TYPED_DATE = /^(\d{1,4})[./\-\s]+(\d{1,2})[./\-\s]+(\d{1,4})\.?$/;
const TYPED_TIME = /^(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s*m?\.?$/i;
const pad = (n: number) => String(n).padStart(2, "0");

/** "14/03/2026" (en-GB) or "03/14/2026" (en-US) as "2026-03-14"; anything else comes back unchanged for the schema to judge. */
export function typedDateToIso(text: string, formats: DateFormat): string {
  const m = TYPED_DATE.exec(text.trim());
  if (!m) return text;
  const order = fieldOrder(formats.style.locale);
  if (order.length !== 3) return text;
  const value = Object.fromEntries(order.map((field, i) => [field, Number(m[i + 1])])) as Record<"day" | "month" | "year", number>;
  if (value.year < 1000) return text;
  return `${value.year}-${pad(value.month)}-${pad(value.day)}`;
}

/** "14/03/2026, 09:30" or "03/14/2026, 9:30 PM" as "2026-03-14T21:30"; anything else unchanged. */
export function typedDateTimeToWall(text: string, formats: DateFormat): string {
  const [datePart, timePart, ...rest] = text.trim().split(/,\s*|\s+(?=\d{1,2}[:.]\d{2})/);
  if (!datePart || !timePart || rest.length) return text;
  const date = typedDateToIso(datePart, formats);
  const t = TYPED_TIME.exec(timePart.trim());
  if (date === datePart || !t) return text;
  let hour = Number(t[1]);
  const meridiem = t[3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return text;
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  return `${date}T${pad(hour)}:${t[2]}`;
}
