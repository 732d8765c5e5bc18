import { PLANNING_HOUR } from "@/lib/guidance/facts";
import { DAY_MS } from "./units";
import { addDaysToDate, atLocalHour, localDate, toWallTime } from "./zoned";

/** Before this hour it is still the night before: "tomorrow morning" is this morning. */
const NIGHT_ENDS_HOUR = 5;

/**
 * When a "Tomorrow morning" snooze ends: 09:00 (PLANNING_HOUR, when steps
 * fall due) in the user's zone on the next morning they will wake to. Made
 * at 01:58, that is 09:00 the same date (not 01:58 the next night); made at
 * 14:00 or at 07:00, 09:00 the day after.
 */
export function tomorrowMorning(now: Date, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const hour = Number(toWallTime(now, timeZone).slice(11, 13));
  const day = hour < NIGHT_ENDS_HOUR ? today : addDaysToDate(today, 1);
  return atLocalHour(day, PLANNING_HOUR, timeZone) ?? new Date(now.getTime() + DAY_MS);
}
