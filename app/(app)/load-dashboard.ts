import "server-only";
import type { Db } from "@/db/open";
import type { Reader } from "@/app/(app)/request-dates";
import { recentApplications } from "@/lib/data/applications";
import { moveOnContacts } from "@/lib/data/move-on";
import { peopleMet } from "@/lib/data/upcoming-interviews";
import { loadDashboardPlan } from "@/lib/data/dashboard-plan";
import { COMING_UP_PAGE, COMING_UP_PREVIEW } from "./_components/today/coming-up";
import { TODAY_INTERVIEWS_SHOWN } from "./_components/today/today-interviews";

const RECENT_LIMIT = 5;

/**
 * What the dashboard shows of an account with applications: Today and
 * Coming up (with the move-on steps as one item), the people met in Today's
 * interviews, and the recently updated applications (see loadDashboardPlan).
 */
export async function loadDashboard(db: Db, { user, now, comingPage }: { user: Reader; now: Date; comingPage: number | null }) {
  const userId = user.id;
  // Only the interviews the page shows are read, with how many there are:
  // a busy week holds hundreds, Today shows ten and Coming up one page.
  const laterShown = comingPage === null ? COMING_UP_PREVIEW : comingPage * COMING_UP_PAGE;
  const [{ plan, overview }, recent] = await Promise.all([
    loadDashboardPlan(db, { user, now, soonLimit: TODAY_INTERVIEWS_SHOWN, laterLimit: laterShown }),
    recentApplications(db, { userId, limit: RECENT_LIMIT }),
  ]);
  // Every move-on step is one Today item, ahead of the blocks (plan.moveOn, see move-on-group.ts).
  const [people, contacts] = await Promise.all([
    peopleMet(db, { userId, roundIds: plan.interviews.map((r) => r.roundId) }),
    moveOnContacts(db, { userId, steps: plan.moveOn, now }),
  ]);
  return { plan, people, recent, contacts, putAside: overview.putAside.length };
}
