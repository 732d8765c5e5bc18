import type { PutAside } from "@/lib/guidance/recommend";
import { RestoreButton } from "./restore-button";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

/** "Snoozed until Thu, 3 Dec 2026, 09:00" or "Dismissed". */
function state(p: PutAside, dates: DateStyle): string {
  return p.state === "snoozed" && p.until ? `Snoozed until ${formatsFor(dates).dateTime(p.until)}` : "Dismissed";
}

/** Steps the user snoozed or dismissed, each with when it comes back and a one-click Restore. */
export function PutAsideList({ items, dates }: { items: readonly PutAside[]; dates: DateStyle }) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-700" data-testid="put-aside">
      {items.map((p) => (
        <li key={p.step.key} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2" data-testid="put-aside-step">
          <div className="min-w-0">
            <p className="font-medium">{p.step.title}</p>
            <p className="text-sm text-slate-700 dark:text-slate-300">{state(p, dates)}</p>
          </div>
          <RestoreButton applicationId={p.step.applicationId} stepKey={p.step.key} title={p.step.title} />
        </li>
      ))}
    </ul>
  );
}
