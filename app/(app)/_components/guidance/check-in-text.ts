import { checkInAction } from "@/lib/dashboard/next-step";
import type { CheckIn } from "@/lib/guidance/check-in";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

/** "Follow up with Fernhill from Tue 8 Dec, if nothing is heard" */
export function checkInText(checkIn: CheckIn, company: string, dates: DateStyle): string {
  return `${checkInAction(checkIn, company)} from ${formatsFor(dates).shortDate(checkIn.dueAt)}, if nothing is heard`;
}
