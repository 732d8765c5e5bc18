import type { CalendarStep } from "./ics";
import type { GuidanceOverview } from "@/lib/dashboard/overview";
import { checkInAction, nextSteps } from "@/lib/dashboard/next-step";
import { atLocalHour, localDate } from "@/lib/time/zoned";
import { isClosed } from "@/lib/vocabulary";

/** Where the feed puts an overdue step: today at this hour in the user's zone, the hour every to-do falls at. */
export const OVERDUE_FEED_HOUR = 9;

/**
 * The feed's steps: each open application's next step as Today orders it
 * (lib/dashboard/next-step.ts), one per application. An overdue step is
 * put on today at 09:00, where a calendar user will see it, not on its
 * past date; with nothing to do, the entry is the next check-in.
 */
export function feedSteps(overview: Pick<GuidanceOverview, "queue" | "checkIns">, now: Date, zone: string): CalendarStep[] {
  const today = atLocalHour(localDate(now, zone), OVERDUE_FEED_HOUR, zone) ?? now;
  const out: CalendarStep[] = [];
  for (const [applicationId, next] of nextSteps(overview, now, zone)) {
    if (next.type === "step") {
      const s = next.step;
      if (isClosed(s.status)) continue;
      out.push({ key: s.key, applicationId, title: s.title, dueAt: s.overdue ? today : s.dueAt!, detail: s.detail, company: s.company, roleTitle: s.roleTitle });
    } else {
      const c = next.checkIn;
      if (isClosed(c.status)) continue;
      out.push({
        key: `check-in:${c.ruleId}:${c.followUp}`,
        applicationId,
        title: `${checkInAction(c, c.company)}, if nothing is heard`,
        dueAt: c.dueAt,
        detail: "Nothing to do before this day. If the company has said nothing by then, a short, polite note to ask where things stand is the next step.",
        company: c.company,
        roleTitle: c.roleTitle,
      });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.applicationId < b.applicationId ? -1 : 1));
}
