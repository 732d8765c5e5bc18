import { addDaysToDate, formatShortDate, formatTime, localDate } from "@/lib/time/zoned";

/** "Today", "Tomorrow" or "Thu 3 Dec", as the user's calendar reads `date`. */
export function dayLabel(date: Date, now: Date, timeZone: string): string {
  const day = localDate(date, timeZone);
  const today = localDate(now, timeZone);
  if (day === today) return "Today";
  if (day === addDaysToDate(today, 1)) return "Tomorrow";
  return formatShortDate(date, timeZone);
}

/** "Tomorrow, 10:00" */
export const dayAndTime = (date: Date, now: Date, timeZone: string) => `${dayLabel(date, now, timeZone)}, ${formatTime(date, timeZone)}`;
