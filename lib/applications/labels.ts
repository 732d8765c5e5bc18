import type { ApplicationStatus, SalaryPeriod, WorkMode } from "@/lib/vocabulary";

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  saved: "Saved",
  applied: "Applied",
  screening: "Screening",
  interviewing: "Interviewing",
  offer: "Offer",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  ghosted: "Ghosted",
};

export const WORK_MODE_LABELS: Record<WorkMode, string> = { remote: "Remote", hybrid: "Hybrid", onsite: "On-site" };

export const PERIOD_LABELS: Record<SalaryPeriod, string> = { year: "per year", month: "per month", week: "per week", day: "per day", hour: "per hour" };

/** "Berlin · Hybrid"; a location that already says the work mode is not repeated. */
export function formatPlace(a: { location: string | null; workMode: WorkMode | null }): string | null {
  const mode = a.workMode ? WORK_MODE_LABELS[a.workMode] : null;
  if (!a.location) return mode;
  if (!mode || a.location.toLowerCase().includes(mode.toLowerCase())) return a.location;
  return `${a.location} · ${mode}`;
}

export const SOURCE_SUGGESTIONS = ["Referral", "LinkedIn", "Company site", "Recruiter", "Job board", "Meetup or event"];

export function formatSalary(a: {
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
}): string | null {
  if (a.salaryMin === null && a.salaryMax === null) return null;
  const fmt = (n: number) => {
    try {
      return new Intl.NumberFormat("en-US", {
        style: "currency",
        currency: a.salaryCurrency ?? "USD",
        maximumFractionDigits: 0,
      }).format(n);
    } catch {
      return `${n.toLocaleString("en-US")} ${a.salaryCurrency ?? ""}`.trim();
    }
  };
  const range =
    a.salaryMin !== null && a.salaryMax !== null && a.salaryMin !== a.salaryMax
      ? `${fmt(a.salaryMin)} – ${fmt(a.salaryMax)}`
      : fmt((a.salaryMin ?? a.salaryMax) as number);
  return a.salaryPeriod ? `${range} ${PERIOD_LABELS[a.salaryPeriod]}` : range;
}
