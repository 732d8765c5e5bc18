import { getDb } from "@/db/client";
import type { QueueItem } from "@/lib/dashboard/overview";
import { lastContacts, type LastContact } from "@/lib/data/last-contact";
import { DAY } from "@/lib/guidance/facts";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { MoveOnItem, type Silent } from "./move-on-item";

/** The same steps (one plan, kept per cached overview and day) have the same contacts: any change to them is a new overview. */
const contactsOf = new WeakMap<readonly QueueItem[], Map<string, LastContact>>();

type Props = { steps: readonly QueueItem[]; userId: string; now: Date; dates: DateStyle };

/**
 * Today's one item for every application whose move-on step fired: how
 * long each has been silent, read here (one query for all of them) so the
 * plan stays pure.
 */
export function MoveOnSection({ steps, userId, now, dates }: Props) {
  if (steps.length === 0) return null;
  const f = formatsFor(dates);
  let contacts = contactsOf.get(steps);
  if (!contacts) {
    contacts = new Map(lastContacts(getDb(), { userId, applicationIds: steps.map((s) => s.applicationId), now }).map((c) => [c.applicationId, c]));
    contactsOf.set(steps, contacts);
  }
  const silent: Silent[] = steps.map((s) => {
    const c = contacts.get(s.applicationId);
    // Silent since the company was last heard from, or since applying.
    const since = c?.heardAt ?? (c?.appliedOn ? new Date(`${c.appliedOn}T12:00:00Z`) : null);
    return {
      applicationId: s.applicationId,
      company: s.company,
      roleTitle: s.roleTitle,
      lastContact: c?.at ? f.shortDate(c.at) : c?.appliedOn ? f.calendarDay(c.appliedOn) : null,
      days: since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY)) : null,
    };
  });
  return <MoveOnItem silent={silent} />;
}
