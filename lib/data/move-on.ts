import "server-only";
import type { Db } from "@/db/open";
import type { QueueItem } from "@/lib/dashboard/overview";
import { silentRows, type Silent } from "@/lib/dashboard/silent";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { loadDashboardPlan } from "./dashboard-plan";
import { lastContacts, type LastContact } from "./last-contact";

/**
 * The move-on steps' last contacts, per plan.moveOn: the same steps (one plan,
 * kept per cached overview and day) have the same contacts, since any change
 * to an application's events or rounds makes a new overview. Kept as the
 * promise, so requests that come together read once.
 */
const contactsOf = new WeakMap<readonly QueueItem[], Promise<ReadonlyMap<string, LastContact>>>();

export function moveOnContacts(db: Db, { userId, steps, now }: { userId: string; steps: readonly QueueItem[]; now: Date }): Promise<ReadonlyMap<string, LastContact>> {
  if (steps.length === 0) return Promise.resolve(new Map());
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
 * The move-on list's rows, read when the user opens it rather than sent
 * with every dashboard: the same plan the dashboard shows (so the same
 * steps, in its order), scoped to the user; another user's id finds only
 * that user's own.
 */
export async function silentApplications(db: Db, { user, now }: { user: { id: string; timeZone: string; dates: DateStyle }; now: Date }): Promise<Silent[]> {
  // No interviews are shown here: the plan's move-on steps do not depend on them.
  const { plan } = await loadDashboardPlan(db, { user, now, soonLimit: 0, laterLimit: 0 });
  const contacts = await moveOnContacts(db, { userId: user.id, steps: plan.moveOn, now });
  return silentRows(plan.moveOn, contacts, now, formatsFor(user.dates));
}
