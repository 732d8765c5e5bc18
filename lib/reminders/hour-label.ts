import type { HourCycle } from "@/lib/time/locale";

/** "08:00" or "8:00 AM": an hour of the day, on the user's clock. */
export function hourLabel(hour: number, cycle: HourCycle): string {
  if (cycle === "h23") return `${String(hour).padStart(2, "0")}:00`;
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:00 ${hour < 12 ? "AM" : "PM"}`;
}
