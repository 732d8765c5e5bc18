import type { ApplicationStatus } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";

const TONES: Record<ApplicationStatus, string> = {
  saved: "bg-slate-100 dark:bg-slate-800 text-slate-800 dark:text-slate-200",
  applied: "bg-sky-100 dark:bg-sky-900 text-sky-900 dark:text-sky-200",
  screening: "bg-indigo-100 dark:bg-indigo-900 text-indigo-900 dark:text-indigo-200",
  interviewing: "bg-violet-100 dark:bg-violet-900 text-violet-900 dark:text-violet-200",
  offer: "bg-amber-100 dark:bg-amber-900 text-amber-900 dark:text-amber-200",
  accepted: "bg-green-100 dark:bg-green-900 text-green-900 dark:text-green-200",
  rejected: "bg-rose-100 dark:bg-rose-900 text-rose-900 dark:text-rose-200",
  withdrawn: "bg-zinc-200 dark:bg-zinc-700 text-zinc-800 dark:text-zinc-200",
  ghosted: "bg-stone-200 dark:bg-stone-700 text-stone-800 dark:text-stone-200",
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${TONES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
