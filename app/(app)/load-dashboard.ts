import "server-only";
import type { Db } from "@/db/open";
import type { Reader } from "@/app/(app)/request-dates";
import { interviewWindows, planDashboard } from "@/lib/dashboard/today";
import { recentApplications } from "@/lib/data/applications";
import { dashboardGuidance } from "@/lib/data/guidance";
import { dataVersions } from "@/lib/data/guidance-cache";
import { lastContacts, type LastContact } from "@/lib/data/last-contact";
import type { QueueItem } from "@/lib/dashboard/overview";
import { interviewsBetween, peopleMet } from "@/lib/data/upcoming-interviews";
import { COMING_UP_PAGE, COMING_UP_PREVIEW } from "./_components/today/coming-up";
import { TODAY_INTERVIEWS_SHOWN } from "./_components/today/today-interviews";

const RECENT_LIMIT = 5;

/**
 * The move-on steps' last contacts, per plan.moveOn: the same steps (one plan,
 * kept per cached overview and day) have the same contacts, since any change
 * to an application's events or rounds makes a new overview. Kept as the
 * promise, so requests that come together read once.
 */
const contactsOf = new WeakMap<readonly QueueItem[], Promise<ReadonlyMap<string, LastContact>>>();

function moveOnContacts(db: Db, { userId, steps, now }: { userId: string; steps: readonly QueueItem[]; now: Date }): Promise<ReadonlyMap<string, LastContact>> {
  let held = contactsOf.get(steps);
  if (!held) {
    held = lastContacts(db, { userId, applicationIds: steps.map((s) => s.applicationId), now }).then((list) => new Map(list.map((c) => [c.applicationId, c])));
    contactsOf.set(steps, held);
    // A failed read is not kept: the next request tries again.
    held.catch(() => contactsOf.delete(steps));
  }
  return held;
}

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
  // Every move-on step is one Today item, ahead of the blocks (plan.moveOn, see move-on-group.ts).
  const plan = planDashboard({
    overview,
    change,
    interviews: [...soon.interviews, ...later.interviews],
    interviewTotals: { soon: soon.total, later: later.total },
    now,
    timeZone: user.timeZone,
    locale: user.dates.locale,
  });
  const [people, contacts] = await Promise.all([
    peopleMet(db, { userId, roundIds: plan.interviews.map((r) => r.roundId) }),
    plan.moveOn.length ? moveOnContacts(db, { userId, steps: plan.moveOn, now }) : new Map<string, LastContact>(),
  ]);
  return { plan, people, recent, contacts, putAside: overview.putAside.length };
}
