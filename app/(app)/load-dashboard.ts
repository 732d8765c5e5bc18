import "server-only";
import type { Db } from "@/db/open";
import type { Reader } from "@/app/(app)/request-dates";
import { interviewWindows, planDashboard } from "@/lib/dashboard/today";
import { groupMoveOn } from "@/lib/dashboard/move-on-group";
import { recentApplications } from "@/lib/data/applications";
import { dashboardGuidance } from "@/lib/data/guidance";
import { dataVersions } from "@/lib/data/guidance-cache";
import { interviewsBetween, peopleMet } from "@/lib/data/upcoming-interviews";
import { COMING_UP_PAGE, COMING_UP_PREVIEW } from "./_components/today/coming-up";
import { TODAY_INTERVIEWS_SHOWN } from "./_components/today/today-interviews";

const RECENT_LIMIT = 5;

/**
 * What the dashboard shows of an account with applications: Today and
 * Coming up (with the move-on steps as one item), the people met in Today's
 * interviews, and the recently updated applications. The user's data
 * versions are read once, and every cached lookup is checked against them.
 */
export async function loadDashboard(db: Db, { user, now, comingPage }: { user: Reader; now: Date; comingPage: number | null }) {
  const userId = user.id;
  const versions = await dataVersions(db, { userId });
  // Only the interviews the page shows are read, with how many there are:
  // a busy week holds hundreds, Today shows ten and Coming up one page.
  const { soonUntil, comingUpEnd } = interviewWindows(now, user.timeZone);
  const laterShown = comingPage === null ? COMING_UP_PREVIEW : comingPage * COMING_UP_PAGE;
  const [{ overview, change }, soon, later, recent] = await Promise.all([
    dashboardGuidance(db, { user, now, versions }),
    interviewsBetween(db, { userId, after: now, through: soonUntil, limit: TODAY_INTERVIEWS_SHOWN, versions }),
    interviewsBetween(db, { userId, after: soonUntil, through: new Date(comingUpEnd.getTime() - 1), limit: laterShown, versions }),
    recentApplications(db, { userId, limit: RECENT_LIMIT }),
  ]);
  // Issue 21: every move-on step is one Today item, ahead of the blocks (see move-on-group.ts).
  const { plan, moveOn } = groupMoveOn(
    planDashboard({
      overview,
      change,
      interviews: [...soon.interviews, ...later.interviews],
      interviewTotals: { soon: soon.total, later: later.total },
      now,
      timeZone: user.timeZone,
      locale: user.dates.locale,
    }),
  );
  const people = await peopleMet(db, { userId, roundIds: plan.interviews.map((r) => r.roundId) });
  return { plan, moveOn, people, recent, putAside: overview.putAside.length };
}
