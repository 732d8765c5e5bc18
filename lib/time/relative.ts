import { DAY_MS, HOUR_MS, MINUTE_MS } from "./units";

const format = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/**
 * "in 2 days", "8 days ago", "in 3 hours": the distance from `now`, rounded
 * to the unit a person would use. Pure: `now` is always passed in.
 */
export function relativeTime(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE_MS) return "just now";
  const sign = Math.sign(diff);
  // Rounding is capped so 59.7 minutes reads "59 minutes", never "60 minutes".
  if (abs < HOUR_MS) return format.format(sign * Math.min(59, Math.round(abs / MINUTE_MS)), "minute");
  if (abs < DAY_MS) return format.format(sign * Math.min(23, Math.round(abs / HOUR_MS)), "hour");
  const days = Math.round(abs / DAY_MS);
  if (days < 45) return format.format(sign * days, "day");
  if (days < 365) return format.format(sign * Math.round(days / 30.44), "month");
  return format.format(sign * Math.round(days / 365.25), "year");
}
