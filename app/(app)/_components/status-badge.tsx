import type { ApplicationStatus } from "@/lib/vocabulary";
import { STATUS_LABELS } from "@/lib/applications/labels";

const TONES: Record<ApplicationStatus, string> = {
  saved: "bg-slate-100 text-slate-800",
  applied: "bg-sky-100 text-sky-900",
  screening: "bg-indigo-100 text-indigo-900",
  interviewing: "bg-violet-100 text-violet-900",
  offer: "bg-amber-100 text-amber-900",
  accepted: "bg-green-100 text-green-900",
  rejected: "bg-rose-100 text-rose-900",
  withdrawn: "bg-zinc-200 text-zinc-800",
  ghosted: "bg-stone-200 text-stone-800",
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${TONES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
