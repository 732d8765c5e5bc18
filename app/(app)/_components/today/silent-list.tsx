import type { Silent } from "@/lib/dashboard/silent";
import { plural } from "@/lib/text/plural";

/** The move-on list's rows, each ticked unless the user unticked it. */
export function SilentList({ silent, unticked, onTick }: { silent: Silent[]; unticked: ReadonlySet<string>; onTick: (id: string, on: boolean) => void }) {
  return (
    <fieldset className="mt-3">
      <legend className="sr-only">Applications to mark as ghosted</legend>
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {silent.map((s) => (
          <li key={s.applicationId} className="py-2">
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600 dark:accent-brand-400"
                checked={!unticked.has(s.applicationId)}
                onChange={(e) => onTick(s.applicationId, e.currentTarget.checked)}
              />
              <span className="min-w-0">
                <span className="font-medium">
                  {s.roleTitle} at {s.company}
                </span>
                <span className="block text-sm text-slate-700 dark:text-slate-300" data-testid="last-contact">
                  {s.lastContact ? `Last contact ${s.lastContact}` : "No contact logged"}
                  {s.days !== null ? ` · nothing heard for ${plural(s.days, "day")}` : ""}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
