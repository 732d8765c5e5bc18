import { addDaysToDate, localDate } from "@/lib/time/zoned";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

/** "Today", "Tomorrow" or "Thu 3 Dec", as the user's calendar reads `date`. */
export function dayLabel(date: Date, now: Date, dates: DateStyle): string {
  const day = localDate(date, dates.zone);
  const today = localDate(now, dates.zone);
  if (day === today) return "Today";
  if (day === addDaysToDate(today, 1)) return "Tomorrow";
  return formatsFor(dates).shortDate(date);
}

/** "Tomorrow, 10:00" */
export const dayAndTime = (date: Date, now: Date, dates: DateStyle) => `${dayLabel(date, now, dates)}, ${formatsFor(dates).time(date)}`;
