import type { CheckIn } from "@/lib/guidance/check-in";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

/** "Follow up with Fernhill from Tue 8 Dec, if nothing is heard" */
export function checkInText(checkIn: CheckIn, company: string, dates: DateStyle): string {
  const n = checkIn.followUp;
  const what =
    checkIn.ruleId === "follow-up-on-application"
      ? n === 1
        ? `Follow up on your application to ${company}`
        : `Send follow-up ${n} on your application to ${company}`
      : n === 1
        ? `Follow up with ${company}`
        : `Send follow-up ${n} to ${company}`;
  return `${what} from ${formatsFor(dates).shortDate(checkIn.dueAt)}, if nothing is heard`;
}
