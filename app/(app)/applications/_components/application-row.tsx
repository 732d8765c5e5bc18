import Link from "next/link";
import { formatPlace } from "@/lib/applications/labels";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import type { ListRow } from "@/lib/data/application-list";
import { span } from "@/lib/guidance/phrases";
import { StatusBadge } from "../../_components/status-badge";
import { RowCheckbox } from "./bulk/selection";

function NextStep({ row, now }: { row: ListRow; now: Date }) {
  const step = row.nextStep;
  if (!step) return null;
  const when = !step.dueAt
    ? null
    : step.overdue
      ? `overdue by ${span(step.dueAt, now)}`
      : step.dueAt.getTime() - now.getTime() < 60_000
        ? "due now"
        : `due in ${span(now, step.dueAt)}`;
  return (
    <p className="mt-1 text-sm text-slate-800 dark:text-slate-200" data-testid="next-step">
      <span className="font-medium">Next:</span> {step.title}
      {when ? (
        <span className={step.overdue ? "font-semibold text-red-800 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}>
          {" "}
          · {when}
        </span>
      ) : null}
      {row.moreSteps > 0 ? <span className="text-slate-600 dark:text-slate-400"> · {row.moreSteps} more</span> : null}
    </p>
  );
}

export function ApplicationRow({ row, now, dates }: { row: ListRow; now: Date; dates: DateStyle }) {
  return (
    <li
      className={`flex flex-col gap-2 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-slate-800 ${
        row.nextStep?.overdue ? "border-l-4 border-l-red-700 dark:border-l-red-400" : ""
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
          <NextStep row={row} now={now} />
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
