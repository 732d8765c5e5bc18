import Link from "next/link";
import { formatPlace } from "@/lib/applications/labels";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import type { ListRow } from "@/lib/data/application-list";
import { nextStepView, type StepView } from "../../_components/guidance/next-step-view";
import { TONE_CLASSES } from "../../_components/guidance/step-tone";
import { StatusBadge } from "../../_components/status-badge";
import { RowCheckbox } from "./bulk/selection";

function NextStep({ row, view }: { row: ListRow; view: StepView | null }) {
  if (!view) return null;
  return (
    <p className="mt-1 text-sm text-slate-800 dark:text-slate-200" data-testid="next-step" data-tone={view.tone}>
      <span className="font-medium">Next:</span> {view.title}
      {view.due ? (
        <span className={TONE_CLASSES[view.tone]} title={view.exact ?? undefined}>
          {" "}
          {/* Mid-sentence here: "Next: Follow up · overdue by 2 days". */}
          · {view.due.charAt(0).toLowerCase() + view.due.slice(1)}
        </span>
      ) : null}
      {row.moreSteps > 0 ? <span className="text-slate-600 dark:text-slate-400"> · {row.moreSteps} more</span> : null}
    </p>
  );
}

export function ApplicationRow({ row, now, zone, dates }: { row: ListRow; now: Date; zone: string; dates: DateStyle }) {
  const view = row.nextStep ? nextStepView(row.nextStep, row.company, now, zone, dates) : null;
  return (
    <li
      className={`flex flex-col gap-2 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-slate-800 ${
        view?.tone === "late" ? "border-l-4 border-l-red-700 dark:border-l-red-400" : ""
      }`}
      data-testid="application-row"
    >
      <div className="flex min-w-0 flex-1 items-start gap-3 sm:items-center">
        <RowCheckbox id={row.id} name={`${row.roleTitle} at ${row.company}`} />
        <div className="min-w-0 flex-1">
          <Link href={`/applications/${row.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline dark:text-slate-100">
            {row.roleTitle}
          </Link>
          <p className="truncate text-sm text-slate-700 dark:text-slate-300">{[row.company, formatPlace(row)].filter(Boolean).join(" · ")}</p>
          <NextStep row={row} view={view} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
        {row.excitement ? (
          <span className="text-amber-700 dark:text-amber-400">
            <span aria-hidden>{"★".repeat(row.excitement)}</span>
            <span className="sr-only">Excitement {row.excitement} out of 5</span>
          </span>
        ) : null}
        {row.archivedAt ? <span className="text-xs font-medium text-slate-700 dark:text-slate-300">Archived</span> : null}
        <span>{row.appliedOn ? `Applied ${formatsFor(dates).calendarDay(row.appliedOn)}` : "Not applied yet"}</span>
        <StatusBadge status={row.status} />
      </div>
    </li>
  );
}
