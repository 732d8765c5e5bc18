import "server-only";
import type { Db } from "@/db/open";
import type { DateDisplay } from "@/lib/time/locale";
import { interviewWindows, planDashboard } from "@/lib/dashboard/today";
import { dashboardGuidance } from "./guidance";
import { dataVersions } from "./guidance-cache";
import { interviewsBetween } from "./upcoming-interviews";

type PlanReader = { id: string; timeZone: string; dates: DateDisplay };

/**
 * Today and Coming up, as the dashboard (and the API's today) show them: the
 * user's data versions read once, the cached overview, and only the first
 * interviews of each window with how many there are.
 */
export async function loadDashboardPlan(db: Db, { user, now, soonLimit, laterLimit }: { user: PlanReader; now: Date; soonLimit: number; laterLimit: number }) {
  const userId = user.id;
  const versions = await dataVersions(db, { userId });
  const { soonUntil, comingUpEnd } = interviewWindows(now, user.timeZone);
  const [{ overview, change }, soon, later] = await Promise.all([
    dashboardGuidance(db, { user, now, versions }),
    interviewsBetween(db, { userId, after: now, through: soonUntil, limit: soonLimit, versions }),
    interviewsBetween(db, { userId, after: soonUntil, through: new Date(comingUpEnd.getTime() - 1), limit: laterLimit, versions }),
  ]);
  const plan = planDashboard({
    overview,
    change,
    interviews: [...soon.interviews, ...later.interviews],
    interviewTotals: { soon: soon.total, later: later.total },
    now,
    timeZone: user.timeZone,
    locale: user.dates.locale,
  });
  return { plan, overview, versions };
}
