import type { QueueItem } from "@/lib/dashboard/overview";
import type { LastContact } from "@/lib/data/last-contact";
import { DAY_MS } from "@/lib/time/units";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { MoveOnItem, type Silent } from "./move-on-item";

type Props = { steps: readonly QueueItem[]; contacts: ReadonlyMap<string, LastContact>; now: Date; dates: DateStyle };

/**
 * Today's one item for every application whose move-on step fired: how
 * long each has been silent, from their last contacts (read by the loader).
 */
export function MoveOnSection({ steps, contacts, now, dates }: Props) {
  if (steps.length === 0) return null;
  const f = formatsFor(dates);
  const silent: Silent[] = steps.map((s) => {
    const c = contacts.get(s.applicationId);
    // Silent since the company was last heard from, or since applying.
    const since = c?.heardAt ?? (c?.appliedOn ? new Date(`${c.appliedOn}T12:00:00Z`) : null);
    return {
      applicationId: s.applicationId,
      company: s.company,
      roleTitle: s.roleTitle,
      lastContact: c?.at ? f.shortDate(c.at) : c?.appliedOn ? f.calendarDay(c.appliedOn) : null,
      days: since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)) : null,
    };
  });
  return <MoveOnItem silent={silent} />;
}
